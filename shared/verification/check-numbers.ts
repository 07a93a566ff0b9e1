import { classifyInvoice } from '../domain/invoice-number';
import type { FindingSink } from './findings';
import { isValidDate, type ProjectIndex } from './project-index';

/**
 * INVOICE_NUMBER_FORMAT (DOMAIN.md §2 "Kinds and numbers"): a 10/12-digit code
 * with an 8-digit number, or a 20-digit 数电 number without a code. For a 数电
 * number two more things are known and cheap to check: digits 1-2 are the year
 * of issue, and the invoice type column should not call a tax-control invoice 数电.
 */
const DIGITAL = /^\d{20}$/u;

function yearMessage(number: string, year: number, issuedOn: string): string {
  return `数电发票号码「${number}」前两位表示 ${year} 年开具，与开票日期 ${issuedOn} 不符，请核对号码或日期`;
}

export function checkNumbers(index: ProjectIndex, sink: FindingSink): void {
  for (const { invoice, rowNo } of index.invoices) {
    // Fast path for the usual, well-formed cells; classifyInvoice for everything else.
    if (invoice.code === '' && DIGITAL.test(invoice.number)) {
      const year = 2000 + Number(invoice.number.slice(0, 2));
      if (isValidDate(invoice.issuedOn) && Number(invoice.issuedOn.slice(0, 4)) !== year) {
        sink.invoice(rowNo, 'INVOICE_NUMBER_FORMAT', 'warning', yearMessage(invoice.number, year, invoice.issuedOn));
      }
      continue;
    }
    const id = classifyInvoice(invoice.code, invoice.number);
    if (!id.ok) {
      sink.invoice(rowNo, 'INVOICE_NUMBER_FORMAT', 'error', `${id.message}（既不是 10/12 位代码加 8 位号码的税控发票，也不是 20 位号码的数电发票）`);
      continue;
    }
    const kind = invoice.kind.trim();
    if (id.value.kind === 'digital') {
      if (isValidDate(invoice.issuedOn) && Number(invoice.issuedOn.slice(0, 4)) !== id.value.year) {
        sink.invoice(rowNo, 'INVOICE_NUMBER_FORMAT', 'warning', yearMessage(id.value.number, id.value.year, invoice.issuedOn));
      }
    } else if (/数电|全电/u.test(kind)) {
      sink.invoice(
        rowNo,
        'INVOICE_NUMBER_FORMAT',
        'warning',
        `发票类型为「${kind}」，但发票代码「${id.value.code}」加号码「${id.value.number}」是税控发票的编号；数电发票只有 20 位号码，请核对`,
      );
    }
  }
}
