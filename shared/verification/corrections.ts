import { normalizeAgreedTail } from '../domain/agreed-tail';
import { parseDate } from '../domain/dates';
import { enumLabel, INVESTMENT_CATEGORIES, parseInvestmentCategory } from '../domain/enums';
import { parseMoney } from '../domain/money';
import type { Result } from '../domain/result';
import type { VContract, VInvoice } from './types';

/**
 * Corrections (更正, issue 12): the sheet says one thing, the attached document another (开票日期
 * 2023-12-31 on the sheet, 2024-01-03 on the invoice). A reviewer records the field, both values,
 * why, and the attachment page as evidence; the checks then run on the corrected value. A
 * correction is the only way past a statutory finding, and it leaves a trail a chair can check.
 */
export type CorrectionTarget = 'invoice' | 'contract';

type FieldKind = 'date' | 'money' | 'signed-money' | 'text' | 'category' | 'tail';
interface FieldSpec {
  readonly label: string;
  readonly kind: FieldKind;
}

/** The fields a reviewer may correct, per row kind; labels are the package's column headers. */
export const CORRECTABLE_FIELDS = {
  invoice: {
    issuedOn: { label: '开票日期', kind: 'date' },
    amount: { label: '金额', kind: 'signed-money' },
    tax: { label: '税额', kind: 'signed-money' },
    total: { label: '价税合计', kind: 'signed-money' },
    sellerName: { label: '销售方名称', kind: 'text' },
    sellerTaxId: { label: '销售方纳税人识别号', kind: 'text' },
    itemName: { label: '项目名称', kind: 'text' },
    contractNo: { label: '合同编号', kind: 'text' },
  },
  contract: {
    category: { label: '投资类别', kind: 'category' },
    agreedTail: { label: '约定尾款', kind: 'tail' },
    signedOn: { label: '签订日期', kind: 'date' },
    amount: { label: '合同金额', kind: 'money' },
  },
} as const satisfies Record<CorrectionTarget, Record<string, FieldSpec>>;

export type InvoiceField = keyof (typeof CORRECTABLE_FIELDS)['invoice'];
export type ContractField = keyof (typeof CORRECTABLE_FIELDS)['contract'];

export interface Correction {
  target: CorrectionTarget;
  /** The invoice key, or the contract number as on the 合同 sheet. */
  targetKey: string;
  /** Which occurrence of an invoice key within the project (1 for contracts). */
  occurrence: number;
  /** A key of CORRECTABLE_FIELDS[target]. */
  field: string;
  /** The value on the sheet when the correction was made. */
  oldValue: string;
  newValue: string;
  reason: string;
  /** 附件名#页, e.g. 发票-0006.pdf#1; '' when none was given. */
  evidence: string;
  /** The reviewer's name, as on decisions. */
  reviewer: string;
  correctedAt: string;
}

/** A field named by its key (issuedOn) or its label (开票日期); undefined when not correctable. */
export function findCorrectableField(target: CorrectionTarget, name: string): { field: string; label: string; kind: FieldKind } | undefined {
  const fields: Record<string, FieldSpec> = CORRECTABLE_FIELDS[target];
  const wanted = name.trim();
  for (const [field, spec] of Object.entries(fields)) {
    if (field === wanted || spec.label === wanted) return { field, label: spec.label, kind: spec.kind };
  }
  return undefined;
}

export function fieldLabel(target: CorrectionTarget, field: string): string {
  return findCorrectableField(target, field)?.label ?? field;
}

/** The value as the checks store it (ISO date, yuan with two decimals, a category label, `10%`). */
export function normalizeCorrectionValue(target: CorrectionTarget, field: string, value: string): Result<string> {
  const spec = findCorrectableField(target, field);
  if (!spec) {
    const names = Object.values(CORRECTABLE_FIELDS[target] as Record<string, FieldSpec>).map((f) => f.label);
    return { ok: false, message: `「${field}」不能更正；${target === 'invoice' ? '发票' : '合同'}可更正的字段：${names.join('、')}` };
  }
  switch (spec.kind) {
    case 'date':
      return parseDate(value, { label: spec.label });
    case 'money':
    case 'signed-money':
      return parseMoney(value, { label: spec.label, allowNegative: spec.kind === 'signed-money' });
    case 'category': {
      const parsed = parseInvestmentCategory(value, spec.label);
      return parsed.ok ? { ok: true, value: enumLabel(INVESTMENT_CATEGORIES, parsed.value) } : parsed;
    }
    case 'tail': {
      const normal = normalizeAgreedTail(value);
      return normal.ok ? { ok: true, value: normal.value } : normal;
    }
    case 'text': {
      const text = value.trim();
      return text === '' ? { ok: false, message: `更正后的${spec.label}不能为空` } : { ok: true, value: text };
    }
  }
}

/** The value of a correctable field on a row, as text. */
export function fieldValue(row: VInvoice | VContract, field: string): string {
  const value = (row as unknown as Record<string, unknown>)[field];
  return value === null || value === undefined ? '' : String(value);
}

/**
 * The rows with a reviewer's corrections applied (new objects; the loaded rows stay as read).
 * `occurrenceOf` gives an invoice row's occurrence of its key.
 */
export function applyCorrections(
  rows: { invoices: readonly VInvoice[]; contracts: readonly VContract[] },
  corrections: readonly Correction[],
  occurrenceOf: (rowNo: number) => number,
): { invoices: VInvoice[]; contracts: VContract[] } {
  if (corrections.length === 0) return { invoices: [...rows.invoices], contracts: [...rows.contracts] };
  const byTarget = new Map<string, Correction[]>();
  for (const c of corrections) {
    const key = `${c.target}\u0000${c.targetKey}\u0000${String(c.occurrence)}`;
    byTarget.set(key, [...(byTarget.get(key) ?? []), c]);
  }
  const patch = <T extends VInvoice | VContract>(row: T, key: string): T => {
    const list = byTarget.get(key);
    if (!list) return row;
    const copy = { ...row } as Record<string, unknown>;
    for (const c of list) copy[c.field] = c.newValue;
    return copy as T;
  };
  return {
    invoices: rows.invoices.map((i) => patch(i, `invoice\u0000${i.key}\u0000${String(occurrenceOf(i.rowNo))}`)),
    contracts: rows.contracts.map((c) => patch(c, `contract\u0000${c.contractNo}\u00001`)),
  };
}

/** One line of the verification trace per correction. */
export function correctionTraceLine(c: Correction, rowNo: number | undefined): string {
  const what = c.target === 'invoice' ? `${rowNo === undefined ? '' : `第 ${String(rowNo)} 行`}发票「${c.targetKey}」` : `合同「${c.targetKey}」`;
  const evidence = c.evidence === '' ? '' : `；依据 ${c.evidence}`;
  return `更正：${what}${fieldLabel(c.target, c.field)}由「${c.oldValue}」更正为「${c.newValue}」（${c.reviewer}，${c.correctedAt.slice(0, 10)}；理由：${c.reason}${evidence}），核验按更正后的值进行`;
}
