import { describe, expect, it } from 'vitest';
import { readEInvoiceFile } from '@core/einvoice/read-einvoice-file';
import {
  PDF_RAILWAY,
  PDF_SHUDIAN,
  PDF_TAX_CONTROL,
  bankReceiptPdf,
  railwayTicketPdf,
  scannedInvoicePdf,
  shudianInvoicePdf,
  taxControlInvoicePdf,
} from '@test/fixtures/einvoice/make-pdf-fixtures';

describe('readEInvoiceFile: PDF e-invoices', { timeout: 60_000 }, () => {
  it('reads a 数电 PDF field by field from its text layer, lines included, and checks its QR code', async () => {
    const result = await readEInvoiceFile('fp.pdf', await shudianInvoicePdf());
    expect(result).toEqual({
      ok: true,
      value: {
        source: 'PDF',
        fileName: 'fp.pdf',
        number: PDF_SHUDIAN.number,
        issuedOn: '2024-06-18',
        buyerName: PDF_SHUDIAN.buyerName,
        buyerTaxId: PDF_SHUDIAN.buyerTaxId,
        sellerName: PDF_SHUDIAN.sellerName,
        sellerTaxId: PDF_SHUDIAN.sellerTaxId,
        amount: '820000.00',
        tax: '105800.00',
        total: '925800.00',
        totalInWords: PDF_SHUDIAN.words,
        red: false,
        lines: [{ name: '*金属加工机械*五轴联动立式加工中心' }, { name: '*建筑服务*设备基础施工' }],
        qrChecked: true,
      },
    });
  });

  it('reports a page whose text disagrees with its QR code', async () => {
    const result = await readEInvoiceFile('fp.pdf', await shudianInvoicePdf({ amountPrinted: '82000.00' }));
    expect(result?.ok && result.value.qrMismatch).toBe('金额：文字 82000.00，二维码 820000.00');
  });

  it('reads a 税控 电子普通发票 PDF field by field', async () => {
    const result = await readEInvoiceFile('fp.pdf', await taxControlInvoicePdf());
    expect(result).toEqual({
      ok: true,
      value: {
        source: 'PDF',
        fileName: 'fp.pdf',
        number: PDF_TAX_CONTROL.number,
        code: PDF_TAX_CONTROL.code,
        issuedOn: '2021-09-07',
        buyerName: PDF_TAX_CONTROL.buyerName,
        buyerTaxId: PDF_TAX_CONTROL.buyerTaxId,
        sellerName: PDF_TAX_CONTROL.sellerName,
        sellerTaxId: PDF_TAX_CONTROL.sellerTaxId,
        amount: '9433.96',
        tax: '566.04',
        total: '10000.00',
        totalInWords: PDF_TAX_CONTROL.words,
        red: false,
        lines: [{ name: '*信息技术服务*软件维护服务' }],
      },
    });
  });

  it('names a railway e-ticket and reads it', async () => {
    const result = await readEInvoiceFile('ticket.pdf', await railwayTicketPdf());
    expect(result).toEqual({
      ok: true,
      value: {
        source: 'PDF',
        documentKind: '铁路电子客票',
        fileName: 'ticket.pdf',
        number: PDF_RAILWAY.number,
        issuedOn: '2024-07-01',
        buyerName: PDF_RAILWAY.buyerName,
        buyerTaxId: PDF_RAILWAY.buyerTaxId,
        total: '553.00',
        red: false,
      },
    });
  });

  it('names a bank receipt instead of calling it a broken invoice', async () => {
    expect(await readEInvoiceFile('回单.pdf', await bankReceiptPdf())).toEqual({
      ok: false,
      message: '此文件是银行回单（付款凭证），不是增值税发票，没有发票数据可与本行比对',
    });
  });

  it('says that a scan has no text', async () => {
    const result = await readEInvoiceFile('scan.pdf', await scannedInvoicePdf());
    expect(result?.ok === false && result.message).toMatch(/没有文字层（扫描件或图片）/u);
  });

  it('returns null for a PDF that is not an invoice, and a reason for a broken one', async () => {
    expect(await readEInvoiceFile('broken.pdf', Buffer.from('%PDF-1.7 garbage'))).toMatchObject({ ok: false });
  });
});
