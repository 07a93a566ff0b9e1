import { fail, type Result } from '@shared/domain/result';
import { readInvoiceText } from '@shared/einvoice/read-invoice-text';
import type { EInvoiceData } from '@shared/verification/types';
import { decodeQrCodes } from './decode-qr';
import { readPdfPages } from './pdf-pages';
import { libraryErrorReason } from '@core/library-error';

/** A PDF larger than this is no e-invoice (they are 50–300 KB); it is not opened. */
const MAX_PDF_BYTES = 20 * 1024 * 1024;

/**
 * A PDF attachment read as an e-invoice: its text layer parsed like the printed invoice and, where
 * the page carries a QR code, the code decoded and compared with the text. A PDF without any text
 * is a scan or a photo, which is said so; a PDF whose text is no invoice (a contract) gives null.
 */
export async function readPdfInvoice(fileName: string, content: Buffer): Promise<Result<EInvoiceData> | null> {
  if (content.length > MAX_PDF_BYTES) return null;
  let pages;
  try {
    pages = await readPdfPages(content, { images: false });
  } catch (error) {
    return fail(`「${fileName}」无法作为 PDF 打开（${libraryErrorReason(error, '文件已损坏、已加密或不是 PDF')}）`);
  }
  const lines = pages.pages.flatMap((page) => page.lines);
  if (lines.length === 0) {
    return fail('此 PDF 没有文字层（扫描件或图片），无法读取发票数据，请对照原件人工核对');
  }
  const firstRead = readInvoiceText(fileName, { lines });
  if (firstRead === null || !firstRead.ok || firstRead.value.documentKind !== undefined) return firstRead;
  // Only an invoice is worth decoding images for: contracts and receipts are left alone.
  const withImages = await readPdfPages(content, { images: true });
  const qrCodes = await decodeQrCodes(withImages.pages[0]?.images ?? []);
  return readInvoiceText(fileName, { lines, qrCodes });
}
