import type { Dec } from '../domain/decimal';
import { constant, formatGrouped, formatPercent, formatReadable, percentOf, roundFen } from './money';
import type { Band } from './rule-set-schema';

/**
 * Band tables: edges are inclusive below and exclusive above ("8000万-2亿（不含）"),
 * the last band is open. A progressive band adds its rate on the part above
 * its lower edge to a base; "previous-cap" takes the cap of the band below,
 * the reading under which 分区间累进 is continuous (Xiamen §五(三)2).
 */

export function findBandIndex(bands: readonly Band[], amount: Dec): number {
  for (let i = bands.length - 1; i >= 0; i -= 1) {
    const band = bands[i];
    if (band && amount.gte(constant(band.from))) return i;
  }
  // Validated tables start at 0 and amounts are never negative.
  return 0;
}

const labels = new WeakMap<Band, string>();

/** 「低于8000万元」, 「8000万元–2亿元（不含）」, 「30亿元及以上」. */
export function bandRangeLabel(band: Band): string {
  // Bands belong to a frozen rule set; the label is asked for on every case.
  let label = labels.get(band);
  if (label === undefined) {
    label = freshLabel(band);
    labels.set(band, label);
  }
  return label;
}

function freshLabel(band: Band): string {
  const from = constant(band.from);
  if (band.to === undefined) return `${formatReadable(from)}及以上`;
  const to = constant(band.to);
  if (from.isZero()) return `低于${formatReadable(to)}`;
  return `${formatReadable(from)}–${formatReadable(to)}（不含）`;
}

export interface BandFigure {
  /** Before the cap, rounded to the fen. */
  readonly uncapped: Dec;
  readonly cap: Dec | undefined;
  /** The arithmetic, e.g. "10,000,000.00 + (350,000,000.00 − 200,000,000.00) × 4% = 16,000,000.00". */
  readonly arithmetic: string;
  /** How the base of a progressive band was found, e.g. "基数取前一区间的上限 10,000,000.00". */
  readonly baseNote?: string;
}

/** The band's figure for `amount`, or undefined for a band that pays nothing. */
export function bandFigure(bands: readonly Band[], index: number, amount: Dec): BandFigure | undefined {
  const band = bands[index];
  if (!band) return undefined;
  switch (band.kind) {
    case 'none':
      return undefined;
    case 'fixed': {
      const value = constant(band.amount);
      return { uncapped: value, cap: undefined, arithmetic: `固定金额 ${formatGrouped(value)}` };
    }
    case 'rate': {
      const rate = constant(band.ratePercent);
      const value = roundFen(percentOf(amount, rate));
      return {
        uncapped: value,
        cap: band.cap === undefined ? undefined : constant(band.cap),
        arithmetic: `${formatGrouped(amount)} × ${formatPercent(rate)} = ${formatGrouped(value)}`,
      };
    }
    case 'progressive': {
      const previous = index > 0 ? bands[index - 1] : undefined;
      const previousCap = previous && 'cap' in previous ? previous.cap : undefined;
      // The checks guarantee a cap below when base is "previous-cap"; 0 keeps the type honest.
      const base = band.base === 'previous-cap' ? constant(previousCap ?? '0') : constant(band.base);
      const over = constant(band.over ?? band.from);
      const rate = constant(band.ratePercent);
      const value = roundFen(base.plus(percentOf(amount.minus(over), rate)));
      const figure: BandFigure = {
        uncapped: value,
        cap: band.cap === undefined ? undefined : constant(band.cap),
        arithmetic: `${formatGrouped(base)} + (${formatGrouped(amount)} − ${formatGrouped(over)}) × ${formatPercent(rate)} = ${formatGrouped(value)}`,
      };
      return band.base === 'previous-cap' ? { ...figure, baseNote: `基数取前一区间的上限 ${formatGrouped(base)}` } : figure;
    }
  }
}
