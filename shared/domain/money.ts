import { Dec } from './decimal';
import { fail, ok, type Result } from './result';
import { compactText, isBlank, quote } from './text';

/**
 * An amount of yuan as text with exactly two decimals: "1234.50", "-12.00", "0.00".
 * Money crosses every boundary (IPC, database, reports) in this form; floats
 * and Decimal objects stay inside a computation.
 */
export type MoneyString = string;

/** How a workbook column states its amounts: 元 (default) or 万元. */
export type MoneyUnit = 'yuan' | 'wan';

const UNIT_FACTOR: Readonly<Record<MoneyUnit, string>> = { yuan: '1', wan: '10000' };

/** How many yuan one unit is: "1" for 元, "10000" for 万元. */
export function unitMultiplier(unit: MoneyUnit): string {
  return UNIT_FACTOR[unit];
}

/** 1,000 万亿元: far above any project, and below where a float loses whole fen. */
const MAX_ABS_YUAN = new Dec('1e15');

export interface ParseMoneyOptions {
  /** Unit of the column; a unit written in the value itself (`1.5万元`, `15000元`) wins. */
  readonly unit?: MoneyUnit;
  /** Negative amounts are legal on red invoices; contract amounts pass false. Default true. */
  readonly allowNegative?: boolean;
  /** Name of the field in messages, e.g. 合同金额. Default 金额. */
  readonly label?: string;
}

const CURRENCY_PREFIX = /^(?:¥|￥|RMB|CNY|人民币)/iu;
const UNIT_SUFFIX = /(?:万元|万|元|圆)$/u;
// Thousands separators are only accepted in their proper places, so that a
// decimal comma (`1234,50`) is rejected rather than read as 123450.
const PLAIN_NUMBER = /^(?:\d+|\d{1,3}(?:,\d{3})+)?(?:\.\d*)?$/u;

/**
 * Reads an amount from a cell: a number from Excel or text such as
 * `1,234.50`, `¥1234.5`, `1234.50元`, `￥１，２３４.５`, `-12.00`, `（12.00）`,
 * `1.5万元`. Returns yuan with two decimals.
 *
 * Numbers are read as their shortest round-trip decimal; if that has more than
 * two decimals they are read again at 15 significant digits — Excel's own
 * precision — so that formula noise such as 0.1+0.2 = 0.30000000000000004
 * becomes 0.30 as Excel shows it, while a real third decimal (12.345, or
 * 1234.5000000001 which differs at the 14th digit) is reported, never rounded.
 * An amount in parentheses is negative, as accounting sheets write it.
 */
export function parseMoney(input: unknown, options: ParseMoneyOptions = {}): Result<MoneyString> {
  const label = options.label ?? '金额';
  const columnUnit = options.unit ?? 'yuan';
  if (isBlank(input)) return fail(`${label}为空，应填写金额，如 1234.50`);

  let parsed: Result<Dec>;
  if (typeof input === 'number') {
    parsed = readNumber(input, columnUnit, label);
  } else if (typeof input === 'bigint') {
    parsed = ok(new Dec(input.toString()).times(UNIT_FACTOR[columnUnit]));
  } else if (typeof input === 'string') {
    parsed = readText(input, columnUnit, label);
  } else {
    return fail(`${label}${quote(input)}不是金额，应为最多两位小数的数字，如 1234.50`);
  }
  if (!parsed.ok) return parsed;

  const value = parsed.value;
  if (value.isNegative() && !value.isZero() && options.allowNegative === false) {
    return fail(`${label}${quote(input)}为负数，此处应为不小于 0 的金额`);
  }
  if (value.abs().gte(MAX_ABS_YUAN)) {
    return fail(`${label}${quote(input)}超出可处理的范围，应小于 1000 万亿元`);
  }
  return ok(toMoneyString(value));
}

function readNumber(input: number, unit: MoneyUnit, label: string): Result<Dec> {
  if (!Number.isFinite(input)) {
    return fail(`${label}${quote(input)}不是有效金额，应为最多两位小数的数字，如 1234.50`);
  }
  const factor = UNIT_FACTOR[unit];
  const exact = new Dec(String(input)).times(factor);
  if (exact.decimalPlaces() <= 2) return ok(exact);
  const asExcelShows = new Dec(input.toPrecision(15)).times(factor);
  if (asExcelShows.decimalPlaces() <= 2) return ok(asExcelShows);
  return fail(tooManyDecimals(label, input, unit, asExcelShows));
}

function readText(input: string, columnUnit: MoneyUnit, label: string): Result<Dec> {
  const invalid = fail(`${label}${quote(input)}不是有效金额，应为最多两位小数的数字，如 1234.50`);
  let rest = compactText(input).replace(/[\u2212\u2012\u2013]/gu, '-');
  let unit: MoneyUnit | undefined;
  let currencySeen = false;
  let negations = 0;
  // Peel currency, unit, sign and accounting parentheses in whatever order
  // they were typed: `¥-12`, `-¥12`, `(¥12.00)`, `(12.00)元`.
  for (;;) {
    const before = rest;
    const currency = currencySeen ? null : CURRENCY_PREFIX.exec(rest);
    if (currency) {
      currencySeen = true;
      rest = rest.slice(currency[0].length);
    }
    const suffix = unit === undefined ? UNIT_SUFFIX.exec(rest) : null;
    if (suffix) {
      unit = suffix[0] === '万元' || suffix[0] === '万' ? 'wan' : 'yuan';
      rest = rest.slice(0, rest.length - suffix[0].length);
    }
    if (rest.startsWith('-')) {
      negations += 1;
      rest = rest.slice(1);
    } else if (rest.startsWith('(') && rest.endsWith(')') && rest.length >= 2) {
      negations += 1;
      rest = rest.slice(1, -1);
    }
    if (rest === before) break;
  }
  if (negations > 1) {
    return fail(`${label}${quote(input)}有多个负号或括号，应为 -1234.50 或 (1234.50) 这样的写法`);
  }
  if (!PLAIN_NUMBER.test(rest) || !/\d/u.test(rest)) {
    if (/^\d+(?:,\d+)+(?:\.\d*)?$/u.test(rest)) {
      return fail(`${label}${quote(input)}的千分位逗号位置不对，应每三位一个逗号，如 1,234,567.50；小数点应写作「.」`);
    }
    return invalid;
  }
  const effectiveUnit = unit ?? columnUnit;
  const magnitude = new Dec(rest.replace(/,/gu, '')).times(UNIT_FACTOR[effectiveUnit]);
  if (magnitude.decimalPlaces() > 2) return fail(tooManyDecimals(label, input, effectiveUnit, magnitude));
  return ok(negations === 1 ? magnitude.negated() : magnitude);
}

function tooManyDecimals(label: string, input: unknown, unit: MoneyUnit, yuan: Dec): string {
  const inYuan = unit === 'wan' ? `按万元计折合 ${yuan.toString()} 元，` : '';
  return `${label}${quote(input)}${inYuan}有 ${yuan.decimalPlaces()} 位小数，金额最多精确到分（两位小数），如 1234.50`;
}

function toMoneyString(value: Dec): MoneyString {
  const fixed = value.toFixed(2);
  return fixed === '-0.00' ? '0.00' : fixed;
}

// ---------------------------------------------------------------------------
// Arithmetic on decimal strings. Inputs are values this code produced, so a
// malformed one is a programming error and throws.

const MONEY_PATTERN = /^-?\d+\.\d{2}$/u;
const DECIMAL_PATTERN = /^-?\d+(?:\.\d+)?$/u;

/** Exactly the canonical form: optional minus, digits, two decimals. */
export function isMoneyString(value: unknown): value is MoneyString {
  return typeof value === 'string' && MONEY_PATTERN.test(value) && value !== '-0.00';
}

/** A plain decimal string such as "0.13" or "-12.5" (no exponent, no separators). */
export function isDecimalString(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL_PATTERN.test(value);
}

function decimalOf(value: string, what: string): Dec {
  if (!isDecimalString(value)) throw new TypeError(`${what}「${value}」不是十进制数字字符串`);
  return new Dec(value);
}

/** Money with at most two decimals; "12.5" is accepted, "12.345" is not. */
function moneyOf(value: string): Dec {
  const d = decimalOf(value, '金额');
  if (d.decimalPlaces() > 2) throw new RangeError(`金额「${value}」超过两位小数`);
  return d;
}

/** Rounds any decimal (string or Dec) half-up to the fen. */
export function roundMoney(value: string | Dec): MoneyString {
  const d = typeof value === 'string' ? decimalOf(value, '数值') : value;
  return toMoneyString(d.toDecimalPlaces(2, Dec.ROUND_HALF_UP));
}

/** Canonical two-decimal form of an amount that has at most two decimals ("12.5" → "12.50"). */
export function normalizeMoney(value: string): MoneyString {
  return toMoneyString(moneyOf(value));
}

export function addMoney(a: string, b: string): MoneyString {
  return toMoneyString(moneyOf(a).plus(moneyOf(b)));
}

export function subtractMoney(a: string, b: string): MoneyString {
  return toMoneyString(moneyOf(a).minus(moneyOf(b)));
}

export function sumMoney(values: Iterable<string>): MoneyString {
  let total = new Dec(0);
  for (const v of values) total = total.plus(moneyOf(v));
  return toMoneyString(total);
}

export function negateMoney(a: string): MoneyString {
  return toMoneyString(moneyOf(a).negated());
}

export function absMoney(a: string): MoneyString {
  return toMoneyString(moneyOf(a).abs());
}

/** amount × factor (e.g. a rate "0.08"), rounded half-up to the fen. */
export function multiplyMoney(amount: string, factor: string): MoneyString {
  return roundMoney(moneyOf(amount).times(decimalOf(factor, '系数')));
}

export function compareMoney(a: string, b: string): -1 | 0 | 1 {
  const c = decimalOf(a, '金额').comparedTo(decimalOf(b, '金额'));
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

export function moneyEquals(a: string, b: string): boolean {
  return compareMoney(a, b) === 0;
}

export function minMoney(a: string, b: string): MoneyString {
  return normalizeMoney(compareMoney(a, b) <= 0 ? a : b);
}

export function maxMoney(a: string, b: string): MoneyString {
  return normalizeMoney(compareMoney(a, b) >= 0 ? a : b);
}

// ---------------------------------------------------------------------------
// Display. Rounding here is for reading only; stored values keep the fen.

function groupThousands(fixed: string): string {
  const negative = fixed.startsWith('-');
  const body = negative ? fixed.slice(1) : fixed;
  const [intPart = '0', fraction] = body.split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/gu, ',');
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

function fixedForDisplay(value: Dec, decimals: number): string {
  const fixed = value.toFixed(decimals, Dec.ROUND_HALF_UP);
  return /^-0(?:\.0*)?$/u.test(fixed) ? fixed.slice(1) : fixed;
}

/** `12345678.9` → `12,345,678.90` (no unit, no currency sign). */
export function formatYuan(amount: string): string {
  return groupThousands(fixedForDisplay(decimalOf(amount, '金额'), 2));
}

/** `12345678.9` → `1,234.57万元`. */
export function formatWanYuan(amount: string, decimals = 2): string {
  return `${groupThousands(fixedForDisplay(decimalOf(amount, '金额').div(10000), decimals))}万元`;
}

/** `1234567890` → `12.35亿元`. */
export function formatYiYuan(amount: string, decimals = 2): string {
  return `${groupThousands(fixedForDisplay(decimalOf(amount, '金额').div(100000000), decimals))}亿元`;
}

/**
 * The form a Chinese reader expects in a summary: 元 below 1 万, 万元 below
 * 1 亿, 亿元 above. `8500` → `8,500.00元`, `1234567` → `123.46万元`.
 */
export function formatAmountForReader(amount: string): string {
  const abs = decimalOf(amount, '金额').abs();
  if (abs.gte(100000000)) return formatYiYuan(amount);
  if (abs.gte(10000)) return formatWanYuan(amount);
  return `${formatYuan(amount)}元`;
}
