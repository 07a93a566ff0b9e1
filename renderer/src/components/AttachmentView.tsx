import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Spin, Typography } from 'antd';
import { useMemo } from 'react';
import { api } from '../api/client';
import { yuan } from '../format';
import { PdfViewer } from '../pages/projects/PdfViewer';

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
];

function decodeBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** One attachment: PDF pages, an image, or an e-invoice file shown as the data it holds. */
export function AttachmentView({ batchId, projectId, path, page }: { batchId: string; projectId: string; path: string; page?: number | null }) {
  const file = useQuery({ queryKey: ['attachment', batchId, projectId, path], queryFn: () => api.getAttachment({ batchId, projectId, path }) });
  const bytes = useMemo(() => (file.data ? decodeBase64(file.data.base64) : null), [file.data]);
  if (file.error) return <Alert type="error" showIcon message={file.error.message} />;
  if (!file.data || !bytes) return <Spin />;
  const { mediaType, einvoice, einvoiceError } = file.data;
  if (einvoice) {
    return (
      <Descriptions bordered size="small" column={1} title={einvoice.red === true ? '电子发票数据（红字发票）' : '电子发票数据'} data-testid="einvoice-data">
        {EINVOICE_FIELDS.filter(([key]) => typeof einvoice[key] === 'string' && einvoice[key] !== '').map(([key, label, money]) => (
          <Descriptions.Item key={key} label={label}>
            {money ? yuan(String(einvoice[key])) : String(einvoice[key])}
          </Descriptions.Item>
        ))}
      </Descriptions>
    );
  }
  if (einvoiceError) return <Alert type="warning" showIcon message="此电子发票文件无法读取" description={einvoiceError} />;
  if (mediaType === 'application/pdf') return <PdfViewer data={bytes} page={page} />;
  if (mediaType.startsWith('image/')) return <img alt={path} style={{ maxWidth: '100%' }} src={`data:${mediaType};base64,${file.data.base64}`} />;
  return (
    <Typography.Text type="secondary">
      此类文件（{mediaType}）不能在此预览，大小 {bytes.length} 字节。
    </Typography.Text>
  );
}
