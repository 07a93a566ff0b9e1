import { Input, Modal, Typography } from 'antd';
import { useState } from 'react';

interface Props {
  count: number;
  /** What the rejection does to the money and to earlier decisions, said before it is taken. */
  effect: string[];
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}

/** 批量不予认定: the reason box has the focus, Ctrl+Enter confirms, an empty reason is a field error. */
export function BulkRejectDialog({ count, effect, onCancel, onConfirm }: Props) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState(false);
  const confirm = () => {
    if (!reason.trim()) return setError(true);
    onConfirm(reason.trim());
  };
  return (
    <Modal
      open
      title={`不予认定所选 ${String(count)} 张发票`}
      okText="不予认定（Ctrl+Enter）"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      onOk={confirm}
      onCancel={onCancel}
      destroyOnHidden
    >
      {effect.map((line) => (
        <Typography.Paragraph key={line} style={{ marginBottom: 4 }}>
          {line}
        </Typography.Paragraph>
      ))}
      <Input.TextArea
        autoFocus
        rows={3}
        placeholder="理由（必填）"
        status={error ? 'error' : undefined}
        value={reason}
        onChange={(e) => {
          setReason(e.target.value);
          setError(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            confirm();
          }
        }}
        data-testid="bulk-reason"
      />
      {error && (
        <Typography.Text type="danger" data-testid="bulk-reason-error">
          请填写不予认定的理由
        </Typography.Text>
      )}
    </Modal>
  );
}
