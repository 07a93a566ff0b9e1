import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Radio, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ChecklistItem, CheckStatus, ProjectChecklist } from '@shared/api/checklist-contract';
import { STAGE_LABEL } from '@shared/codes/labels';
import { parseAmountInput } from '@shared/domain/amount-input';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/use-api-mutation';
import { yuan } from '../../format';

type Choice = CheckStatus | 'open';

/** One condition: the panel's choice and its note, saved together; 不满足 needs a note. */
function ConditionRow({ item, onSave, saving }: { item: ChecklistItem; onSave: (status: CheckStatus | null, note: string) => void; saving: boolean }) {
  const [choice, setChoice] = useState<Choice>(item.status ?? 'open');
  const [note, setNote] = useState(item.note);
  const changed = choice !== (item.status ?? 'open') || note !== item.note;
  const needsNote = choice === 'not-met' && note.trim() === '';
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={4}>
      <Radio.Group value={choice} onChange={(e) => setChoice(e.target.value as Choice)} aria-label={`${item.label}的确认结果`}>
        <Radio.Button value="met">满足</Radio.Button>
        <Radio.Button value="not-met">不满足</Radio.Button>
        <Radio.Button value="open">未确认</Radio.Button>
      </Radio.Group>
      <Input.TextArea
        value={note}
        onChange={(e) => setNote(e.target.value)}
        autoSize={{ minRows: 1, maxRows: 3 }}
        maxLength={500}
        placeholder={choice === 'not-met' ? '请写明不满足的情况（必填）' : '说明或佐证，如名单文号、附件页码'}
        aria-label={`${item.label}的说明`}
      />
      <Space>
        <Button size="small" type="primary" disabled={!changed || needsNote} loading={saving} onClick={() => onSave(choice === 'open' ? null : choice, note.trim())}>
          保存
        </Button>
        {needsNote && <Typography.Text type="warning">不满足须填写说明</Typography.Text>}
        {item.status !== null && <Typography.Text type="secondary">{item.recordedBy ? `${item.recordedBy}已确认` : '已确认'}</Typography.Text>}
      </Space>
    </Space>
  );
}

/** 已预拨资金 for 立项 and 中期评估; amounts typed as yuan, 万元 or 亿. */
function AdvancesCard({
  checklist,
  batchId,
  projectId,
  onSaved,
}: {
  checklist: ProjectChecklist;
  batchId: string;
  projectId: string;
  onSaved: (c: ProjectChecklist) => void;
}) {
  const { message } = App.useApp();
  const [typed, setTyped] = useState({ application: checklist.advances.application ?? '', midterm: checklist.advances.midterm ?? '' });
  const record = useApiMutation('recordAdvance', {
    onSuccess: (c) => (onSaved(c), void message.success('已登记预拨资金')),
    onError: (e) => void message.error(e.message),
  });
  const save = (stage: 'application' | 'midterm') => {
    const parsed = parseAmountInput(typed[stage], `${STAGE_LABEL[stage]}预拨资金`);
    if (!parsed.ok) return void message.error(parsed.message);
    record.mutate({ batchId, projectId, stage, amount: parsed.value });
  };
  return (
    <Card size="small" title="已预拨资金" style={{ marginTop: 12 }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        立项和中期评估按预期奖补预拨的资金；竣工验收时奖补金额扣除这些资金后拨付剩余部分，奖补金额低于已预拨资金时须退还差额。
      </Typography.Paragraph>
      <Space wrap>
        {(['application', 'midterm'] as const).map((stage) => (
          <Space.Compact key={stage}>
            <Input
              addonBefore={STAGE_LABEL[stage]}
              value={typed[stage]}
              onChange={(e) => setTyped({ ...typed, [stage]: e.target.value })}
              placeholder="如 300万"
              style={{ width: 260 }}
              aria-label={`${STAGE_LABEL[stage]}预拨资金`}
            />
            <Button onClick={() => save(stage)} loading={record.isPending} disabled={typed[stage].trim() === ''}>
              登记
            </Button>
          </Space.Compact>
        ))}
      </Space>
      {checklist.advances.total !== null && (
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>{`已登记合计 ${yuan(checklist.advances.total)} 元`}</Typography.Paragraph>
      )}
    </Card>
  );
}

/**
 * 资格条件核查表: the conditions of the policy text the software cannot compute, for this project at
 * the batch's stage, each with its paragraph; the panel confirms them and they are printed in the
 * acceptance report.
 */
export function ConditionChecklistTab({ batchId, projectId }: { batchId: string; projectId: string }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const key = ['getProjectChecklist', batchId, projectId];
  const checklist = useQuery({ queryKey: key, queryFn: () => api.getProjectChecklist({ batchId, projectId }) });
  const setChecklist = (c: ProjectChecklist) => queryClient.setQueryData(key, c);
  const confirm = useApiMutation('confirmCondition', {
    onSuccess: (c) => (setChecklist(c), void message.success('已保存')),
    onError: (e) => void message.error(e.message),
  });
  if (checklist.error) return <Alert type="error" showIcon message={checklist.error.message} />;
  if (!checklist.data) return <Spin />;
  const c = checklist.data;
  const open = c.items.filter((i) => i.status === null).length;
  return (
    <div data-testid="condition-checklist">
      <Typography.Paragraph>
        {`《${c.policyName}》在${STAGE_LABEL[c.stage]}阶段有 ${String(c.items.length)} 项须由专家组确认的资格条件`}
        {open > 0 ? (
          <Tag color="orange" style={{ marginLeft: 8 }}>{`${String(open)} 项未确认`}</Tag>
        ) : (
          c.items.length > 0 && (
            <Tag color="green" style={{ marginLeft: 8 }}>
              已全部确认
            </Tag>
          )
        )}
      </Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={c.items}
        locale={{ emptyText: '本阶段没有须由专家组确认的资格条件' }}
        columns={[
          {
            title: '资格条件',
            key: 'label',
            render: (_, item) => (
              <>
                <Typography.Text strong>{item.label}</Typography.Text>
                <div>
                  <Typography.Text type="secondary">{item.description}</Typography.Text>
                </div>
              </>
            ),
          },
          { title: '政策依据', dataIndex: 'source', width: 220, render: (s: string) => <Typography.Text type="secondary">{s}</Typography.Text> },
          {
            title: '专家组确认',
            key: 'confirm',
            width: 320,
            render: (_, item) => (
              <ConditionRow
                key={`${item.id}-${item.recordedAt ?? ''}`}
                item={item}
                saving={confirm.isPending && confirm.variables.conditionId === item.id}
                onSave={(status, note) => confirm.mutate({ batchId, projectId, conditionId: item.id, status, note })}
              />
            ),
          },
        ]}
      />
      <AdvancesCard checklist={c} batchId={batchId} projectId={projectId} onSaved={setChecklist} />
    </div>
  );
}
