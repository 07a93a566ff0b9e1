import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth, excelSerialToIsoDate, isDateWithin, isIsoDate, isoDateFromParts, parseDate } from '@shared/domain/dates';

describe('parseDate: text', () => {
  it.each([
    ['2024-01-05', '2024-01-05'],
    ['2024/1/5', '2024-01-05'],
    ['2024.01.05', '2024-01-05'],
    ['2024年1月5日', '2024-01-05'],
    ['2024年01月05日', '2024-01-05'],
    ['2024 年 1 月 5 日', '2024-01-05'],
    ['2022年05月05日', '2022-05-05'],
    ['20240105', '2024-01-05'],
    ['２０２４－０１－０５', '2024-01-05'],
    ['2023-02-23 10:08:05', '2023-02-23'],
    ['2024-01-05T08:00', '2024-01-05'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
  ])('%s → %s', (input, expected) => {
    expect(parseDate(input)).toEqual({ ok: true, value: expected });
  });

  it('rejects impossible dates and says why', () => {
    expect(parseDate('2024-02-30')).toEqual({ ok: false, message: '日期「2024-02-30」不存在：2024 年 2 月只有 29 天' });
    expect(parseDate('2023/2/29', { label: '开票日期' })).toEqual({
      ok: false,
      message: '开票日期「2023/2/29」不存在：2023 年 2 月只有 28 天',
    });
    expect(parseDate('1900-02-29').ok).toBe(false);
    const month = parseDate('2024-13-01');
    expect(month.ok).toBe(false);
    if (!month.ok) expect(month.message).toContain('月份 13 不存在');
    const compact = parseDate('20240230');
    expect(compact.ok).toBe(false);
    if (!compact.ok) expect(compact.message).toContain('YYYYMMDD');
  });

  it.each([
    ['01/05/2024', '年份写在最后'],
    ['24-01-05', '4 位'],
    ['2024年1月', '精确到日'],
    ['2024-01', '精确到日'],
    ['2024-01/05', '不是可识别的日期'],
    ['明天', '不是可识别的日期'],
    ['45296', '不是可识别的日期'],
  ])('rejects %s (%s)', (input, fragment) => {
    const r = parseDate(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(fragment);
  });

  it('says when the cell is empty', () => {
    expect(parseDate('')).toEqual({ ok: false, message: '日期为空，应填写日期，如 2024-01-05' });
    expect(parseDate(null).ok).toBe(false);
  });
});

describe('parseDate: Excel values', () => {
  it('reads the exceljs Date (typed calendar date at UTC midnight) in any time zone', () => {
    expect(parseDate(new Date(Date.UTC(2024, 0, 5)))).toEqual({ ok: true, value: '2024-01-05' });
    expect(parseDate(new Date(Date.UTC(2024, 0, 5, 23, 59, 59)))).toEqual({ ok: true, value: '2024-01-05' });
    expect(parseDate(new Date(Number.NaN)).ok).toBe(false);
  });

  it('reads serial numbers of the 1900 system, including its fake 1900-02-29', () => {
    expect(parseDate(45296)).toEqual({ ok: true, value: '2024-01-05' });
    expect(parseDate(45296.75)).toEqual({ ok: true, value: '2024-01-05' });
    expect(excelSerialToIsoDate(1)).toEqual({ ok: true, value: '1900-01-01' });
    expect(excelSerialToIsoDate(59)).toEqual({ ok: true, value: '1900-02-28' });
    expect(excelSerialToIsoDate(60).ok).toBe(false);
    expect(excelSerialToIsoDate(61)).toEqual({ ok: true, value: '1900-03-01' });
    expect(excelSerialToIsoDate(2958465)).toEqual({ ok: true, value: '9999-12-31' });
    expect(excelSerialToIsoDate(0).ok).toBe(false);
    expect(excelSerialToIsoDate(-1).ok).toBe(false);
  });

  it('reads the 1904 system when asked', () => {
    expect(parseDate(43834, { date1904: true })).toEqual({ ok: true, value: '2024-01-05' });
  });

  it('reads 20240105 typed into a number cell', () => {
    expect(parseDate(20240105)).toEqual({ ok: true, value: '2024-01-05' });
    expect(parseDate(20240230).ok).toBe(false);
  });
});

describe('helpers', () => {
  it('knows month lengths and leap years', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2024, 4)).toBe(30);
    expect(daysInMonth(2024, 12)).toBe(31);
  });

  it('validates ISO dates and ranges', () => {
    expect(isIsoDate('2024-01-05')).toBe(true);
    expect(isIsoDate('2024-1-5')).toBe(false);
    expect(isIsoDate('2024-02-30')).toBe(false);
    expect(isDateWithin('2024-01-01', '2024-01-01', '2026-12-31')).toBe(true);
    expect(isDateWithin('2023-12-31', '2024-01-01', '2026-12-31')).toBe(false);
    expect(isDateWithin('2027-01-01', '2024-01-01', '2026-12-31')).toBe(false);
    expect(isoDateFromParts(2024, 1, 5)).toEqual({ ok: true, value: '2024-01-05' });
    expect(isoDateFromParts(1899, 12, 31).ok).toBe(false);
  });
});

describe('properties', () => {
  const date = fc.date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true });
  const iso = (d: Date): string => d.toISOString().slice(0, 10);

  it('every written form of a date reads back to the same ISO date', () => {
    fc.assert(
      fc.property(date, (d) => {
        const y = d.getUTCFullYear();
        const m = d.getUTCMonth() + 1;
        const day = d.getUTCDate();
        const expected = iso(d);
        for (const text of [
          expected,
          `${y}/${m}/${day}`,
          `${y}.${String(m).padStart(2, '0')}.${String(day).padStart(2, '0')}`,
          `${y}年${m}月${day}日`,
          expected.replaceAll('-', ''),
        ]) {
          expect(parseDate(text), text).toEqual({ ok: true, value: expected });
        }
        expect(parseDate(d)).toEqual({ ok: true, value: expected });
      }),
    );
  });

  it('Excel serials agree with a day count from 1899-12-30 after 1900-02-28', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (serial) => {
        const expected = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
        expect(excelSerialToIsoDate(serial)).toEqual({ ok: true, value: expected });
      }),
    );
  });
});
