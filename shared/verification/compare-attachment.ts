import { parseDate } from '../domain/dates';
import type { Dec } from '../domain/decimal';
import { normalizeCode, normalizeName } from './names';
import { readDecimal, yuan, ZERO } from './project-index';
import type { EInvoiceData, VInvoice } from './types';

/**
 * An attached e-invoice against its row, field by field: what the 申报表 says, what the file says,
 * and whether they agree. The file carries the tax bureau's data, so a different number, date,
 * amount or tax id is `strict` (an error); names that differ while the tax ids agree are not
 * (abbreviations, an old company name). Used by the ATTACHMENT_MISMATCH check and by the
 * attachment viewer, so both always judge alike.
 */
export interface FieldComparison {
  label: string;
  /** As the sheet shows it ('' when empty). */
  sheet: string;
  /** As the file shows it. */
  file: string;
  match: boolean;
  strict: boolean;
  /** The difference as one Chinese clause (empty when they agree). */
  message: string;
}

export interface RowFigures {
  amount: Dec | undefined;
  tax: Dec | undefined;
  total: Dec | undefined;
  red: boolean;
}

/** The figures of a row as the checks read them (see project-index.ts). */
export function rowFigures(invoice: VInvoice): RowFigures {
  const amount = readDecimal(invoice.amount);
  const total = readDecimal(invoice.total);
  const negative = (value: Dec | undefined) => value?.isNegative() === true && !value.isZero();
  return { amount, tax: readDecimal(invoice.tax), total, red: negative(amount) || negative(total) };
}

function isoDate(raw: string): string | undefined {
  const parsed = parseDate(raw);
  return parsed.ok ? parsed.value : undefined;
}

/** Only the fields the file gives are compared. */
export function compareWithRow(
  invoice: VInvoice,
  data: EInvoiceData,
  figures: RowFigures = rowFigures(invoice),
  isoOf: (raw: string) => string | undefined = isoDate,
): FieldComparison[] {
  const fields: FieldComparison[] = [];
  const text = (label: string, ours: string, theirs: string | undefined, fold: (s: string) => string, strict: boolean) => {
    if (theirs === undefined || fold(theirs) === '') return;
    const match = fold(ours) === fold(theirs);
    fields.push({ label, sheet: ours.trim(), file: theirs.trim(), match, strict, message: match ? '' : `${label}：表中「${ours.trim()}」，附件「${theirs.trim()}」` });
  };
  text('发票号码', invoice.number, data.number, normalizeCode, true);
  text('发票代码', invoice.code, data.code, normalizeCode, true);
  if (data.issuedOn !== undefined && data.issuedOn.trim() !== '') {
    const theirs = data.issuedOn.trim();
    const match = isoOf(theirs) === invoice.issuedOn.trim();
    fields.push({
      label: '开票日期',
      sheet: invoice.issuedOn,
      file: theirs,
      match,
      strict: true,
      message: match ? '' : `开票日期：表中 ${invoice.issuedOn}，附件 ${theirs}`,
    });
  }
  const amount = (label: string, ours: Dec | undefined, theirs: string | undefined) => {
    if (theirs === undefined || theirs.trim() === '') return;
    const value = readDecimal(theirs.replace(/[,，]/gu, ''));
    if (value === undefined) return;
    const match = ours !== undefined && ours.eq(value);
    const sheet = ours ? yuan(ours) : '无法读取';
    fields.push({ label, sheet, file: yuan(value), match, strict: true, message: match ? '' : `${label}：表中 ${sheet}，附件 ${yuan(value)}` });
  };
  amount('金额', figures.amount, data.amount);
  // An empty tax cell (`***` on a tax-exempt invoice) is zero tax.
  const noTaxCell = invoice.tax === null || ['', '***'].includes(invoice.tax.trim());
  amount('税额', figures.tax ?? (noTaxCell ? ZERO : undefined), data.tax);
  amount('价税合计', figures.total, data.total);
  text('销售方纳税人识别号', invoice.sellerTaxId, data.sellerTaxId, normalizeCode, true);
  text('购买方纳税人识别号', invoice.buyerTaxId, data.buyerTaxId, normalizeCode, true);
  text('销售方名称', invoice.sellerName, data.sellerName, normalizeName, false);
  text('购买方名称', invoice.buyerName, data.buyerName, normalizeName, false);
  if (data.red !== undefined) {
    const match = data.red === figures.red;
    const message = data.red ? '红字标志：附件为红字发票，表中金额为正数' : '红字标志：附件为蓝字发票，表中金额为负数';
    fields.push({ label: '红字/蓝字', sheet: figures.red ? '红字' : '蓝字', file: data.red ? '红字' : '蓝字', match, strict: true, message: match ? '' : message });
  }
  return fields;
}
