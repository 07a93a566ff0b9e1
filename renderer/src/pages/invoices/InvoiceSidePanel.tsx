import { Alert, Button, Card, Descriptions, Empty, Input, InputNumber, Modal, Space, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import type { VerifiedInvoiceDto } from '@shared/api/verification-contract';
import { FINDING_LABEL, SEVERITY_LABEL, SUGGESTION_LABEL } from '@shared/codes/labels';
import { compareMoney, parseMoney } from '@shared/domain/money';
import { AttachmentView } from '../../components/AttachmentView';
import { dateTime, yuan } from '../../format';
import { SEVERITY_COLOR } from './colors';
import { decisionText } from './decision-text';
import { InvoiceCorrections } from './InvoiceCorrections';
import type { DecisionRequest } from './use-verification';

export type FormMode = 'reduce' | 'reject';
export type FormRequest = { mode: FormMode; rowNo: number; n: number };

interface Props {
  batchId: string;
  projectId: string;
  invoice: VerifiedInvoiceDto | undefined;
  busy: boolean;
  onDecide: (request: DecisionRequest) => void;
  /** Opens the reason (R) or the reduced amount (H) on the invoice where the key was pressed; `n` counts presses. */
  formRequest: FormRequest | null;
  /** Height of the panel: its body scrolls, the decision buttons stay on top. */
  height: number;
  /** More actions beside the decision buttons (e.g. a correction dialog). */
  extraActions?: (invoice: VerifiedInvoiceDto) => ReactNode;
}

/** The invoice, its findings said once, and the decisions (认定 / 核减 / 不予认定 / 撤销) always in view. */
export function InvoiceSidePanel({ invoice, formRequest, height, ...rest }: Props) {
  if (!invoice)
    return (
      <Card size="small" style={{ height }}>
        <Empty description="选择一张发票查看详情（J/K 或 ↑/↓ 切换，? 查看全部按键）" />
      </Card>
    );
  // A form asked for on one invoice does not open again on the next one (the keys must work there).
  const request = formRequest?.rowNo === invoice.rowNo ? formRequest : null;
  return <PanelFor key={`${String(invoice.rowNo)}-${String(request?.n ?? 0)}`} invoice={invoice} startMode={request?.mode ?? null} height={height} {...rest} />;
}

function PanelFor({
  batchId,
  projectId,
  invoice,
  busy,
  onDecide,
  startMode,
  height,
  extraActions,
}: Omit<Props, 'invoice' | 'formRequest'> & { invoice: VerifiedInvoiceDto; startMode: FormMode | null }) {
  const findingText = invoice.findings
    .filter((f) => f.severity !== 'info')
    .map((f) => f.message)
    .join('；');
  const [mode, setMode] = useState<FormMode | null>(startMode);
  const [reason, setReason] = useState(invoice.decision?.reason || findingText);
  // The 核减 form starts from the decision taken, else from what the findings suggest (the part seen on site).
  const [amount, setAmount] = useState<string | null>(invoice.decision?.amount ?? invoice.suggested.reduceTo ?? null);
  const [amountError, setAmountError] = useState<string | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const decision = invoice.decision;

  const submit = () => {
    if (!reason.trim()) return;
    if (mode === 'reject') onDecide({ rowNos: [invoice.rowNo], kind: 'reject', reason });
    if (mode === 'reduce') {
      // The typed amount stays a decimal string end to end; parseMoney gives it two decimals exactly.
      const reduced = parseMoney(amount ?? '', { allowNegative: false, label: '核减后认定金额' });
      if (!reduced.ok) return setAmountError('请填写核减后认定的金额');
      if (compareMoney(reduced.value, invoice.amount) > 0) return setAmountError(`认定金额不能超过发票金额（不含税）${yuan(invoice.amount)} 元`);
      onDecide({ rowNos: [invoice.rowNo], kind: 'reduce', amount: reduced.value, reason });
    }
    setMode(null);
  };
  const confirmKeys = (e: React.KeyboardEvent) => {
    // Enter confirms in the reason box (Shift+Enter: a new line); Ctrl+Enter anywhere in the form.
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey || !e.shiftKey)) {
      e.preventDefault();
      submit();
    }
    if (e.key === 'Escape') setMode(null);
  };

  return (
    <Card
      size="small"
      title={
        <span>
          第 {invoice.rowNo} 行 <Typography.Text copyable={false}>{invoice.key}</Typography.Text>
        </span>
      }
      data-testid="invoice-panel"
      style={{ height, display: 'flex', flexDirection: 'column' }}
      styles={{ body: { overflow: 'auto', flex: 1, paddingTop: 8 } }}
    >
      <Modal open={viewing !== null} title={viewing} footer={null} width={860} onCancel={() => setViewing(null)} destroyOnHidden>
        {viewing && <AttachmentView batchId={batchId} projectId={projectId} path={viewing} />}
      </Modal>
      <Space wrap size={6} style={{ marginBottom: 8 }} data-testid="decision-buttons">
        {/* The policy text excludes an invoice with a statutory finding whatever is decided (000 §五(一)(二)). */}
        <Button
          type="primary"
          size="small"
          disabled={busy || invoice.findings.some((f) => f.statutory !== undefined)}
          onClick={() => onDecide({ rowNos: [invoice.rowNo], kind: 'accept' })}
        >
          认定 A
        </Button>
        <Button size="small" disabled={busy} onClick={() => setMode('reduce')}>
          核减 H
        </Button>
        <Button danger size="small" disabled={busy} onClick={() => setMode('reject')}>
          不予认定 R
        </Button>
        <Button type="link" size="small" disabled={busy || !decision} onClick={() => onDecide({ rowNos: [invoice.rowNo], kind: 'clear' })}>
          撤销 U
        </Button>
        {extraActions?.(invoice)}
      </Space>
      {mode && (
        <Space direction="vertical" size={6} style={{ width: '100%', marginBottom: 8 }}>
          {mode === 'reduce' && (
            <>
              <InputNumber<string>
                autoFocus
                stringMode
                min="0"
                precision={2}
                style={{ width: '100%' }}
                addonBefore="认定金额"
                addonAfter="元"
                status={amountError ? 'error' : undefined}
                value={amount}
                onChange={(value) => {
                  setAmount(value);
                  setAmountError(null);
                }}
                onKeyDown={confirmKeys}
                data-testid="reduce-amount"
              />
              {amountError && <Typography.Text type="danger">{amountError}</Typography.Text>}
            </>
          )}
          <Input.TextArea
            autoFocus={mode === 'reject'}
            rows={2}
            placeholder="理由（必填）"
            status={reason.trim() ? undefined : 'error'}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            onKeyDown={confirmKeys}
            data-testid="decision-reason"
          />
          <Space>
            <Button type="primary" size="small" danger={mode === 'reject'} disabled={!reason.trim() || (mode === 'reduce' && !amount)} onClick={submit}>
              确定{mode === 'reject' ? '不予认定' : '核减'}（Enter）
            </Button>
            <Button size="small" onClick={() => setMode(null)}>
              取消（Esc）
            </Button>
          </Space>
        </Space>
      )}
      {decision ? (
        <Alert
          type={decision.stale ? 'warning' : 'info'}
          style={{ marginBottom: 8, padding: '4px 8px' }}
          message={`当前结论：${decisionText(invoice, decision)}（${decision.reviewer}，${dateTime(decision.decidedAt)}）${decision.stale ? '；材料包更新后此发票已变更，请复核' : ''}`}
          description={decision.reason && decision.reason !== findingText ? decision.reason : undefined}
          data-testid="current-decision"
        />
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          尚未认定；建议{SUGGESTION_LABEL[invoice.suggested.kind]}
          {invoice.findings.length === 0 ? '（未发现问题，暂计入核定投资额）' : invoice.severity === 'error' ? '（有错误，暂不计入）' : '（暂计入核定投资额）'}
        </Typography.Paragraph>
      )}
      {invoice.findings.map((f, i) => (
        <div key={i} style={{ marginBottom: 6 }}>
          <Tag color={SEVERITY_COLOR[f.severity]}>{SEVERITY_LABEL[f.severity]}</Tag>
          <Typography.Text strong>{FINDING_LABEL[f.code]}</Typography.Text>：{f.message}
        </div>
      ))}
      <InvoiceCorrections batchId={batchId} projectId={projectId} invoice={invoice} />
      {/* Block content: antd lays the value out as a flex row, whose parts (amount, tax, total) would not wrap in the narrow panel. */}
      <Descriptions size="small" column={1} style={{ marginTop: 8 }} labelStyle={{ width: 76 }} contentStyle={{ display: 'block', minWidth: 0 }}>
        <Descriptions.Item label="金额">
          {yuan(invoice.amount)}（税额 {yuan(invoice.tax) || '—'}，合计 {yuan(invoice.total)}）
        </Descriptions.Item>
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
    </Card>
  );
}
