import { money } from '../../components/money';
import { Table, Tag, Tooltip } from 'antd';
import type { VerifiedInvoiceDto } from '@shared/api/verification-contract';
import { yuan } from '../../format';
import { DECISION_LABEL, FINDING_LABEL } from '@shared/codes/labels';
import { DECISION_COLOR, SEVERITY_COLOR } from './colors';

interface Props {
  invoices: VerifiedInvoiceDto[];
  currentRow: number | undefined;
  selected: number[];
  onSelect: (rowNos: number[]) => void;
  onOpen: (rowNo: number) => void;
}

/** All invoices of the project, virtualised, with severity marks, findings and decisions at a glance. */
export function InvoiceReviewTable({ invoices, currentRow, selected, onSelect, onOpen }: Props) {
  return (
    <Table<VerifiedInvoiceDto>
      rowKey="rowNo"
      size="small"
      virtual
      scroll={{ x: 1500, y: 480 }}
      pagination={false}
      dataSource={invoices}
      rowSelection={{ selectedRowKeys: selected, onChange: (keys) => onSelect(keys as number[]), columnWidth: 40 }}
      onRow={(invoice) => ({
        onClick: () => onOpen(invoice.rowNo),
        style: { cursor: 'pointer', background: invoice.rowNo === currentRow ? '#e6f4ff' : undefined },
        'data-row': invoice.rowNo,
      })}
      columns={[
        {
          title: '',
          dataIndex: 'severity',
          width: 36,
          fixed: 'left',
          render: (s: VerifiedInvoiceDto['severity']) =>
            s ? (
              <span
                style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: { error: '#f5222d', warning: '#fa8c16', info: '#1677ff' }[s] }}
              />
            ) : null,
        },
        { title: '行', dataIndex: 'rowNo', width: 60, fixed: 'left' },
        { title: '发票号码', dataIndex: 'key', width: 205, fixed: 'left' },
        { title: '开票日期', dataIndex: 'issuedOn', width: 100 },
        { title: '销售方', dataIndex: 'sellerName', width: 200, ellipsis: true },
        { title: '项目名称', dataIndex: 'itemName', width: 180, ellipsis: true },
        { title: '金额（不含税）', dataIndex: 'amount', width: 130, align: 'right', render: money },
        { title: '合同', dataIndex: 'contractNo', width: 110 },
        {
          title: '核验发现',
          dataIndex: 'findings',
          width: 260,
          render: (findings: VerifiedInvoiceDto['findings']) => (
            <span>
              {findings.map((f, i) => (
                <Tooltip key={i} title={f.message}>
                  <Tag color={SEVERITY_COLOR[f.severity]} style={{ marginBottom: 2 }}>
                    {FINDING_LABEL[f.code]}
                  </Tag>
                </Tooltip>
              ))}
            </span>
          ),
        },
        {
          title: '认定',
          dataIndex: 'decision',
          width: 150,
          render: (d: VerifiedInvoiceDto['decision'], invoice) =>
            d ? (
              <Tag color={d.stale ? 'purple' : DECISION_COLOR[d.kind]} data-testid={`decision-${String(invoice.rowNo)}`}>
                {DECISION_LABEL[d.kind]}
                {d.kind === 'reduce' && d.amount ? ` ${yuan(d.amount)}` : ''}
                {d.stale ? '·需复核' : ''}
              </Tag>
            ) : (
              <span style={{ color: '#999' }}>未认定</span>
            ),
        },
      ]}
    />
  );
}
