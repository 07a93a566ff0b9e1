import { Alert, Button, Card, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ScoringSheetDto } from '@shared/api/panel-contract';
import { enumLabel } from '@shared/domain/enums';
import { RECUSAL_KINDS, type RecusalKind } from '@shared/scoring/recusal';
import { useApiMutation } from '../../api/use-api-mutation';

/**
 * 回避声明 before scoring: none, or the conflict. A recused project shows only this card — the
 * expert may neither score it nor see the panel's scores — and the declaration may be corrected.
 */
export function RecusalCard({ sheet, projectName, onDone }: { sheet: ScoringSheetDto; projectName: string; onDone: () => void }) {
  const [conflict, setConflict] = useState<boolean>(sheet.recusal !== null);
  const [kind, setKind] = useState<RecusalKind | undefined>(sheet.recusal?.kind);
  const [note, setNote] = useState(sheet.recusal?.note ?? '');
  const [editing, setEditing] = useState(!sheet.recusalDeclared);
  const [error, setError] = useState<string | null>(null);
  const declare = useApiMutation('setRecusal', {
    onSuccess: () => {
      setEditing(false);
      onDone();
    },
    onError: (e) => setError(e.message),
  });
  const ref = { batchId: sheet.batchId, projectId: sheet.projectId };

  if (!editing && sheet.recusal) {
    return (
      <Card data-testid="recusal-declared">
        <Alert
          type="warning"
          showIcon
          message={`您已声明回避本项目（${enumLabel(RECUSAL_KINDS, sheet.recusal.kind)}）`}
          description={
            <>
              {sheet.recusal.note && <div>说明：{sheet.recusal.note}</div>}
              <div>回避的项目不能评分，也看不到其他专家的评分；您的回避声明会列入评审报告。</div>
            </>
          }
          action={<Button onClick={() => setEditing(true)}>更正回避声明</Button>}
        />
      </Card>
    );
  }

  const submit = () => {
    setError(null);
    if (!conflict) declare.mutate({ ...ref, recusal: null });
    else if (!kind) setError('请选择回避原因');
    else declare.mutate({ ...ref, recusal: { kind, note } });
  };

  return (
    <Card title="回避声明" data-testid="recusal-form">
      <Typography.Paragraph>
        评分前请声明您与「{projectName}」的申报单位是否存在利害关系（任职、持股、亲属、近期合作等）。有利害关系的须回避：不评分，也不查看本项目的评分。
      </Typography.Paragraph>
      <Form layout="vertical" onFinish={submit}>
        <Form.Item>
          <Radio.Group value={conflict} onChange={(e) => setConflict(e.target.value as boolean)}>
            <Space direction="vertical">
              <Radio value={false} autoFocus>
                本人与该项目申报单位无利害关系，开始评分
              </Radio>
              <Radio value={true}>本人与该项目存在利害关系，申请回避</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        {conflict && (
          <Space align="start" wrap>
            <Form.Item label="回避原因" required style={{ width: 220 }}>
              <Select<RecusalKind>
                value={kind}
                onChange={setKind}
                placeholder="请选择"
                options={RECUSAL_KINDS.map((k) => ({ value: k.id, label: k.label }))}
                data-testid="recusal-kind"
              />
            </Form.Item>
            <Form.Item label={kind === 'other' ? '说明（必填）' : '说明'} required={kind === 'other'} style={{ width: 420 }}>
              <Input.TextArea rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
            </Form.Item>
          </Space>
        )}
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Space>
          <Button type="primary" htmlType="submit" loading={declare.isPending}>
            {conflict ? '声明回避' : '确认并开始评分'}
          </Button>
          {sheet.recusalDeclared && (
            <Button
              onClick={() => {
                setEditing(false);
                onDone();
              }}
            >
              取消
            </Button>
          )}
        </Space>
      </Form>
    </Card>
  );
}
