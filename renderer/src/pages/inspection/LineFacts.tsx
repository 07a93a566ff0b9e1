import { Descriptions, Space, Typography } from 'antd';
import type { InspectionLine } from '@shared/api/inspection-contract';
import { INSPECTION_LINE_SOURCE_LABEL } from '@shared/codes/labels';
import { yuan } from '../../format';

/** 「2 台」, or 「一批」 where only the invoice sheet's row is known. */
export function quantityText(line: Pick<InspectionLine, 'quantity' | 'unit'>): string {
  return line.quantity === null ? '一批' : `${line.quantity} ${line.unit ?? ''}`.trim();
}

/** What the contracts and invoices claim for the line: the thing the expert looks for on site. */
export function LineFacts({ line }: { line: InspectionLine }) {
  return (
    <Descriptions
      size="small"
      column={2}
      styles={{ label: { width: 72 } }}
      items={[
        { key: 'model', label: '规格型号', children: <Typography.Text strong>{line.model ?? '未注明'}</Typography.Text> },
        {
          key: 'quantity',
          label: '数量',
          children: (
            <Typography.Text strong data-testid="line-quantity">
              {quantityText(line)}
              {line.unitPrice !== null && <Typography.Text type="secondary">（单价 {yuan(line.unitPrice)} 元）</Typography.Text>}
            </Typography.Text>
          ),
        },
        { key: 'supplier', label: '供应商', children: line.supplier },
        { key: 'contract', label: '合同', children: `${line.contractNo}${line.contractName ? ` ${line.contractName}` : ''}` },
        {
          key: 'invoices',
          label: '发票',
          span: 2,
          children: (
            <Space wrap size={[16, 0]} data-testid="line-invoices">
              {line.invoices.map((invoice) => (
                <span key={invoice.key}>
                  {invoice.number}：<span className="money">{yuan(invoice.amount)}</span> 元
                </span>
              ))}
            </Space>
          ),
        },
        {
          key: 'amount',
          label: '金额',
          span: 2,
          children: (
            <span>
              <span className="money">{yuan(line.amount)}</span> 元（不含税）
              <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
                依据{INSPECTION_LINE_SOURCE_LABEL[line.source]}
              </Typography.Text>
            </span>
          ),
        },
      ]}
    />
  );
}
