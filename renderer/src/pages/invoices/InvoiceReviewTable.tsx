import { Grid, Table, Tag, Tooltip, type GetRef, type TableColumnsType } from 'antd';
import { useEffect, useRef } from 'react';
import type { VerifiedInvoiceDto } from '@shared/api/verification-contract';
import { DECISION_LABEL, FINDING_LABEL } from '@shared/codes/labels';
import { money } from '../../components/money';
import { DECISION_COLOR, SEVERITY_COLOR } from './colors';
import { countedAmount, decisionText } from './decision-text';

interface Props {
  invoices: VerifiedInvoiceDto[];
  currentRow: number | undefined;
  selected: number[];
  onSelect: (rowNos: number[]) => void;
  onOpen: (rowNo: number) => void;
  /** Height of the scrolling body, so the page itself never scrolls. */
  height: number;
  /** 开票日期, 销售方, 项目名称, 合同 beside the four columns a reviewer works from. */
  allColumns: boolean;
}

const SEVERITY_DOT = { error: '#f5222d', warning: '#fa8c16', info: '#1677ff' } as const;

const findingsColumn = {
  title: '核验发现',
  dataIndex: 'findings',
  ellipsis: true,
  render: (findings: VerifiedInvoiceDto['findings']) => (
    <span style={{ whiteSpace: 'nowrap' }}>
      {findings.map((f, i) => (
        <Tooltip key={i} title={f.message}>
          <Tag color={SEVERITY_COLOR[f.severity]} style={{ marginInlineEnd: 4 }}>
            {FINDING_LABEL[f.code]}
          </Tag>
        </Tooltip>
      ))}
    </span>
  ),
};

const decisionColumn = {
  title: '认定',
  dataIndex: 'decision',
  width: 104,
  render: (d: VerifiedInvoiceDto['decision'], invoice: VerifiedInvoiceDto) =>
    d ? (
      <Tooltip title={d.kind === 'reduce' ? decisionText(invoice, d) : d.reason || undefined}>
        <Tag color={d.stale ? 'purple' : DECISION_COLOR[d.kind]} data-testid={`decision-${String(invoice.rowNo)}`}>
          {DECISION_LABEL[d.kind]}
          {d.stale ? '·需复核' : ''}
        </Tag>
      </Tooltip>
    ) : (
      <span style={{ color: '#999' }}>未定</span>
    ),
};

const countedColumn = {
  title: <Tooltip title="计入核定投资额的金额：认定的全额、核减后认定的金额；尚未认定且没有错误的暂计入（灰色）。合同、付款上限在「合同对账」中扣减。">计入</Tooltip>,
  key: 'counted',
  width: 116,
  align: 'right' as const,
  render: (_: unknown, invoice: VerifiedInvoiceDto) => {
    const c = countedAmount(invoice);
    if (c.amount === null) return <span style={{ color: '#999' }}>不计入</span>;
    return <span style={{ color: c.provisional ? '#999' : undefined }}>{money(c.amount)}</span>;
  },
};

/** Wide enough for a 20-digit 数电 number in full: the reviewer matches invoices by it. */
const KEY_WIDTH = { narrow: 172, wide: 196 } as const;

function columns(allColumns: boolean, wide: boolean): TableColumnsType<VerifiedInvoiceDto> {
  const severity = {
    title: '',
    dataIndex: 'severity',
    width: 24,
    render: (s: VerifiedInvoiceDto['severity']) =>
      s ? <span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: SEVERITY_DOT[s] }} /> : null,
  };
  const secondary: TableColumnsType<VerifiedInvoiceDto> = allColumns
    ? [
        { title: '开票日期', dataIndex: 'issuedOn', width: 100 },
        { title: '销售方', dataIndex: 'sellerName', width: 180, ellipsis: true },
        { title: '项目名称', dataIndex: 'itemName', width: 160, ellipsis: true },
        { title: '合同', dataIndex: 'contractNo', width: 110, ellipsis: true },
      ]
    : [];
  return [
    severity,
    { title: '行', dataIndex: 'rowNo', width: 48 },
    {
      title: '发票号码',
      dataIndex: 'key',
      width: wide || allColumns ? KEY_WIDTH.wide : KEY_WIDTH.narrow,
      ellipsis: { showTitle: true },
      // Narrow screens: a size smaller and digits of equal width, so 20 digits fit beside the four key columns.
      render: (key: string) => <span style={{ fontVariantNumeric: 'tabular-nums', fontSize: wide ? undefined : 13 }}>{key}</span>,
    },
    ...secondary,
    { title: '金额（不含税）', dataIndex: 'amount', width: 124, align: 'right', render: money },
    { ...findingsColumn, width: allColumns ? 220 : undefined },
    decisionColumn,
    countedColumn,
  ];
}

/** The project's invoices, virtualised; the current row is marked end to end and kept in view. */
export function InvoiceReviewTable({ invoices, currentRow, selected, onSelect, onOpen, height, allColumns }: Props) {
  const table = useRef<GetRef<typeof Table<VerifiedInvoiceDto>>>(null);
  const lastIndex = useRef(0);
  const screens = Grid.useBreakpoint();
  useEffect(() => {
    if (currentRow === undefined) return;
    const index = invoices.findIndex((i) => i.rowNo === currentRow);
    if (index < 0) return;
    // A virtualised list has no element for far rows: scroll it by index, only as far as needed,
    // with two rows of context in the direction the reviewer moves.
    const down = index >= lastIndex.current;
    lastIndex.current = index;
    table.current?.scrollTo({ index: down ? Math.min(invoices.length - 1, index + 2) : Math.max(0, index - 2) });
  }, [currentRow, invoices]);
  return (
    <Table<VerifiedInvoiceDto>
      ref={table}
      rowKey="rowNo"
      size="small"
      virtual
      scroll={{ x: allColumns ? 1380 : undefined, y: height }}
      pagination={false}
      dataSource={invoices}
      data-testid="invoice-table"
      rowSelection={{ selectedRowKeys: selected, onChange: (keys) => onSelect(keys as number[]), columnWidth: 32 }}
      // Virtual rows take their class from onRow (rowClassName is not applied to them).
      onRow={(invoice) => ({
        onClick: () => onOpen(invoice.rowNo),
        className: invoice.rowNo === currentRow ? 'invoice-current' : undefined,
        style: { cursor: 'pointer' },
        'data-row': invoice.rowNo,
      })}
      columns={columns(allColumns, screens.xxl === true)}
    />
  );
}
