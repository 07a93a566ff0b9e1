import { Table, Tag, Typography } from 'antd';
import type { ConsolidationDto } from '@shared/api/panel-contract';
import { enumLabel } from '@shared/domain/enums';
import type { ConsolidationMethod } from '@shared/scoring/consolidate';
import { VERDICTS } from '@shared/scoring/verdict';

type Project = ConsolidationDto['projects'][number];

const FIGURES: readonly { key: ConsolidationMethod | 'spread'; title: string }[] = [
  { key: 'mean', title: '平均分' },
  { key: 'trimmedMean', title: '截尾均值' },
  { key: 'median', title: '中位数' },
  { key: 'spread', title: '极差' },
  { key: 'normalised', title: '标准化得分' },
];

/** The projects ranked by the method that counts, every method's figure side by side; the counting one stands out. */
export function RankingTable({ data, selected, onSelect }: { data: ConsolidationDto; selected: string | undefined; onSelect: (projectId: string) => void }) {
  const ranked = [...data.projects].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  return (
    <Table<Project>
      rowKey="projectId"
      size="small"
      pagination={false}
      dataSource={ranked}
      data-testid="ranking"
      rowClassName={(p) => (p.projectId === selected ? 'ant-table-row-selected' : '')}
      onRow={(p) => ({ onClick: () => onSelect(p.projectId), onKeyDown: (e) => e.key === 'Enter' && onSelect(p.projectId), tabIndex: 0, style: { cursor: 'pointer' } })}
      columns={[
        { title: '名次', dataIndex: 'rank', width: 60, align: 'center', render: (r: number | null) => r ?? '—' },
        { title: '项目', dataIndex: 'projectName', ellipsis: true },
        {
          title: '参评',
          width: 120,
          render: (_: unknown, p) => {
            const counted = p.rows.filter((r) => r.counted).length;
            const recused = p.rows.filter((r) => r.recusal !== null).length;
            return p.hidden ? '本人回避' : `${String(counted)} 人${recused > 0 ? `（${String(recused)} 回避）` : ''}`;
          },
        },
        ...FIGURES.map((f) => ({
          title: f.key === data.method ? <Typography.Text strong>{`${f.title}（计分）`}</Typography.Text> : f.title,
          width: f.key === data.method ? 120 : 92,
          align: 'right' as const,
          onCell: () => ({ style: f.key === data.method ? { background: '#e6f4ff', fontWeight: 600 } : {} }),
          render: (_: unknown, p: Project) => (p.hidden ? '—' : (p[f.key] ?? '—')),
        })),
        {
          title: '偏离',
          width: 70,
          align: 'center',
          render: (_: unknown, p) => (p.divergent.length > 0 ? <Tag color="red">{p.divergent.length}</Tag> : ''),
        },
        {
          title: '专家组结论',
          width: 110,
          render: (_: unknown, p) =>
            p.panelOpinion.verdict ? (
              <Tag color={p.panelOpinion.saved ? 'green' : undefined}>
                {enumLabel(VERDICTS, p.panelOpinion.verdict)}
                {p.panelOpinion.saved ? '' : '（草稿）'}
              </Tag>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}
