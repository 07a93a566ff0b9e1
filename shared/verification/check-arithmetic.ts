import { Dec } from '../domain/decimal';
import { checkInvoiceTax, checkTotal, DEFAULT_TAX_TOLERANCE, splitTaxInclusive } from '../domain/invoice-arithmetic';
import type { Result } from '../domain/result';
import { formatTaxRate, parseTaxRate, unknownTaxRateMessage, type TaxRate } from '../domain/tax-rate';
import type { FindingSink } from './findings';
import { money, ZERO, type IndexedInvoice, type ProjectIndex } from './project-index';

/**
 * AMOUNT_ARITHMETIC and TAX_RATE_UNKNOWN, DOMAIN.md §2 "Arithmetic":
 * 价税合计 = 金额 + 税额 to the fen (error otherwise); 税额 against 金额 × 税率 with
 * the issuing software's rounding tolerance — within DEFAULT_TAX_TOLERANCE.invoice
 * (1.27 元 over an invoice) a warning, beyond it an error; no tax at all when the
 * rate is 免税 or 不征税; an invoice priced tax-inclusive (amount = round(total ÷
 * (1 + rate)), tax the rest) is exact and gives no finding. The common case (everything exact) is decided with two
 * Decimal comparisons; the domain checks only run to word a finding.
 */
export function checkArithmetic(index: ProjectIndex, sink: FindingSink): void {
  const rates = new Map<string, Result<TaxRate>>();
  for (const row of index.invoices) {
    const key = row.invoice.taxRate.trim();
    let rate = rates.get(key);
    if (rate === undefined) {
      rate = key === '' ? { ok: false, message: '税率为空，无法核对税额' } : parseTaxRate(key);
      rates.set(key, rate);
    }
    checkRate(row, rate, sink);
    checkAmounts(row, rate.ok ? rate.value : undefined, sink);
  }
}

function checkRate(row: IndexedInvoice, rate: Result<TaxRate>, sink: FindingSink): void {
  if (!rate.ok) {
    sink.invoice(row.rowNo, 'TAX_RATE_UNKNOWN', 'warning', rate.message);
    return;
  }
  const unusual = unknownTaxRateMessage(rate.value);
  if (unusual !== undefined) sink.invoice(row.rowNo, 'TAX_RATE_UNKNOWN', 'warning', unusual);
}

type Usable = { ok: true; value: Dec } | { ok: false; message: string };

/** A money value with at most two decimals, or a message why the cell cannot be used. */
function usable(value: Dec | undefined, raw: string | null, label: string): Usable {
  if (value === undefined) return { ok: false, message: `${label}「${raw ?? ''}」不是有效金额，无法核对发票金额` };
  if (value.decimalPlaces() > 2) return { ok: false, message: `${label}「${raw ?? ''}」超过两位小数，金额应精确到分` };
  return { ok: true, value };
}

function isTaxInclusiveSplit(amount: Dec, tax: Dec, total: Dec, rate: TaxRate): boolean {
  if (rate.kind !== 'rate') return false;
  const split = splitTaxInclusive(money(total), rate);
  return split.amount === money(amount) && split.tax === money(tax);
}

const rateFactors = new Map<string, Dec>();

function factorOf(rate: TaxRate): Dec {
  const key = rate.kind === 'rate' ? rate.rate : '0';
  let factor = rateFactors.get(key);
  if (factor === undefined) {
    factor = new Dec(key);
    rateFactors.set(key, factor);
  }
  return factor;
}

function checkAmounts(row: IndexedInvoice, rate: TaxRate | undefined, sink: FindingSink): void {
  const { invoice } = row;
  const problems: string[] = [];
  const amount = usable(row.amount, invoice.amount, '金额');
  const total = usable(row.total, invoice.total, '价税合计');
  if (!amount.ok) problems.push(amount.message);
  if (!total.ok) problems.push(total.message);

  const noTaxCharged = rate !== undefined && (rate.kind !== 'rate' || rate.rate === '0');
  let tax: Dec | undefined;
  const taxCell = invoice.tax?.trim() ?? '';
  if (taxCell === '' || taxCell === '***') {
    // `***` on a tax-exempt invoice; a taxed invoice must state its tax.
    if (noTaxCharged) tax = ZERO;
    else if (rate !== undefined) {
      sink.invoice(row.rowNo, 'AMOUNT_ARITHMETIC', 'warning', `税率为${formatTaxRate(rate)}，但税额为空，无法核对税额与价税合计`);
    }
  } else {
    const parsed = usable(row.tax, invoice.tax, '税额');
    if (parsed.ok) tax = parsed.value;
    else problems.push(parsed.message);
  }
  if (problems.length > 0) {
    sink.invoice(row.rowNo, 'AMOUNT_ARITHMETIC', 'error', problems.join('；'));
    return;
  }
  if (!amount.ok || !total.ok || tax === undefined) return;

  // Decided on Decimals; the domain checks run only to word a finding.
  if (!amount.value.plus(tax).eq(total.value)) {
    const check = checkTotal(money(amount.value), money(tax), money(total.value));
    if (check.severity !== 'ok') sink.invoice(row.rowNo, 'AMOUNT_ARITHMETIC', check.severity, check.message);
  }
  if (rate === undefined) return;
  const expected = amount.value.times(factorOf(rate)).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
  // Tax-inclusive pricing (amount = round(total ÷ (1 + rate)), tax = the rest) is exact
  // by construction even when tax ≠ round(amount × rate) by a fen: no finding.
  if (expected.eq(tax) || isTaxInclusiveSplit(amount.value, tax, total.value, rate)) return;
  const check = checkInvoiceTax(money(amount.value), rate, money(tax), DEFAULT_TAX_TOLERANCE.invoice);
  if (check.severity !== 'ok') sink.invoice(row.rowNo, 'AMOUNT_ARITHMETIC', check.severity, check.message);
}
