import { useQuery } from '@tanstack/react-query';
import { Alert, Spin, Typography } from 'antd';
import { useMemo } from 'react';
import type { EInvoiceLine } from '@shared/verification/types';
import { api } from '../api/client';
import { PdfViewer } from '../pages/projects/PdfViewer';
import { EInvoiceDataView } from './EInvoiceDataView';

function decodeBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * One attachment: PDF pages, an image, or an e-invoice file shown as the data it holds. A PDF
 * e-invoice shows both: what its text says (compared with the 申报表) above the page itself.
 */
export function AttachmentView({ batchId, projectId, path, page }: { batchId: string; projectId: string; path: string; page?: number | null }) {
  const file = useQuery({ queryKey: ['attachment', batchId, projectId, path], queryFn: () => api.getAttachment({ batchId, projectId, path }) });
  const bytes = useMemo(() => (file.data ? decodeBase64(file.data.base64) : null), [file.data]);
  if (file.error) return <Alert type="error" showIcon message={file.error.message} />;
  if (!file.data || !bytes) return <Spin />;
  const { mediaType, einvoice, einvoiceError, einvoiceLines, comparisons } = file.data;
  const pdf = mediaType === 'application/pdf';
  const data = einvoice && <EInvoiceDataView einvoice={einvoice} lines={einvoiceLines as EInvoiceLine[] | undefined} comparisons={comparisons} />;
  const problem = einvoiceError && (
    <Alert type={pdf ? 'info' : 'warning'} showIcon message={pdf ? '未能从此 PDF 读取发票数据' : '此电子发票文件无法读取'} description={einvoiceError} />
  );
  if (!pdf && (data || problem)) return data || problem;
  if (pdf) {
    return (
      // minmax(0, 1fr): a zoomed page scrolls inside the viewer instead of widening it (and the fit).
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 12 }}>
        {data}
        {problem}
        <PdfViewer data={bytes} page={page} />
      </div>
    );
  }
  if (mediaType.startsWith('image/')) return <img alt={path} style={{ maxWidth: '100%' }} src={`data:${mediaType};base64,${file.data.base64}`} />;
  return (
    <Typography.Text type="secondary">
      此类文件（{mediaType}）不能在此预览，大小 {bytes.length} 字节。
    </Typography.Text>
  );
}
