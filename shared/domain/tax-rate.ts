import { Dec } from './decimal';
import { fail, ok, type Result } from './result';
import { compactText, isBlank, quote } from './text';

/**
 * VAT rate of an invoice line. 免税 and 不征税 are not rates: both mean no tax
 * is charged, but they print differently and are different legal situations,
 * so they stay distinct from a 0% (零税率) rate.
 */
export type TaxRate =
  | { readonly kind: 'rate'; /** Fraction as a decimal string: "0.13", "0.06", "0". */ readonly rate: string }
  | { readonly kind: 'exempt' }
  | { readonly kind: 'not-taxable' };

/**
 * DOMAIN.md §2 Rates: 13%, 9%, 6%, 0%; 征收率 5% and 3%; small-scale relief 1%.
 * A rate outside this set is not wrong by itself (other 征收率 exist) but is
 * shown to the reviewer.
 */
export const KNOWN_TAX_RATES: readonly string[] = ['0.13', '0.09', '0.06', '0.05', '0.03', '0.01', '0'];

const EXEMPT_WORDS = new Set(['免税', '免征', '免征增值税']);
const NOT_TAXABLE_WORDS = new Set(['不征税', '不征收', '不征']);

/**
 * Reads `13%`, `0.13`, `13`, `免税`, `不征税`, `零税率`, or a number from Excel
 * (a percent-formatted cell holds 0.13). A bare value below 1 is a fraction
 * and from 1 up is a percentage: no VAT rate is 100% or above, and a rate of
 * a fraction of a percent is written with the % sign (`0.5%`). So `1` is 1%.
 */
export function parseTaxRate(input: unknown, label = '税率'): Result<TaxRate> {
  const expected = '，应如 13%、0.13、13 或 免税';
  if (isBlank(input)) return fail(`${label}为空${expected}`);

  let value: Dec;
  let percentSign = false;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return fail(`${label}${quote(input)}不是有效税率${expected}`);
    // Drop binary noise from formulas (e.g. 13/100) the way Excel displays it.
    value = new Dec(input.toPrecision(15));
  } else if (typeof input === 'string') {
    const s = compactText(input);
    if (EXEMPT_WORDS.has(s)) return ok({ kind: 'exempt' });
    if (NOT_TAXABLE_WORDS.has(s)) return ok({ kind: 'not-taxable' });
    if (s === '零税率') return ok({ kind: 'rate', rate: '0' });
    const m = /^(\d+(?:\.\d+)?|\.\d+)(%?)$/u.exec(s);
    if (!m?.[1]) return fail(`${label}${quote(input)}不是有效税率${expected}`);
    value = new Dec(m[1]);
    percentSign = m[2] === '%';
  } else {
    return fail(`${label}${quote(input)}不是有效税率${expected}`);
  }

  if (value.isNegative() && !value.isZero()) return fail(`${label}${quote(input)}为负数${expected}`);
  const fraction = percentSign || value.gte(1) ? value.div(100) : value;
  if (fraction.gte(1)) return fail(`${label}${quote(input)}超过 100%${expected}`);
  return ok({ kind: 'rate', rate: fraction.toString() });
}

export function isKnownTaxRate(rate: TaxRate): boolean {
  return rate.kind !== 'rate' || KNOWN_TAX_RATES.includes(rate.rate);
}

/** A reviewer-facing note when the rate is outside the usual set; undefined when it is usual. */
export function unknownTaxRateMessage(rate: TaxRate, label = '税率'): string | undefined {
  if (isKnownTaxRate(rate)) return undefined;
  return `${label}「${formatTaxRate(rate)}」不是常见税率（13%、9%、6%、5%、3%、1%、0%、免税、不征税），请核对`;
}

/** The multiplier for tax: the rate, or "0" when no tax is charged. */
export function taxRateFactor(rate: TaxRate): string {
  return rate.kind === 'rate' ? rate.rate : '0';
}

/** `13%`, `1.5%`, `免税`, `不征税`. */
export function formatTaxRate(rate: TaxRate): string {
  if (rate.kind === 'exempt') return '免税';
  if (rate.kind === 'not-taxable') return '不征税';
  return `${new Dec(rate.rate).times(100).toString()}%`;
}
