import { Card, Input, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { InspectionIndicator } from '@shared/api/inspection-contract';
import { SaveIndicator } from '../scoring/SaveIndicator';
import { useAutosave } from '../scoring/use-autosave';

interface IndicatorDraft {
  value: string;
  note: string;
}

interface Props {
  indicators: InspectionIndicator[];
  myReviewerId: string | undefined;
  record: (input: { indicatorId: string; value: string; note: string }) => Promise<unknown>;
}

/** The project's 绩效指标: target and claimed as the package states them, the value observed on site (saved as typed). */
export function IndicatorPanel({ indicators, myReviewerId, record }: Props) {
  const [drafts, setDrafts] = useState<Record<string, IndicatorDraft>>({});
  const autosave = useAutosave<IndicatorDraft>((indicatorId, draft) => {
    // The core keeps the last value; an emptied box is not a value (it says so and keeps what was typed).
    if (draft.value.trim() === '') return Promise.reject(new Error('请填写现场核查值'));
    return record({ indicatorId, value: draft.value, note: draft.note });
  });
  const draftOf = (i: InspectionIndicator): IndicatorDraft => drafts[i.id] ?? { value: i.mine?.value ?? '', note: i.mine?.note ?? '' };
  const change = (i: InspectionIndicator, patch: Partial<IndicatorDraft>) => {
    const next = { ...draftOf(i), ...patch };
    setDrafts((all) => ({ ...all, [i.id]: next }));
    autosave.change(i.id, next);
  };

  if (indicators.length === 0) return <Card size="small">本项目没有需现场核查的绩效指标</Card>;
  return (
    <Card size="small" title="绩效指标现场核查" extra={<SaveIndicator state={autosave.state} />} data-testid="indicator-panel">
      <Table<InspectionIndicator>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={indicators}
        onRow={(i) => ({ style: i.belowTarget ? { background: '#fff1f0' } : undefined })}
        columns={[
          { key: 'category', title: '类别', dataIndex: 'category', width: 90 },
          {
            key: 'name',
            title: '指标',
            render: (_: unknown, i) => (
              <>
                <div>{i.name}</div>
                {i.observations
                  .filter((o) => o.reviewerId !== myReviewerId)
                  .map((o) => (
                    <Typography.Text key={o.reviewerId} type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {o.reviewerName}：{o.value}
                      {i.unit}
                      {o.note ? `（${o.note}）` : ''}
                    </Typography.Text>
                  ))}
              </>
            ),
          },
          { key: 'target', title: '目标值', width: 110, render: (_: unknown, i) => `${i.target}${i.unit && !i.target.endsWith(i.unit) ? ` ${i.unit}` : ''}` },
          { key: 'claimed', title: '申报完成值', width: 110, render: (_: unknown, i) => `${i.claimed}${i.unit && !i.claimed.endsWith(i.unit) ? ` ${i.unit}` : ''}` },
          {
            key: 'value',
            title: '现场核查值',
            width: 170,
            render: (_: unknown, i) => (
              <Input
                size="large"
                value={draftOf(i).value}
                suffix={i.unit || undefined}
                placeholder="现场所见"
                aria-label={`${i.name}的现场核查值`}
                onChange={(e) => change(i, { value: e.target.value })}
                onBlur={() => void autosave.flush(i.id)}
                data-testid={`indicator-value-${i.name}`}
              />
            ),
          },
          {
            key: 'note',
            title: '说明',
            render: (_: unknown, i) => (
              <Input
                size="large"
                value={draftOf(i).note}
                placeholder="如何核查（查看报表、现场清点）"
                aria-label={`${i.name}的说明`}
                onChange={(e) => change(i, { note: e.target.value })}
                onBlur={() => void autosave.flush(i.id)}
              />
            ),
          },
          {
            key: 'state',
            title: '结论',
            width: 96,
            render: (_: unknown, i) =>
              i.belowTarget ? (
                <Tag color="red" data-testid="below-target">
                  低于目标
                </Tag>
              ) : i.mine ? (
                <Tag color="green">已核查</Tag>
              ) : (
                <Typography.Text type="secondary">未核查</Typography.Text>
              ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        现场核查值低于目标值的指标列为发现。
      </Typography.Paragraph>
    </Card>
  );
}
