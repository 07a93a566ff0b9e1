import { parseDate } from '../domain/dates';
import { classifyInvoice, type InvoiceId } from '../domain/invoice-number';
import { parseMoney } from '../domain/money';
import { fail, ok, type Result } from '../domain/result';
import type { EInvoiceData } from '../verification/types';

/** Shared steps of the e-invoice readers: field values as text → the canonical forms of EInvoiceData. */

/** '' for a value that is absent or blank. */
export type FieldText = string;

/**
 * An amount, or undefined when the field is empty. Asterisks (`***`) are what a tax-exempt invoice
 * prints for tax: no figure, so undefined too — the reader does not invent 0.00.
 */
export function optionalMoney(text: FieldText, label: string): Result<string | undefined> {
  if (text === '' || /^[*＊]+$/u.test(text)) return ok(undefined);
  return parseMoney(text, { label });
}

export function optionalDate(text: FieldText, label: string): Result<string | undefined> {
  if (text === '') return ok(undefined);
  return parseDate(text, { label });
}

/** The invoice's number (and code); fails with classifyInvoice's Chinese reason. */
export function invoiceIdentity(code: FieldText, number: FieldText, label: string): Result<InvoiceId> {
  if (number === '') return fail(`${label}为空，文件中没有发票号码`);
  const id = classifyInvoice(code, number);
  return id.ok ? id : fail(`${label}：${id.message}`);
}

/**
 * The blue invoice a red one reverses, as an invoice key (the 20-digit number, or `code-number`).
 * Tries code + number, then each alone, because files put a 20-digit number in either element.
 */
export function originalInvoiceKey(code: FieldText, number: FieldText): string | undefined {
  const attempts: [string, string][] = [
    [code, number],
    ['', number],
    ['', code],
  ];
  for (const [c, n] of attempts) {
    if (n === '') continue;
    const id = classifyInvoice(c, n);
    if (id.ok) return id.value.key;
  }
  return undefined;
}

// 「被红冲蓝字数电票号码：24112000000135114086」 on 数电 red invoices;
// 「对应正数发票代码:044001900111号码:12345678」 on tax-control red invoices.
const DIGITAL_REMARK = /被红冲蓝字(?:数电)?(?:发票|票)?号码\s*[:：]?\s*(\d{20})/u;
const TAX_CONTROL_REMARK = /对应正数发票代码\s*[:：]?\s*(\d{10}(?:\d{2})?)\s*号码\s*[:：]?\s*(\d{8})/u;

/** The original invoice named in a red invoice's 备注, as an invoice key. */
export function originalKeyFromRemark(remark: FieldText): string | undefined {
  const digital = DIGITAL_REMARK.exec(remark);
  if (digital?.[1] !== undefined) return digital[1];
  const taxControl = TAX_CONTROL_REMARK.exec(remark);
  if (taxControl?.[1] !== undefined && taxControl[2] !== undefined) return originalInvoiceKey(taxControl[1], taxControl[2]);
  return undefined;
}

/** Labels of required fields that are missing, as one Chinese message, or undefined when none is. */
export function missingFieldsMessage(what: string, missing: readonly string[]): string | undefined {
  return missing.length === 0 ? undefined : `${what}缺少必需的字段：${missing.join('、')}`;
}

/** Drops undefined and empty-string properties so that the value holds only what the file said. */
export function compactData<T extends EInvoiceData>(data: T): T {
  const entries = Object.entries(data).filter(([, value]) => value !== undefined && value !== '');
  return Object.fromEntries(entries) as T;
}

/** The money fields of EInvoiceData that every reader fills the same way. */
export interface MoneyFields {
  amount?: string;
  tax?: string;
  total?: string;
}

/** Reads amount, tax and total; the first unreadable one fails the whole file. */
export function readMoneyFields(texts: Record<keyof MoneyFields, { text: FieldText; label: string }>): Result<MoneyFields> {
  const values: MoneyFields = {};
  for (const key of ['amount', 'tax', 'total'] as const) {
    const field = texts[key];
    const value = optionalMoney(field.text, field.label);
    if (!value.ok) return value;
    if (value.value !== undefined) values[key] = value.value;
  }
  return ok(values);
}

/** A red invoice shows negative amounts: the fallback when a file has no explicit red/blue label. */
export function hasNegativeAmount(money: MoneyFields): boolean {
  return [money.amount, money.total].some((value) => value !== undefined && value.startsWith('-'));
}
