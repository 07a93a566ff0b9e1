import { fail, type Result } from '@shared/domain/result';
import { readOfdXml } from '@shared/einvoice/read-ofd-xml';
import { MAX_XML_CHARS } from '@shared/einvoice/xml';
import { readShudianXml } from '@shared/einvoice/read-shudian-xml';
import type { EInvoiceData } from '@shared/verification/types';
import { readOfdArchive } from './ofd-archive';
import { readPdfInvoice } from './read-pdf-invoice';
import { decodeXmlBytes } from './xml-bytes';
import { libraryErrorReason } from '@core/library-error';

/**
 * Reads an attachment as an e-invoice by its extension: `.xml` is a 数电 data file, `.ofd` an OFD
 * invoice of either kind, `.pdf` an invoice when its text says so (read-pdf-invoice.ts). Anything
 * else (images, Word), and a PDF that is neither an invoice nor a recognised document, is null.
 * Never throws; a file that cannot be read gives a Chinese reason.
 */
export async function readEInvoiceFile(fileName: string, content: Buffer): Promise<Result<EInvoiceData> | null> {
  const extension = /\.([^./\\]+)$/u.exec(fileName)?.[1]?.toLowerCase();
  try {
    if (extension === 'xml') {
      if (content.length > MAX_XML_CHARS) return fail(`数电发票数据文件超过 ${String(MAX_XML_CHARS / 1_000_000)} MB，远大于正常的电子发票，未读取`);
      const text = decodeXmlBytes(content, '数电发票数据文件');
      return text.ok ? readShudianXml(fileName, text.value) : text;
    }
    if (extension === 'ofd') {
      const parts = await readOfdArchive(content);
      return parts.ok ? readOfdXml(fileName, parts.value) : fail(`「${fileName}」：${parts.message}`);
    }
    if (extension === 'pdf') return await readPdfInvoice(fileName, content);
  } catch (error) {
    return fail(`无法读取电子发票文件「${fileName}」（${libraryErrorReason(error)}）`);
  }
  return null;
}
