import { Dec } from '../domain/decimal';

/**
 * Money inside the rule engine: decimal.js only, yuan, rounded half-up to the
 * fen at the end of each documented step. Amounts leave the engine as strings
 * with exactly two decimals.
 */

export const ZERO = new Dec(0);
const HUNDREDTH = new Dec('0.01');
const WAN = new Dec('1e4');
const YI = new Dec('1e8');
// Multiplying by these is exact and much cheaper than dividing by 1e4 or 1e8.
const PER_WAN = new Dec('1e-4');
const PER_YI = new Dec('1e-8');

/** A plain non-negative yuan amount: digits, at most two decimals, no sign, no separators. */
export const PLAIN_MONEY = /^(?:0|[1-9]\d{0,14})(?:\.\d{1,2})?$/u;
/** A plain non-negative decimal such as a percentage or a number of years. */
export const PLAIN_DECIMAL = /^(?:0|[1-9]\d{0,14})(?:\.\d{1,6})?$/u;

export function dec(value: string | number): Dec {
  return new Dec(value);
}

const constants = new Map<string, Dec>();

/**
 * A figure written in a rule set (a rate, a cap, a band edge), parsed once:
 * rule sets are frozen and Decimal values immutable, so the same object can
 * serve every case. The map is bounded only by the literals of the rule sets
 * loaded, and is emptied if that ever grows unreasonably.
 */
export function constant(value: string): Dec {
  let parsed = constants.get(value);
  if (parsed === undefined) {
    if (constants.size > 10_000) constants.clear();
    parsed = new Dec(value);
    constants.set(value, parsed);
  }
  return parsed;
}

export function roundFen(value: Dec): Dec {
  return value.decimalPlaces() <= 2 ? value : value.toDecimalPlaces(2, Dec.ROUND_HALF_UP);
}

/** Two decimals, rounded half-up, and never "-0.00" (a zero contribution must read as zero). */
export function formatFen(value: Dec): string {
  if (value.isZero()) return '0.00';
  const places = value.decimalPlaces();
  if (places <= 2) {
    // Most figures are already rounded to the fen: padding the plain digits
    // avoids the intermediate Decimal toFixed builds (evaluation speed matters
    // for batches of thousands of cases).
    const plain = value.toString();
    return places === 2 ? plain : places === 1 ? `${plain}0` : `${plain}.00`;
  }
  // toFixed rounds with the constructor's mode, which is ROUND_HALF_UP.
  const text = value.toFixed(2);
  return text === '-0.00' ? '0.00' : text;
}

/** 150000000 → "150,000,000.00", as a reviewer reads it in a trace. */
export function formatGrouped(value: Dec): string {
  const text = formatFen(value);
  const negative = text.charCodeAt(0) === 45;
  const point = text.length - 3;
  const start = negative ? 1 : 0;
  let grouped = '';
  for (let i = start; i < point; i += 1) {
    if (i > start && (point - i) % 3 === 0) grouped += ',';
    grouped += text[i];
  }
  return `${negative ? '-' : ''}${grouped}${text.slice(point)}`;
}

/**
 * 150000000 → "1.5亿元", 80000000 → "8000万元", 66666666.67 → "66,666,666.67元".
 * The short forms are used only when exact, so a reader never sees a rounded figure.
 */
export function formatReadable(value: Dec): string {
  const abs = value.abs();
  if (abs.gte(YI)) {
    const yi = value.times(PER_YI);
    if (yi.decimalPlaces() <= 4) return `${trimZeros(yi)}亿元`;
  }
  if (abs.gte(WAN)) {
    const wan = value.times(PER_WAN);
    if (wan.decimalPlaces() <= 2) return `${trimZeros(wan)}万元`;
  }
  return `${formatGrouped(value)}元`;
}

/** "150,000,000.00元（1.5亿元）"; the short form is added only when it says something new. */
export function formatAmountWithReadable(value: Dec): string {
  const grouped = `${formatGrouped(value)}元`;
  const readable = formatReadable(value);
  return readable === grouped ? grouped : `${grouped}（${readable}）`;
}

/** "8" → "8%", "12.5" → "12.5%". */
export function formatPercent(percent: Dec): string {
  return `${trimZeros(percent)}%`;
}

export function percentOf(amount: Dec, percent: Dec): Dec {
  // Multiplying by 0.01 is exact and cheaper than dividing by 100.
  return amount.times(percent).times(HUNDREDTH);
}

export function trimZeros(value: Dec): string {
  return value.toFixed();
}

export function minDec(a: Dec, b: Dec): Dec {
  return a.lte(b) ? a : b;
}

export function maxDec(a: Dec, b: Dec): Dec {
  return a.gte(b) ? a : b;
}
