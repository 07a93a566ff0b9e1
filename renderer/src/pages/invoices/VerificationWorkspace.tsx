import { DownloadOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Row, Segmented, Select, Space, Spin, Switch, Tabs, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { VerifiedInvoiceDto } from '@shared/api/verification-contract';
import { SEVERITIES, type FindingCode } from '@shared/codes/codes';
import { DECISION_LABEL, FINDING_LABEL, SEVERITY_LABEL } from '@shared/codes/labels';
import { decisionEffect, needsConfirmation } from '@shared/verification/decision-effect';
import { api } from '../../api/client';
import { saveExport } from '../../api/save-export';
import { isDesktop } from '../../api/window-api';
import { BulkRejectDialog } from './BulkRejectDialog';
import { ContractReconciliation } from './ContractReconciliation';
import { effectLines } from './decision-question';
import { InvoiceReviewTable } from './InvoiceReviewTable';
import { InvoiceSidePanel, type FormRequest } from './InvoiceSidePanel';
import { KeyHelp } from './KeyHelp';
import { PaymentReview } from './PaymentReview';
import { useFillHeight } from './use-fill-height';
import { useInvoiceKeys, type InvoiceKeyAction } from './use-invoice-keys';
import { useVerification, type DecisionRequest } from './use-verification';
import { VerificationSummary } from './VerificationSummary';

type SeverityFilter = 'all' | 'error' | 'warning' | 'info' | 'clean' | 'undecided';
type TabKey = 'invoices' | 'contracts' | 'payments';

function matches(invoice: VerifiedInvoiceDto, severity: SeverityFilter, code: FindingCode | undefined): boolean {
  if (code && !invoice.findings.some((f) => f.code === code)) return false;
  if (severity === 'all') return true;
  if (severity === 'clean') return invoice.findings.length === 0;
  if (severity === 'undecided') return invoice.decision === null || invoice.decision.stale;
  return invoice.severity === severity;
}

/** A clicked filter keeps the focus; hand it back to the page so J/K/A/R work at once. */
function releaseFocus() {
  if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
}

// Below the list: the card's padding and the page's bottom padding (no second page scrollbar).
const BOTTOM_GAP = 28;
const TABLE_HEADER = 40;

export function VerificationWorkspace({ batchId, projectId, initialRow }: { batchId: string; projectId: string; initialRow?: number | undefined }) {
  const { modal, message } = App.useApp();
  const { query, decide } = useVerification(batchId, projectId);
  const [severity, setSeverity] = useState<SeverityFilter>('all');
  const [code, setCode] = useState<FindingCode | undefined>(undefined);
  const [tab, setTab] = useState<TabKey>('invoices');
  const [current, setCurrentRow] = useState<number | undefined>(initialRow);
  const [selected, setSelected] = useState<number[]>([]);
  const [formRequest, setFormRequest] = useState<FormRequest | null>(null);
  // A reason or amount form belongs to the visit of one invoice: coming back to it does not reopen it.
  const setCurrent = (rowNo: number | undefined) => {
    setFormRequest(null);
    setCurrentRow(rowNo);
  };
  const [allColumns, setAllColumns] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [bulkRejecting, setBulkRejecting] = useState(false);
  const [fillRef, listHeight] = useFillHeight<HTMLDivElement>(BOTTOM_GAP, 240);
  const v = query.data;
  const shown = useMemo(() => (v ? v.invoices.filter((i) => matches(i, severity, code)) : []), [v, severity, code]);
  const byRow = useMemo(() => new Map((v?.invoices ?? []).map((i) => [i.rowNo, i])), [v]);
  const codes = useMemo(() => [...new Set(v?.invoices.flatMap((i) => i.findings.map((f) => f.code)) ?? [])], [v]);
  const currentInvoice = current === undefined ? undefined : byRow.get(current);

  // The place in the list is kept by row number: an invoice that a decision took out of the
  // filter (待认定) still tells where the next one is.
  const nextAfter = (rowNo: number | undefined) => (rowNo === undefined ? shown[0] : (shown.find((i) => i.rowNo > rowNo) ?? shown.find((i) => i.rowNo === rowNo)));
  const previousBefore = (rowNo: number | undefined) =>
    rowNo === undefined ? shown[0] : (shown.findLast((i) => i.rowNo < rowNo) ?? shown.find((i) => i.rowNo === rowNo));

  const changeFilter = (apply: () => void) => {
    apply();
    // A selection made under another filter would act on invoices no longer shown.
    setSelected([]);
    releaseFocus();
  };

  /** Takes a decision, asking first when it goes against an error finding or overturns an earlier one. */
  const decideGuarded = (request: DecisionRequest, moveOn: boolean) => {
    const invoices = request.rowNos.map((r) => byRow.get(r)).filter((i) => i !== undefined);
    const effect = decisionEffect(invoices, request.kind, request.amount);
    const bulk = request.rowNos.length > 1;
    const go = () => {
      decide.mutate(request, { onSuccess: () => bulk && setSelected([]) });
      if (moveOn && !bulk) setCurrent(nextAfter(request.rowNos[0])?.rowNo);
    };
    if (!needsConfirmation(effect)) return go();
    const action = request.kind === 'clear' ? '撤销结论' : DECISION_LABEL[request.kind];
    modal.confirm({
      title: bulk ? `${action}所选 ${String(request.rowNos.length)} 张发票？` : `${action}这张发票？`,
      content: (
        <div data-testid="decision-question">
          {effectLines(effect, request.kind, request.rowNos.length).map((line) => (
            <p key={line} style={{ margin: '4px 0' }}>
              {line}
            </p>
          ))}
        </div>
      ),
      okText: `仍然${action}`,
      cancelText: '取消',
      okButtonProps: { danger: request.kind !== 'reject' },
      onOk: go,
    });
    return undefined;
  };

  const onKey = (action: InvoiceKeyAction) => {
    if (action === 'help') return setHelpOpen(true);
    if (shown.length === 0) return undefined;
    if (action === 'next') return setCurrent(nextAfter(current)?.rowNo);
    if (action === 'previous') return setCurrent(previousBefore(current)?.rowNo);
    if (!currentInvoice) return undefined;
    if (action === 'accept') return decideGuarded({ rowNos: [currentInvoice.rowNo], kind: 'accept' }, true);
    if (action === 'clear') return currentInvoice.decision ? decideGuarded({ rowNos: [currentInvoice.rowNo], kind: 'clear' }, false) : undefined;
    return setFormRequest((r) => ({ mode: action, rowNo: currentInvoice.rowNo, n: (r?.n ?? 0) + 1 }));
  };
  // The invoice keys act only on the invoice list: on another tab an A must not accept an invoice out of sight.
  useInvoiceKeys(tab === 'invoices' && !helpOpen && !bulkRejecting, onKey);

  if (query.error) return <Alert type="error" showIcon message={query.error.message} />;
  if (!v) return <Spin tip="正在核验" />;

  const flaggedPayments = v.payments.filter((p) => p.findings.length > 0).length;
  const selectedInvoices = selected.map((r) => byRow.get(r)).filter((i) => i !== undefined);

  const exportWorkbook = async () => {
    try {
      const where = await saveExport(
        {
          title: '导出发票核验明细表',
          defaultName: `发票核验明细表-${projectId}.xlsx`,
          extension: 'xlsx',
          mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        },
        (path) => api.exportVerificationWorkbook({ batchId, projectId, path }),
      );
      if (where && isDesktop()) void message.success(`已导出到 ${where}`);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    }
  };

  const invoicesTab = (
    <>
      <Space wrap size={6} style={{ marginBottom: 6 }}>
        <Segmented<SeverityFilter>
          size="small"
          value={severity}
          onChange={(s) => changeFilter(() => setSeverity(s))}
          options={[
            { value: 'all', label: '全部' },
            ...SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABEL[s] })),
            { value: 'clean', label: '无问题' },
            { value: 'undecided', label: '待认定' },
          ]}
          data-testid="severity-filter"
        />
        <Select
          size="small"
          allowClear
          placeholder="按发现类型筛选"
          style={{ width: 170 }}
          value={code}
          onChange={(c) => changeFilter(() => setCode(c))}
          options={codes.map((c) => ({ value: c, label: FINDING_LABEL[c] }))}
        />
        <Typography.Text type="secondary">{shown.length} 张</Typography.Text>
        <Button size="small" onClick={() => setSelected(shown.map((i) => i.rowNo))}>
          全选
        </Button>
        <Button size="small" disabled={selected.length === 0 || decide.isPending} onClick={() => decideGuarded({ rowNos: selected, kind: 'accept' }, false)}>
          批量认定（{selected.length}）
        </Button>
        <Button size="small" danger disabled={selected.length === 0 || decide.isPending} onClick={() => setBulkRejecting(true)}>
          批量不予认定（{selected.length}）
        </Button>
        <Tooltip title="开票日期、销售方、项目名称、合同">
          <Switch size="small" checked={allColumns} onChange={(on) => changeFilter(() => setAllColumns(on))} checkedChildren="全部列" unCheckedChildren="更多列" />
        </Tooltip>
        <Button size="small" icon={<DownloadOutlined />} onClick={() => void exportWorkbook()}>
          导出
        </Button>
        <Tooltip title="按键说明（?）">
          <Button size="small" icon={<QuestionCircleOutlined />} onClick={() => setHelpOpen(true)} aria-label="按键说明" />
        </Tooltip>
      </Space>
      <Row gutter={8} ref={fillRef}>
        <Col span={16}>
          <InvoiceReviewTable
            invoices={shown}
            currentRow={current}
            selected={selected}
            onSelect={setSelected}
            onOpen={setCurrent}
            height={listHeight - TABLE_HEADER}
            allColumns={allColumns}
          />
        </Col>
        <Col span={8}>
          <InvoiceSidePanel
            batchId={batchId}
            projectId={projectId}
            invoice={currentInvoice}
            busy={decide.isPending}
            onDecide={(r) => decideGuarded(r, r.kind !== 'clear')}
            formRequest={formRequest}
            height={listHeight}
          />
        </Col>
      </Row>
    </>
  );

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={8}>
      <VerificationSummary v={v} />
      <KeyHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
      {bulkRejecting && (
        <BulkRejectDialog
          count={selected.length}
          effect={effectLines(decisionEffect(selectedInvoices, 'reject'), 'reject', selected.length)}
          onCancel={() => setBulkRejecting(false)}
          onConfirm={(reason) => {
            setBulkRejecting(false);
            decide.mutate({ rowNos: selected, kind: 'reject', reason }, { onSuccess: () => setSelected([]) });
          }}
        />
      )}
      <Tabs
        size="small"
        activeKey={tab}
        onChange={(key) => setTab(key as TabKey)}
        tabBarStyle={{ marginBottom: 6 }}
        items={[
          { key: 'invoices', label: '逐张核验', children: invoicesTab },
          { key: 'contracts', label: '合同对账', children: <ContractReconciliation v={v} /> },
          {
            key: 'payments',
            label: flaggedPayments > 0 ? `付款核验（${String(flaggedPayments)} 笔有问题）` : '付款核验',
            children: <PaymentReview payments={v.payments} />,
          },
        ]}
      />
    </Space>
  );
}
