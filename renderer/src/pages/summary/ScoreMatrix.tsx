import { Alert, Table, Tag, Typography } from 'antd';
import type { ConsolidationDto } from '@shared/api/panel-contract';
import { enumLabel } from '@shared/domain/enums';
import { RECUSAL_KINDS } from '@shared/scoring/recusal';
import { VERDICTS } from '@shared/scoring/verdict';

type Project = ConsolidationDto['projects'][number];
type Row = Project['rows'][number];

/** One project's matrix experts × items with totals; recused experts read 回避, flagged scores stand out with their comments. */
export function ScoreMatrix({ data, project }: { data: ConsolidationDto; project: Project }) {
  const names = new Map(data.experts.map((e) => [e.id, e.name]));
  const itemTitles = new Map(data.rubric.items.map((i) => [i.id, i.title]));
  const divergent = new Map(project.divergent.map((d) => [d.expertId, d]));
  const items = data.rubric.items;
  const recusedSpan = items.length + 3;

  if (project.hidden) return <Alert type="warning" showIcon message="您已声明回避本项目，按回避规定不显示其他专家的评分。" />;

  return (
    <>
      <Table<Row>
        rowKey="expertId"
        size="small"
        pagination={false}
        bordered
        dataSource={project.rows}
        data-testid="score-matrix"
        scroll={{ x: 'max-content' }}
        rowClassName={(r) => (divergent.has(r.expertId) ? 'score-divergent' : '')}
        columns={[
          { title: '专家', dataIndex: 'expertId', width: 110, fixed: 'left', render: (id: string) => names.get(id) ?? '—' },
          ...items.map((item, index) => ({
            title: (
              <span title={item.title} style={{ whiteSpace: 'normal' }}>
                {item.title}
                <br />
                <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
                  （{item.max} 分）
                </Typography.Text>
              </span>
            ),
            width: 120,
            align: 'right' as const,
            onCell: (r: Row) => (r.recusal ? { colSpan: index === 0 ? recusedSpan : 0 } : {}),
            render: (_: unknown, r: Row) =>
              r.recusal ? (
                <Tag color="orange">回避（{enumLabel(RECUSAL_KINDS, r.recusal.kind)}）</Tag>
              ) : (
                (r.items[item.id] ?? <Typography.Text type="secondary">未评</Typography.Text>)
              ),
          })),
          {
            title: '总分',
            width: 80,
            align: 'right' as const,
            onCell: (r: Row) => (r.recusal ? { colSpan: 0 } : {}),
            render: (_: unknown, r: Row) => (
              <Typography.Text strong type={divergent.has(r.expertId) ? 'danger' : undefined}>
                {r.total ?? '—'}
                {!r.counted && !r.recusal && <Typography.Text type="secondary">（不完整，不计入）</Typography.Text>}
              </Typography.Text>
            ),
          },
          {
            title: '标准化',
            width: 80,
            align: 'right' as const,
            onCell: (r: Row) => (r.recusal ? { colSpan: 0 } : {}),
            render: (_: unknown, r: Row) => r.normalised ?? '—',
          },
          {
            title: '结论',
            width: 90,
            onCell: (r: Row) => (r.recusal ? { colSpan: 0 } : {}),
            render: (_: unknown, r: Row) => (r.verdict ? enumLabel(VERDICTS, r.verdict) : '—'),
          },
        ]}
      />
      {project.divergent.map((d) => (
        <Alert
          key={d.expertId}
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="divergent-score"
          message={`${names.get(d.expertId) ?? '一位专家'}的总分 ${d.total} 与中位数 ${d.median} 相差 ${d.distance} 分，超过 ${data.divergencePoints} 分`}
          description={
            d.comments.length === 0 ? (
              '该专家未写评语。'
            ) : (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {d.comments.map((c) => (
                  <li key={c.itemId}>
                    <Typography.Text strong>{itemTitles.get(c.itemId) ?? '评分项'}：</Typography.Text>
                    {c.comment}
                  </li>
                ))}
              </ul>
            )
          }
        />
      ))}
    </>
  );
}
