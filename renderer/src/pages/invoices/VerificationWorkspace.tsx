import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Input, Row, Segmented, Select, Space, Spin, Tabs, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { VerifiedInvoiceDto } from '@shared/api/verification-contract';
import { SEVERITIES, type FindingCode } from '@shared/codes/codes';
import { FINDING_LABEL, SEVERITY_LABEL } from '@shared/codes/labels';
import { api } from '../../api/client';
import { saveExport } from '../../api/save-export';
import { isDesktop } from '../../api/window-api';
import { ContractReconciliation } from './ContractReconciliation';
import { InvoiceReviewTable } from './InvoiceReviewTable';
import { InvoiceSidePanel } from './InvoiceSidePanel';
import { PaymentReview } from './PaymentReview';
import { useVerification } from './use-verification';
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

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable);
}

export function VerificationWorkspace({ batchId, projectId }: { batchId: string; projectId: string }) {
  const { modal, message } = App.useApp();
  const { query, decide } = useVerification(batchId, projectId);
  const [severity, setSeverity] = useState<SeverityFilter>('all');
  const [code, setCode] = useState<FindingCode | undefined>(undefined);
  const [tab, setTab] = useState<TabKey>('invoices');
  const [current, setCurrent] = useState<number | undefined>(undefined);
  const [selected, setSelected] = useState<number[]>([]);
  const [rejectRequested, setRejectRequested] = useState(0);
  const v = query.data;
  const shown = useMemo(() => (v ? v.invoices.filter((i) => matches(i, severity, code)) : []), [v, severity, code]);
  const currentInvoice = v?.invoices.find((i) => i.rowNo === current);
  const codes = useMemo(() => [...new Set(v?.invoices.flatMap((i) => i.findings.map((f) => f.code)) ?? [])], [v]);

  useEffect(() => {
    // The invoice keys act only on the invoice list: on another tab an A must not accept an invoice out of sight.
    if (tab !== 'invoices') return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey || shown.length === 0) return;
      const index = shown.findIndex((i) => i.rowNo === current);
      const move = (delta: number) => {
        const next = shown[Math.min(shown.length - 1, Math.max(0, index < 0 ? 0 : index + delta))];
        if (next) setCurrent(next.rowNo);
      };
      const key = event.key.toLowerCase();
      if (key === 'arrowdown' || key === 'j') move(1);
      else if (key === 'arrowup' || key === 'k') move(-1);
      else if (key === 'a' && current !== undefined) {
        decide.mutate({ rowNos: [current], kind: 'accept' });
        move(1);
      } else if (key === 'r' && current !== undefined) setRejectRequested((n) => n + 1);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [tab, shown, current, decide]);

  if (query.error) return <Alert type="error" showIcon message={query.error.message} />;
  if (!v) return <Spin tip="正在核验" />;

  const flaggedPayments = v.payments.filter((p) => p.findings.length > 0).length;

  const bulk = (kind: 'accept' | 'reject') => {
    if (kind === 'accept') {
      decide.mutate({ rowNos: selected, kind }, { onSuccess: () => setSelected([]) });
      return;
    }
    let reason = '';
    modal.confirm({
      title: `不予认定所选 ${String(selected.length)} 张发票`,
      content: <Input.TextArea rows={3} placeholder="理由（必填）" onChange={(e) => (reason = e.target.value)} />,
      okText: '不予认定',
      okButtonProps: { danger: true },
      onOk: () => {
        if (!reason.trim()) {
          void message.error('请填写理由');
          return Promise.reject(new Error('理由为空'));
        }
        decide.mutate({ rowNos: selected, kind, reason }, { onSuccess: () => setSelected([]) });
        return undefined;
      },
    });
  };

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

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <VerificationSummary v={v} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as TabKey)}
        items={[
          {
            key: 'invoices',
            label: '逐张核验',
            children: (
              <Row gutter={12}>
                <Col span={15}>
                  <Card size="small">
                    <Space wrap style={{ marginBottom: 8 }}>
                      <Segmented<SeverityFilter>
                        value={severity}
                        onChange={setSeverity}
                        options={[
                          { value: 'all', label: '全部' },
                          ...SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABEL[s] })),
                          { value: 'clean', label: '无问题' },
                          { value: 'undecided', label: '待认定' },
                        ]}
                      />
                      <Select
                        allowClear
                        placeholder="按发现类型筛选"
                        style={{ width: 200 }}
                        value={code}
                        onChange={setCode}
                        options={codes.map((c) => ({ value: c, label: FINDING_LABEL[c] }))}
                      />
                      <Typography.Text type="secondary">{shown.length} 张</Typography.Text>
                      <Button onClick={() => setSelected(shown.map((i) => i.rowNo))}>全选筛选结果</Button>
                      <Button disabled={selected.length === 0 || decide.isPending} onClick={() => bulk('accept')}>
                        批量认定（{selected.length}）
                      </Button>
                      <Button danger disabled={selected.length === 0 || decide.isPending} onClick={() => bulk('reject')}>
                        批量不予认定
                      </Button>
                      <Button icon={<DownloadOutlined />} onClick={() => void exportWorkbook()}>
                        导出明细表
                      </Button>
                    </Space>
                    <InvoiceReviewTable invoices={shown} currentRow={current} selected={selected} onSelect={setSelected} onOpen={setCurrent} />
                    <Typography.Text type="secondary">键盘：↑/↓ 或 K/J 切换发票，A 认定并到下一张，R 不予认定（输入理由后 Enter 确定）</Typography.Text>
                  </Card>
                </Col>
                <Col span={9}>
                  <InvoiceSidePanel
                    batchId={batchId}
                    projectId={projectId}
                    invoice={currentInvoice}
                    busy={decide.isPending}
                    onDecide={(r) => decide.mutate(r)}
                    rejectRequested={rejectRequested}
                  />
                </Col>
              </Row>
            ),
          },
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
