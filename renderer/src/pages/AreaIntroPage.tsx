import { Card, Empty, Typography } from 'antd';

/** What each area is for, shown while the area has nothing to list yet. */
const INTRODUCTIONS: Record<string, { purpose: string; empty: string }> = {
  scoring: {
    purpose: '按政策评分细则逐项打分，声明回避情况，签署个人评审意见。',
    empty: '尚无待评分项目。',
  },
  summary: {
    purpose: '组长汇总各位专家的评分和意见，形成专家组结论并测算奖补金额。',
    empty: '尚无专家评审意见。',
  },
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
