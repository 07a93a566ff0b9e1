import { Dec } from '../domain/decimal';

/**
 * The side-by-side figures of one project's totals, exact (decimal.js, unrounded): the caller rounds
 * once, at the end. Recused or incomplete scores are not passed in at all.
 */

/** Dropping one highest and one lowest score is only sensible with at least this many scores. */
export const TRIMMED_MEAN_MINIMUM = 5;

export interface TotalsFigures {
  readonly count: number;
  readonly mean: Dec | null;
  readonly trimmedMean: Dec | null;
  readonly median: Dec | null;
  readonly spread: Dec | null;
}

export function sum(values: readonly Dec[]): Dec {
  return values.reduce((total, v) => total.plus(v), new Dec(0));
}

export function mean(values: readonly Dec[]): Dec | null {
  return values.length === 0 ? null : sum(values).div(values.length);
}

export function median(values: readonly Dec[]): Dec | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as Dec;
  return sorted.length % 2 === 1 ? upper : (sorted[middle - 1] as Dec).plus(upper).div(2);
}

/** Mean without one highest and one lowest score (one of each, even when several are equal). */
export function trimmedMean(values: readonly Dec[]): Dec | null {
  if (values.length < TRIMMED_MEAN_MINIMUM) return null;
  return sum(values)
    .minus(Dec.max(...values))
    .minus(Dec.min(...values))
    .div(values.length - 2);
}

export function spread(values: readonly Dec[]): Dec | null {
  return values.length === 0 ? null : Dec.max(...values).minus(Dec.min(...values));
}

/** Population standard deviation (divided by n, not n − 1): the experts' scores are the whole panel, not a sample. */
export function standardDeviation(values: readonly Dec[]): Dec | null {
  const average = mean(values);
  if (average === null) return null;
  return sum(values.map((v) => v.minus(average).pow(2)))
    .div(values.length)
    .sqrt();
}

export function totalsFigures(values: readonly Dec[]): TotalsFigures {
  return { count: values.length, mean: mean(values), trimmedMean: trimmedMean(values), median: median(values), spread: spread(values) };
}
