import { Descriptions, Space, Table, Tag, Typography } from 'antd';
import type { AttachmentComparison } from '@shared/api/batches-contract';
import type { EInvoiceLine } from '@shared/verification/types';
import { yuan } from '../format';

const EINVOICE_FIELDS: [string, string, boolean?][] = [
  ['source', '文件类型'],
  ['number', '发票号码'],
  ['code', '发票代码'],
  ['issuedOn', '开票日期'],
  ['sellerName', '销售方'],
  ['sellerTaxId', '销售方识别号'],
  ['buyerName', '购买方'],
  ['buyerTaxId', '购买方识别号'],
  ['amount', '金额（不含税）', true],
  ['tax', '税额', true],
  ['total', '价税合计', true],
  ['totalInWords', '价税合计（大写）'],
  ['originalNumber', '被冲销的蓝字发票'],
  ['qrMismatch', '二维码与票面文字'],
];

/** What an e-invoice file says, whether it matches the 申报表 rows that name it, and its lines. */
export function EInvoiceDataView({
  einvoice,
  lines,
  comparisons,
}: {
  einvoice: Record<string, string | boolean>;
  lines: readonly EInvoiceLine[] | undefined;
  comparisons: readonly AttachmentComparison[] | undefined;
}) {
  const kind = typeof einvoice.documentKind === 'string' ? einvoice.documentKind : einvoice.red === true ? '红字发票' : undefined;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="einvoice-data">
      {(comparisons ?? []).map((comparison) => (
        <RowComparison key={comparison.rowNo} comparison={comparison} />
      ))}
      {comparisons?.length === 0 && <Typography.Text type="secondary">申报表的发票表中没有哪一行的附件列写了此文件，未作比对。</Typography.Text>}
      <Descriptions bordered size="small" column={2} title={kind === undefined ? '电子发票数据' : `电子发票数据（${kind}）`}>
        {EINVOICE_FIELDS.filter(([key]) => typeof einvoice[key] === 'string' && einvoice[key] !== '').map(([key, label, money]) => (
          <Descriptions.Item key={key} label={label} span={key === 'qrMismatch' || key === 'totalInWords' ? 2 : 1}>
            {money ? yuan(String(einvoice[key])) : String(einvoice[key])}
          </Descriptions.Item>
        ))}
        {einvoice.qrChecked === true && einvoice.qrMismatch === undefined && (
          <Descriptions.Item label="二维码" span={2}>
            已识读，与票面文字一致
          </Descriptions.Item>
        )}
      </Descriptions>
      {lines && lines.length > 0 && (
        <Table<EInvoiceLine>
          data-testid="einvoice-lines"
          size="small"
          pagination={false}
          title={() => `发票明细（${String(lines.length)} 行）`}
          rowKey={(_, index) => String(index)}
          dataSource={lines as EInvoiceLine[]}
          scroll={{ x: 760 }}
          columns={[
            { title: '项目名称', dataIndex: 'name', width: 260, render: (name: string) => <LineName name={name} /> },
            { title: '规格型号', dataIndex: 'spec', width: 100 },
            { title: '单位', dataIndex: 'unit', width: 56 },
            { title: '数量', dataIndex: 'quantity', width: 70, align: 'right' },
            { title: '单价', dataIndex: 'unitPrice', width: 110, align: 'right' },
            { title: '金额', dataIndex: 'amount', width: 120, align: 'right', render: (v?: string) => (v === undefined ? '' : yuan(v)) },
            { title: '税率', dataIndex: 'taxRate', width: 70, render: taxRateText },
            { title: '税额', dataIndex: 'tax', width: 110, align: 'right', render: (v?: string) => (v === undefined ? '' : yuan(v)) },
          ]}
        />
      )}
    </Space>
  );
}

/** 数电 XML writes the rate as a fraction (0.130000); shown as printed on the invoice (13%). */
function taxRateText(rate?: string): string {
  if (rate === undefined || !/^0?\.\d+$/u.test(rate)) return rate ?? '';
  return `${String(Number((Number(rate) * 100).toFixed(2)))}%`;
}

/** Spending kinds that technology-transformation investment excludes are marked in the lines. */
function LineName({ name }: { name: string }) {
  const excluded = /^\s*[*＊]\s*(建筑服务|不动产|土地|租赁)/u.exec(name)?.[1] ?? (name.includes('土地使用权') ? '土地' : undefined);
  return (
    <span>
      {name}
      {excluded !== undefined && (
        <Tag color="red" style={{ marginLeft: 6 }}>
          {excluded}，不计入技改投资
        </Tag>
      )}
    </span>
  );
}

function RowComparison({ comparison }: { comparison: AttachmentComparison }) {
  const differing = comparison.fields.filter((field) => !field.match);
  const strict = differing.some((field) => field.strict);
  return (
    <Table
      data-testid="einvoice-comparison"
      size="small"
      pagination={false}
      rowKey="label"
      title={() => (
        <Space>
          <span>与申报表第 {comparison.rowNo} 行比对</span>
          {differing.length === 0 ? (
            <Tag color="green">全部一致</Tag>
          ) : (
            <Tag color={strict ? 'red' : 'orange'}>
              {differing.length} 项不一致{strict ? '' : '（仅名称）'}
            </Tag>
          )}
        </Space>
      )}
      dataSource={comparison.fields}
      columns={[
        { title: '项目', dataIndex: 'label', width: 150 },
        { title: '申报表', dataIndex: 'sheet' },
        { title: '附件', dataIndex: 'file' },
        {
          title: '结果',
          dataIndex: 'match',
          width: 90,
          render: (match: boolean, field) => (match ? <Tag color="green">一致</Tag> : <Tag color={field.strict ? 'red' : 'orange'}>不一致</Tag>),
        },
      ]}
    />
  );
}
