import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Drawer, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { RUBRIC_TOTAL } from '@shared/scoring/rubric-schema';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/use-api-mutation';
import { adjustmentOf, draftOf, draftProblems, maximaSum, newItem, type DraftItem } from '@shared/scoring/rubric-draft';

type Guidance = DraftItem['guidance'][number];

function GuidanceRows({ item, onChange }: { item: DraftItem; onChange: (guidance: Guidance[]) => void }) {
  const set = (j: number, patch: Partial<Guidance>) => onChange(item.guidance.map((g, k) => (k === j ? { ...g, ...patch } : g)));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={4}>
      {item.guidance.map((g, j) => (
        <Space.Compact key={j} style={{ width: '100%' }}>
          <Input style={{ width: 70 }} value={g.from} onChange={(e) => set(j, { from: e.target.value.trim() })} aria-label={`第 ${String(j + 1)} 段下限`} />
          <Input style={{ width: 30, pointerEvents: 'none' }} value="–" tabIndex={-1} readOnly />
          <Input style={{ width: 70 }} value={g.to} onChange={(e) => set(j, { to: e.target.value.trim() })} aria-label={`第 ${String(j + 1)} 段上限`} />
          <Input value={g.text} onChange={(e) => set(j, { text: e.target.value })} placeholder="该分数段的评分说明" aria-label={`第 ${String(j + 1)} 段说明`} />
          <Button disabled={item.guidance.length === 1} onClick={() => onChange(item.guidance.filter((_, k) => k !== j))}>
            删除此段
          </Button>
        </Space.Compact>
      ))}
      <Button size="small" onClick={() => onChange([...item.guidance, { from: item.guidance.at(-1)?.to ?? '0', to: item.max, text: '' }])}>
        增加分数段
      </Button>
    </Space>
  );
}

function ItemEditor({ item, index, onChange, onRemove }: { item: DraftItem; index: number; onChange: (patch: Partial<DraftItem>) => void; onRemove: () => void }) {
  return (
    <Card
      size="small"
      title={
        <Space>
          <span>{`第 ${String(index + 1)} 项`}</span>
          {item.added && <Tag color="blue">新增</Tag>}
        </Space>
      }
      extra={
        <Button danger size="small" onClick={onRemove}>
          删除评分项
        </Button>
      }
      data-testid="rubric-item-editor"
    >
      <Space direction="vertical" style={{ width: '100%' }} size={6}>
        <Space.Compact style={{ width: '100%' }}>
          <Input addonBefore="名称" value={item.title} onChange={(e) => onChange({ title: e.target.value })} aria-label="评分项名称" />
          <Input addonBefore="满分" style={{ width: 160 }} value={item.max} onChange={(e) => onChange({ max: e.target.value.trim() })} aria-label="满分" />
        </Space.Compact>
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 4 }}
          value={item.description}
          onChange={(e) => onChange({ description: e.target.value })}
          placeholder="评分项说明"
          aria-label="评分项说明"
        />
        <Typography.Text type="secondary">评分指引（各分数段须从 0 分起依次衔接到满分）</Typography.Text>
        <GuidanceRows item={item} onChange={(guidance) => onChange({ guidance })} />
        <Typography.Text type="secondary">佐证材料（每行一项）</Typography.Text>
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 4 }}
          value={item.evidence}
          onChange={(e) => onChange({ evidence: e.target.value })}
          placeholder="佐证材料，每行一项"
          aria-label="佐证材料"
        />
      </Space>
    </Card>
  );
}

/** The chair adjusts the batch's rubric before the first score; afterwards it is frozen and only shown. */
export function RubricAdjustCard({ batchId }: { batchId: string }) {
  const { message } = App.useApp();
  const rubric = useQuery({ queryKey: ['getBatchRubric', batchId], queryFn: () => api.getBatchRubric({ batchId }) });
  const [draft, setDraft] = useState<DraftItem[] | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const save = useApiMutation('adjustBatchRubric', {
    onSuccess: (saved) => {
      setDraft(null);
      setServerError(null);
      void message.success(`评分标准已调整为第 ${String(saved.version)} 版`);
    },
    onError: (e) => setServerError(e.message),
  });
  const data = rubric.data;
  if (!data) return null;
  const problems = draft ? draftProblems(draft) : [];
  const sum = draft ? maximaSum(draft) : null;
  const update = (i: number, patch: Partial<DraftItem>) => setDraft((d) => d && d.map((item, k) => (k === i ? { ...item, ...patch } : item)));

  return (
    <Card size="small" title="评分标准" data-testid="rubric-card">
      <Space wrap>
        <Typography.Text>{`${data.name}（第 ${String(data.version)} 版）`}</Typography.Text>
        <Typography.Text type="secondary">{data.items.map((i) => `${i.title} ${i.max} 分`).join('，')}</Typography.Text>
        {data.frozen ? <Tag>已开始评分，评分标准已冻结</Tag> : data.adjustable ? <Button onClick={() => setDraft(draftOf(data))}>调整评分标准</Button> : null}
      </Space>
      <Drawer
        open={draft !== null}
        width={880}
        title={`调整评分标准：${data.name}`}
        onClose={() => {
          setDraft(null);
          setServerError(null);
        }}
        footer={
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <Typography.Text type={sum === RUBRIC_TOTAL ? 'success' : 'danger'} data-testid="rubric-sum">{`满分合计 ${sum ?? '—'} / ${RUBRIC_TOTAL} 分`}</Typography.Text>
            <Space>
              <Button onClick={() => setDraft((d) => d && [...d, newItem(d)])}>新增评分项</Button>
              <Button
                type="primary"
                disabled={problems.length > 0}
                loading={save.isPending}
                onClick={() => draft && save.mutate({ batchId, items: adjustmentOf(draft) })}
              >
                {`保存为第 ${String(data.version + 1)} 版`}
              </Button>
            </Space>
          </Space>
        }
      >
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Alert type="info" showIcon message="第一个评分录入后评分标准即冻结，之后不能再调整。每次调整保存为新的版本，评分表注明所依据的版本。" />
          {problems.length > 0 && (
            <Alert
              type="warning"
              showIcon
              message="保存前请修改："
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              }
              data-testid="rubric-problems"
            />
          )}
          {serverError && <Alert type="error" showIcon message="未能保存" description={<span style={{ whiteSpace: 'pre-line' }}>{serverError}</span>} />}
          {draft?.map((item, i) => (
            <ItemEditor key={item.id} item={item} index={i} onChange={(patch) => update(i, patch)} onRemove={() => setDraft((d) => d && d.filter((_, k) => k !== i))} />
          ))}
        </Space>
      </Drawer>
    </Card>
  );
}
