import { fail, ok, type Result } from './result';
import { isBlank, quote, removeSpaces, toHalfWidth } from './text';

/**
 * Calendar dates as ISO strings `YYYY-MM-DD`. They compare correctly as
 * strings and carry no time zone, which is what a date typed into a form is.
 */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
/** 9999-12-31 in Excel's 1900 date system. */
const MAX_EXCEL_SERIAL = 2_958_465;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Builds an ISO date from parts, or says in Chinese why the date does not exist. */
export function isoDateFromParts(year: number, month: number, day: number, label = '日期'): Result<IsoDate> {
  return checkParts(year, month, day, `${label}「${year}-${pad(month, 2)}-${pad(day, 2)}」`);
}

/** `shown` names the value as the user typed it, e.g. 开票日期「2024/2/30」. */
function checkParts(year: number, month: number, day: number, shown: string): Result<IsoDate> {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) {
    return fail(`${shown}的年份 ${year} 不在 1900–9999 之间`);
  }
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    return fail(`${shown}的月份 ${month} 不存在，月份应为 1–12`);
  }
  const last = daysInMonth(year, month);
  if (!Number.isInteger(day) || day < 1 || day > last) {
    return fail(`${shown}不存在：${year} 年 ${month} 月只有 ${last} 天`);
  }
  return ok(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`);
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  return m !== null && isoDateFromParts(Number(m[1]), Number(m[2]), Number(m[3])).ok;
}

/** Inclusive range check on ISO dates; string order is date order. */
export function isDateWithin(date: IsoDate, start: IsoDate, end: IsoDate): boolean {
  return date >= start && date <= end;
}

/**
 * Excel serial day number to ISO date. The 1900 system counts the
 * non-existent 1900-02-29 (serial 60), a Lotus 1-2-3 compatibility bug, so
 * serials after it are one day ahead of a plain count from 1899-12-31.
 * A time of day (fractional part) is dropped.
 */
export function excelSerialToIsoDate(serial: number, date1904 = false, label = '日期'): Result<IsoDate> {
  if (!Number.isFinite(serial) || serial < 1 || serial > MAX_EXCEL_SERIAL) {
    return fail(`${label}${quote(serial)}不是有效的 Excel 日期`);
  }
  const day = Math.floor(serial);
  let epoch: number;
  if (date1904) {
    epoch = Date.UTC(1904, 0, 1);
  } else if (day === 60) {
    return fail(`${label}${quote(serial)}是 Excel 中不存在的 1900-02-29，请重新填写日期`);
  } else {
    epoch = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  }
  const d = new Date(epoch + day * MS_PER_DAY);
  return ok(`${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`);
}

export interface ParseDateOptions {
  /** Field name in messages, e.g. 开票日期. Default 日期. */
  readonly label?: string;
  /** Workbook uses the 1904 date system (old Mac Excel). */
  readonly date1904?: boolean;
}

const TIME_SUFFIX = /^(.*?)(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/u;

/**
 * Reads a date from a cell: a JS Date, an Excel serial number, a number
 * typed as 20240105, or text `2024-01-05`, `2024/1/5`, `2024.01.05`,
 * `2024年1月5日`, `20240105`, optionally followed by a time.
 *
 * A Date is read by its UTC fields: exceljs (like SheetJS) turns the
 * wall-clock value typed in Excel into that instant in UTC, so the UTC fields
 * are exactly what was typed, whatever the reviewer's time zone.
 */
export function parseDate(input: unknown, options: ParseDateOptions = {}): Result<IsoDate> {
  const label = options.label ?? '日期';
  if (isBlank(input)) return fail(`${label}为空，应填写日期，如 2024-01-05`);

  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return fail(`${label}不是有效日期，应如 2024-01-05`);
    return isoDateFromParts(input.getUTCFullYear(), input.getUTCMonth() + 1, input.getUTCDate(), label);
  }

  if (typeof input === 'number') {
    // Someone typed 20240105 into a number cell: far above any serial Excel uses.
    if (Number.isInteger(input) && input >= 19000101 && input <= 99991231) {
      return fromCompact(String(input), input, label);
    }
    return excelSerialToIsoDate(input, options.date1904 ?? false, label);
  }

  if (typeof input !== 'string') return fail(`${label}${quote(input)}不是日期，应如 2024-01-05`);

  const expected = '，应如 2024-01-05、2024/1/5、2024.01.05、2024年1月5日 或 20240105';
  const trimmed = toHalfWidth(input).trim();
  const withoutTime = TIME_SUFFIX.exec(trimmed)?.[1] ?? trimmed;
  const s = removeSpaces(withoutTime);

  const shown = `${label}${quote(input)}`;
  const separated = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/u.exec(s);
  if (separated) return checkParts(Number(separated[1]), Number(separated[3]), Number(separated[4]), shown);

  const chinese = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/u.exec(s);
  if (chinese) return checkParts(Number(chinese[1]), Number(chinese[2]), Number(chinese[3]), shown);

  if (/^\d{8}$/u.test(s)) return fromCompact(s, input, label);

  if (/^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$/u.test(s)) {
    return fail(`${label}${quote(input)}的年份写在最后，无法确定月和日的顺序${expected}`);
  }
  if (/^\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?$/u.test(s)) {
    return fail(`${label}${quote(input)}的年份应写全 4 位${expected}`);
  }
  if (/^\d{4}[-/.年]\d{1,2}月?$/u.test(s)) {
    return fail(`${label}${quote(input)}只写到月份，应精确到日${expected}`);
  }
  return fail(`${label}${quote(input)}不是可识别的日期${expected}`);
}

function fromCompact(digits: string, input: unknown, label: string): Result<IsoDate> {
  return checkParts(Number(digits.slice(0, 4)), Number(digits.slice(4, 6)), Number(digits.slice(6, 8)), `${label}${quote(input)}（按 YYYYMMDD 读取）`);
}
