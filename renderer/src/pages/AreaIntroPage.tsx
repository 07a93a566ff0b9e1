import { Card, Empty, Typography } from 'antd';

/** What each area is for, shown while the area has nothing to list yet. */
const INTRODUCTIONS: Record<string, { purpose: string; empty: string }> = {
  reports: {
    purpose: '导出带签名的评审意见和验收报告。',
    empty: '尚无可导出的报告。',
  },
};

export function AreaIntroPage({ area }: { area: string }) {
  const intro = INTRODUCTIONS[area];
  if (!intro) return null;
  return (
    <Card>
      <Typography.Paragraph type="secondary">{intro.purpose}</Typography.Paragraph>
      <Empty description={intro.empty} />
    </Card>
  );
}
