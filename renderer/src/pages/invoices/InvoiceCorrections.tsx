import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, AutoComplete, Button, Form, Input, InputNumber, List, Modal, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { CorrectionDto, ProjectVerification, VerifiedInvoiceDto } from '@shared/api/verification-contract';
import { CORRECTABLE_FIELDS, fieldValue, type CorrectionTarget } from '@shared/verification/corrections';
import { dateTime } from '../../format';
import { useApiMutation } from '../../api/use-api-mutation';

interface Props {
  batchId: string;
  projectId: string;
  invoice: VerifiedInvoiceDto;
}

const optionsOf = (target: CorrectionTarget) =>
  Object.entries(CORRECTABLE_FIELDS[target] as Record<string, { label: string }>).map(([value, spec]) => ({ value, label: spec.label }));

/**
 * 更正 in the invoice side panel: why 认定 is refused when the policy text excludes the invoice, the
 * corrections recorded for the invoice and its contract, and the dialog that records one (field,
 * value from the attached document, reason, attachment page). The checks run again on the answer.
 */
export function InvoiceCorrections({ batchId, projectId, invoice }: Props) {
  // The page's own query (same key): read from the cache, no second request.
  const verification = useQuery<ProjectVerification>({ queryKey: ['getProjectVerification', batchId, projectId], enabled: false }).data;
  const statutory = invoice.findings.filter((f) => f.statutory !== undefined);
  const mine = (verification?.corrections ?? []).filter(
    (c) => (c.target === 'invoice' && c.rowNo === invoice.rowNo) || (c.target === 'contract' && c.targetKey === invoice.contractNo),
  );
  const [open, setOpen] = useState(false);
  const save = useSave(batchId, projectId, () => setOpen(false));
  return (
    <div style={{ marginBottom: 12 }} data-testid="invoice-corrections">
      {statutory.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          message="依政策规定不得认定，评审决定不能改变"
          // The findings above already say what is wrong; the notice names the paragraph and what can be done.
          description={`依据：${[...new Set(statutory.map((f) => f.statutory))].join('；')}。如申报表所填与附件不符，请登记更正并注明附件页码。`}
        />
      )}
      {mine.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>已登记的更正</Typography.Text>}
          dataSource={mine}
          renderItem={(c) => (
            <List.Item
              actions={[
                <Button
                  key="withdraw"
                  type="link"
                  size="small"
                  disabled={save.isPending}
                  onClick={() =>
                    save.mutate({
                      target: c.target,
                      ...(c.rowNo === null ? { contractNo: c.targetKey } : { rowNo: c.rowNo }),
                      field: c.field,
                      value: null,
                      reason: '',
                    })
                  }
                >
                  撤销
                </Button>,
              ]}
            >
              <CorrectionLine correction={c} />
            </List.Item>
          )}
        />
      )}
      <Button size="small" onClick={() => setOpen(true)} data-testid="open-correction">
        登记更正…
      </Button>
      {open && (
        <CorrectionDialog invoice={invoice} verification={verification} busy={save.isPending} onCancel={() => setOpen(false)} onSave={(input) => save.mutate(input)} />
      )}
    </div>
  );
}

function CorrectionLine({ correction: c }: { correction: CorrectionDto }) {
  return (
    <Typography.Text>
      {c.target === 'contract' ? `合同「${c.targetKey}」` : ''}
      {c.fieldLabel}：「{c.oldValue}」→「{c.newValue}」；{c.reason}
      {c.evidence ? `；依据 ${c.evidence}` : ''}（{c.reviewer}，{dateTime(c.correctedAt)}）
    </Typography.Text>
  );
}

type SaveInput = { target: CorrectionTarget; rowNo?: number; contractNo?: string; field: string; value: string | null; reason: string; evidence?: string };

function useSave(batchId: string, projectId: string, done: () => void) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return useApiMutation('correctRecord', {
    input: (input: SaveInput) => ({ batchId, projectId, ...input }),
    onSuccess: (verification) => {
      // The checks ran again: the answer replaces the whole verification.
      queryClient.setQueryData(['getProjectVerification', batchId, projectId], verification);
      void message.success('已保存更正，核验已按更正后的值重新进行');
      done();
    },
    onError: (error) => void message.error(error.message),
  });
}

/** What the 合同对账 shows of a contract; the stipulated tail and the date are read by the core when saving. */
function contractValue(contract: ProjectVerification['contracts'][number] | undefined, field: string): string {
  if (!contract) return '';
  if (field === 'category') return contract.category;
  if (field === 'amount') return contract.contractAmount;
  return '（见合同表）';
}

interface DialogProps {
  invoice: VerifiedInvoiceDto;
  verification: ProjectVerification | undefined;
  busy: boolean;
  onCancel: () => void;
  onSave: (input: SaveInput) => void;
}

function CorrectionDialog({ invoice, verification, busy, onCancel, onSave }: DialogProps) {
  const hasContract = invoice.contractNo !== '' && (verification?.contracts ?? []).some((c) => c.contractNo === invoice.contractNo);
  const [target, setTarget] = useState<CorrectionTarget>('invoice');
  const [field, setField] = useState<string>('issuedOn');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [attachment, setAttachment] = useState<string>(invoice.attachments[0] ?? '');
  const [page, setPage] = useState<number | null>(1);
  const contractRow = verification?.contracts.find((c) => c.contractNo === invoice.contractNo);
  const earlier = verification?.corrections.find(
    (c) => c.field === field && c.target === target && (target === 'invoice' ? c.rowNo === invoice.rowNo : c.targetKey === invoice.contractNo),
  );
  const current = earlier ? earlier.oldValue : target === 'invoice' ? fieldValue(invoice, field) : contractValue(contractRow, field);
  const evidence = attachment.trim() === '' ? undefined : `${attachment.trim()}${page === null ? '' : `#${String(page)}`}`;
  const submit = () =>
    onSave({
      target,
      ...(target === 'invoice' ? { rowNo: invoice.rowNo } : { contractNo: invoice.contractNo }),
      field,
      value: value.trim(),
      reason: reason.trim(),
      ...(evidence === undefined ? {} : { evidence }),
    });
  return (
    <Modal
      open
      title={`登记更正：第 ${String(invoice.rowNo)} 行发票`}
      okText="保存更正"
      cancelText="取消"
      okButtonProps={{ disabled: busy || value.trim() === '' || reason.trim() === '', 'data-testid': 'save-correction' } as never}
      onOk={submit}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        申报表所填与附件不符时登记更正：写明附件上的值、理由和附件页码。核验按更正后的值重新进行，原值、更正人和时间留在核验记录、导出表和报告中。
      </Typography.Paragraph>
      <Form layout="vertical">
        {hasContract && (
          <Form.Item label="更正对象">
            <Radio.Group
              value={target}
              onChange={(e) => {
                const next = e.target.value as CorrectionTarget;
                setTarget(next);
                setField(next === 'invoice' ? 'issuedOn' : 'agreedTail');
              }}
              options={[
                { value: 'invoice', label: '本张发票' },
                { value: 'contract', label: `所属合同「${invoice.contractNo}」` },
              ]}
            />
          </Form.Item>
        )}
        <Form.Item label="字段">
          <Select value={field} onChange={setField} options={optionsOf(target)} data-testid="correction-field" />
        </Form.Item>
        <Form.Item label="申报表中的值">
          <Typography.Text>{current === '' ? '（空）' : current}</Typography.Text>
        </Form.Item>
        <Form.Item label="附件上的值（更正后）" required>
          <Input
            value={value}
            onChange={(e) => setValue(e.target.value)}
            placeholder={field === 'agreedTail' ? '如 10% 或 35,600.00' : field.endsWith('On') ? '如 2024-01-03' : ''}
            data-testid="correction-value"
          />
        </Form.Item>
        <Form.Item label="理由" required>
          <Input.TextArea
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder="如：附件发票开票日期为 2024-01-03，申报表误填"
            data-testid="correction-reason"
          />
        </Form.Item>
        <Form.Item label="依据（附件及页码）">
          <Space.Compact style={{ width: '100%' }}>
            {/* The invoice's own files are offered; a contract's file name can be typed. */}
            <AutoComplete
              allowClear
              style={{ width: '70%' }}
              value={attachment}
              onChange={(v: string | undefined) => setAttachment(v ?? '')}
              placeholder="附件文件名"
              options={invoice.attachments.map((name) => ({ value: name, label: name }))}
            />
            <InputNumber min={1} max={99999} precision={0} style={{ width: '30%' }} addonBefore="第" addonAfter="页" value={page} onChange={(v) => setPage(v)} />
          </Space.Compact>
        </Form.Item>
      </Form>
    </Modal>
  );
}
