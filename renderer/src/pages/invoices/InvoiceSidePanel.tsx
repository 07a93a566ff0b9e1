import { Alert, Button, Card, Descriptions, Empty, Input, InputNumber, Modal, Space, Tag, Typography } from 'antd';
import { AttachmentView } from '../../components/AttachmentView';
import { useState } from 'react';
import type { VerifiedInvoiceDto } from '@shared/api/verification-contract';
import { dateTime, yuan } from '../../format';
import { DECISION_LABEL, FINDING_LABEL, SEVERITY_LABEL, SUGGESTION_LABEL } from '@shared/codes/labels';
import { parseMoney } from '@shared/domain/money';
import { SEVERITY_COLOR } from './colors';
import type { DecisionRequest } from './use-verification';
import { InvoiceCorrections } from './InvoiceCorrections';

interface Props {
  batchId: string;
  projectId: string;
  invoice: VerifiedInvoiceDto | undefined;
  busy: boolean;
  onDecide: (request: DecisionRequest) => void;
  /** Opens the reason box when the reviewer presses R. */
  rejectRequested: number;
}

/** The invoice, its findings and the decision form (认定 / 核减 / 不予认定 with a reason). */
export function InvoiceSidePanel({ batchId, projectId, invoice, busy, onDecide, rejectRequested }: Props) {
  if (!invoice)
    return (
      <Card size="small">
        <Empty description="选择一张发票查看详情（↑/↓ 或 J/K 切换）" />
      </Card>
    );
  return (
    <PanelFor
      key={`${String(invoice.rowNo)}-${String(rejectRequested)}`}
      batchId={batchId}
      projectId={projectId}
      invoice={invoice}
      busy={busy}
      onDecide={onDecide}
      startRejecting={rejectRequested > 0}
    />
  );
}

function PanelFor({
  batchId,
  projectId,
  invoice,
  busy,
  onDecide,
  startRejecting,
}: {
  batchId: string;
  projectId: string;
  invoice: VerifiedInvoiceDto;
  busy: boolean;
  onDecide: Props['onDecide'];
  startRejecting: boolean;
}) {
  const defaultReason = invoice.findings
    .filter((f) => f.severity !== 'info')
    .map((f) => f.message)
    .join('；');
  const [mode, setMode] = useState<'none' | 'reduce' | 'reject'>(startRejecting ? 'reject' : 'none');
  const [reason, setReason] = useState(invoice.decision?.reason || defaultReason);
  const [amount, setAmount] = useState<string | null>(invoice.decision?.amount ?? null);
  const [viewing, setViewing] = useState<string | null>(null);
  const submit = () => {
    if (mode === 'reject') onDecide({ rowNos: [invoice.rowNo], kind: 'reject', reason });
    // The typed amount stays a decimal string end to end; parseMoney gives it two decimals exactly.
    const reduced = mode === 'reduce' && amount ? parseMoney(amount, { allowNegative: false, label: '核减后认定金额' }) : null;
    if (reduced?.ok) onDecide({ rowNos: [invoice.rowNo], kind: 'reduce', amount: reduced.value, reason });
    setMode('none');
  };
  return (
    <Card size="small" title={`第 ${String(invoice.rowNo)} 行 ${invoice.key}`} data-testid="invoice-panel">
      <Modal open={viewing !== null} title={viewing} footer={null} width={860} onCancel={() => setViewing(null)} destroyOnHidden>
        {viewing && <AttachmentView batchId={batchId} projectId={projectId} path={viewing} />}
      </Modal>
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="开票日期">
          {invoice.issuedOn}（{invoice.kind}）
        </Descriptions.Item>
        <Descriptions.Item label="销售方">
          {invoice.sellerName} {invoice.sellerTaxId}
        </Descriptions.Item>
        <Descriptions.Item label="购买方">
          {invoice.buyerName} {invoice.buyerTaxId}
        </Descriptions.Item>
        <Descriptions.Item label="项目名称">{invoice.itemName}</Descriptions.Item>
        <Descriptions.Item label="金额 / 税额 / 合计">
          {yuan(invoice.amount)} / {yuan(invoice.tax) || '—'} / {yuan(invoice.total)}
        </Descriptions.Item>
        <Descriptions.Item label="大写">{invoice.totalInWords || '—'}</Descriptions.Item>
        <Descriptions.Item label="合同编号">{invoice.contractNo || '—'}</Descriptions.Item>
        <Descriptions.Item label="附件">
          {invoice.attachments.length === 0
            ? '—'
            : invoice.attachments.map((name) => (
                <Button key={name} type="link" size="small" style={{ padding: 0, marginRight: 8 }} onClick={() => setViewing(name)}>
                  {name}
                </Button>
              ))}
        </Descriptions.Item>
      </Descriptions>
      {invoice.findings.length === 0 ? (
        <Alert type="success" showIcon message="未发现问题" style={{ marginBottom: 12 }} />
      ) : (
        <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
          {invoice.findings.map((f, i) => (
            <Alert
              key={i}
              type={f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'info'}
              showIcon
              message={
                <span>
                  <Tag color={SEVERITY_COLOR[f.severity]}>{SEVERITY_LABEL[f.severity]}</Tag>
                  {FINDING_LABEL[f.code]}
                </span>
              }
              description={f.message}
            />
          ))}
        </Space>
      )}
      <InvoiceCorrections batchId={batchId} projectId={projectId} invoice={invoice} />
      <Typography.Paragraph type="secondary">
        建议：{SUGGESTION_LABEL[invoice.suggested.kind]}（{invoice.suggested.reason}）
      </Typography.Paragraph>
      {invoice.decision && (
        <Alert
          type={invoice.decision.stale ? 'warning' : 'info'}
          message={`当前结论：${DECISION_LABEL[invoice.decision.kind]}${invoice.decision.amount ? ` ${yuan(invoice.decision.amount)} 元` : ''}（${invoice.decision.reviewer}，${dateTime(invoice.decision.decidedAt)}）${invoice.decision.stale ? '；材料包更新后此发票已变更，请复核' : ''}`}
          description={invoice.decision.reason || undefined}
          style={{ marginBottom: 12 }}
        />
      )}
      <Space wrap>
        <Button
          type="primary"
          disabled={busy || invoice.findings.some((f) => f.statutory !== undefined)}
          onClick={() => onDecide({ rowNos: [invoice.rowNo], kind: 'accept' })}
        >
          认定（A）
        </Button>
        <Button disabled={busy} onClick={() => setMode('reduce')}>
          核减
        </Button>
        <Button danger disabled={busy} onClick={() => setMode('reject')}>
          不予认定（R）
        </Button>
        {invoice.decision && (
          <Button type="link" disabled={busy} onClick={() => onDecide({ rowNos: [invoice.rowNo], kind: 'clear' })}>
            撤销结论
          </Button>
        )}
      </Space>
      {mode !== 'none' && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
          {mode === 'reduce' && (
            <InputNumber<string>
              stringMode
              min="0"
              max={invoice.amount}
              precision={2}
              style={{ width: '100%' }}
              addonBefore="核减后认定金额"
              addonAfter="元"
              value={amount}
              onChange={(value) => setAmount(value)}
            />
          )}
          <Input.TextArea
            autoFocus
            rows={3}
            placeholder="理由（必填）"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                if (reason.trim()) submit();
              }
              if (e.key === 'Escape') setMode('none');
            }}
            data-testid="decision-reason"
          />
          <Space>
            <Button type="primary" danger={mode === 'reject'} disabled={!reason.trim() || (mode === 'reduce' && !amount)} onClick={submit}>
              确定{mode === 'reject' ? '不予认定' : '核减'}（Enter）
            </Button>
            <Button onClick={() => setMode('none')}>取消（Esc）</Button>
          </Space>
        </Space>
      )}
    </Card>
  );
}
