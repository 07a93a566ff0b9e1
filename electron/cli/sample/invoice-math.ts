import { fenToMoney, formatAmountInWords, formatYuan } from '@shared/domain';
import type { Invoice, InvoiceDocument, InvoiceLine } from './model';

/**
 * Invoice arithmetic in integer fen (DOMAIN.md §2): line tax = round half-up (amount × rate),
 * invoice tax = sum of line taxes, total = amount + tax. Integers keep 100,000 invoices fast and
 * exact; the tests check every generated row with the shared decimal helpers.
 */

/** round half-up (amount × rate%), away from zero for red (negative) amounts. */
export function taxFen(amountFen: number, ratePercent: number): number {
  const magnitude = Math.floor((Math.abs(amountFen) * ratePercent + 50) / 100);
  return amountFen < 0 ? -magnitude : magnitude;
}

export function makeLine(spec: string, quantity: number, unitPriceFen: number, ratePercent: number): InvoiceLine {
  const amountFen = quantity * unitPriceFen;
  return { spec, quantity, unitPriceFen, amountFen, taxFen: taxFen(amountFen, ratePercent) };
}

/** 人民币大写 of an amount in fen, via the shared formatter. */
export function wordsOf(fen: number, yuanChar: '圆' | '元' = '圆'): string {
  return formatAmountInWords(fenToMoney(fen), { yuanChar });
}

/** Sets the row totals of an invoice from its lines. */
export function applyLines(invoice: Invoice, lines: InvoiceLine[], yuanChar: '圆' | '元'): void {
  invoice.lines = lines;
  invoice.amountFen = lines.reduce((sum, line) => sum + line.amountFen, 0);
  invoice.taxFen = lines.reduce((sum, line) => sum + line.taxFen, 0);
  invoice.totalFen = invoice.amountFen + invoice.taxFen;
  invoice.words = wordsOf(invoice.totalFen, yuanChar);
}

/** Recomputes line taxes at the invoice's (possibly changed) rate, then the totals. */
export function repriceAtRate(invoice: Invoice, yuanChar: '圆' | '元'): void {
  applyLines(
    invoice,
    invoice.lines.map((line) => makeLine(line.spec, line.quantity, line.unitPriceFen, invoice.ratePercent)),
    yuanChar,
  );
}

/** What the invoice's own documents (XML, PDF) state: the row, unless a defect set other figures. */
export function documentOf(invoice: Invoice): InvoiceDocument {
  return (
    invoice.document ?? {
      lines: invoice.lines,
      amountFen: invoice.amountFen,
      taxFen: invoice.taxFen,
      totalFen: invoice.totalFen,
      words: wordsOf(invoice.totalFen),
    }
  );
}

/** `1234.5` yuan style text of fen without grouping: 1234.50. */
export function plainYuan(fen: number): string {
  return fenToMoney(fen);
}

/** `1,234.50`, via the shared display formatter. */
export function groupedYuan(fen: number): string {
  return formatYuan(fenToMoney(fen));
}
