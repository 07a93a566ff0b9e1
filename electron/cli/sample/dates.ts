import type { IsoDate } from '@shared/domain';
import type { Rng } from './prng';

/** Calendar arithmetic on ISO dates (UTC, no time zone involved). */

const MS_PER_DAY = 86_400_000;

// A package holds a few thousand distinct days but millions of date operations: remember them.
const parsed = new Map<IsoDate, number>();
const formatted = new Map<number, IsoDate>();

function toMs(date: IsoDate): number {
  let ms = parsed.get(date);
  if (ms === undefined) {
    ms = Date.parse(`${date}T00:00:00Z`);
    parsed.set(date, ms);
  }
  return ms;
}

function fromMs(ms: number): IsoDate {
  let date = formatted.get(ms);
  if (date === undefined) {
    date = new Date(ms).toISOString().slice(0, 10);
    formatted.set(ms, date);
  }
  return date;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromMs(toMs(date) + days * MS_PER_DAY);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toMs(to) - toMs(from)) / MS_PER_DAY);
}

export function maxDate(...dates: IsoDate[]): IsoDate {
  return dates.reduce((a, b) => (a >= b ? a : b));
}

export function minDate(...dates: IsoDate[]): IsoDate {
  return dates.reduce((a, b) => (a <= b ? a : b));
}

/** A day in [from, to]; `from` when the range is empty. */
export function randomDate(rng: Rng, from: IsoDate, to: IsoDate): IsoDate {
  const span = daysBetween(from, to);
  return span <= 0 ? from : addDays(from, rng.int(0, span));
}

/** The Date exceljs writes as this calendar day (UTC midnight, as exceljs reads dates back). */
export function excelDate(date: IsoDate): Date {
  return new Date(toMs(date));
}
