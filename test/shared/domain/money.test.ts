import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  absMoney,
  addMoney,
  compareMoney,
  formatAmountForReader,
  formatWanYuan,
  formatYiYuan,
  formatYuan,
  isMoneyString,
  maxMoney,
  minMoney,
  moneyEquals,
  multiplyMoney,
  negateMoney,
  normalizeMoney,
  parseMoney,
  roundMoney,
  subtractMoney,
  sumMoney,
  unitMultiplier,
} from '@shared/domain/money';

/** Amount string for a whole number of fen, e.g. -5n → "-0.05". */
function fenToString(fen: bigint): string {
  const abs = fen < 0n ? -fen : fen;
  const s = `${(abs / 100n).toString()}.${(abs % 100n).toString().padStart(2, '0')}`;
  return fen < 0n ? `-${s}` : s;
}

describe('parseMoney: text', () => {
  it.each([
    ['1,234.50', '1234.50'],
    ['¥1234.5', '1234.50'],
    ['1234.50元', '1234.50'],
    ['￥1,234.5', '1234.50'],
    ['￥１，２３４．５', '1234.50'],
    ['RMB 1,234.56', '1234.56'],
    ['人民币1234元', '1234.00'],
    ['  12 ', '12.00'],
    ['0', '0.00'],
    ['.5', '0.50'],
    ['1234.500', '1234.50'],
    ['1,234,567.89', '1234567.89'],
    ['-12.00', '-12.00'],
    ['－12', '-12.00'],
    ['−12.5', '-12.50'],
    ['¥-12.00', '-12.00'],
    ['-¥12.00', '-12.00'],
    ['(12.00)', '-12.00'],
    ['（12.00）', '-12.00'],
    ['（¥1,234.50）', '-1234.50'],
    ['(12.00)元', '-12.00'],
    ['1.5万元', '15000.00'],
    ['1.5万', '15000.00'],
    ['0.000001万元', '0.01'],
  ])('%s → %s', (input, expected) => {
    expect(parseMoney(input)).toEqual({ ok: true, value: expected });
  });

  it('rejects a letter with the message the brief asks for', () => {
    expect(parseMoney('12,3a4.00')).toEqual({
      ok: false,
      message: '金额「12,3a4.00」不是有效金额，应为最多两位小数的数字，如 1234.50',
    });
  });

  it('uses the label in messages', () => {
    const r = parseMoney('abc', { label: '合同金额' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^合同金额「abc」/u);
  });

  it('rejects a third decimal instead of rounding', () => {
    const r = parseMoney('12.345');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('3 位小数');
  });

  it('rejects a decimal comma and misplaced separators rather than reading 123450', () => {
    for (const s of ['1234,50', '1,23.45', '12,34,567.00']) {
      const r = parseMoney(s);
      expect(r.ok, s).toBe(false);
      if (!r.ok) expect(r.message).toContain('千分位');
    }
  });

  it.each(['', '   ', '元', '¥', '.', '1.2.3', '1e5', '--12', '(-12)', '12-', 'abc', '十二元', '1 2 3 a'])('rejects %j', (input) => {
    expect(parseMoney(input).ok).toBe(false);
  });

  it('says when the cell is empty', () => {
    expect(parseMoney(null)).toEqual({ ok: false, message: '金额为空，应填写金额，如 1234.50' });
    expect(parseMoney(undefined).ok).toBe(false);
  });

  it('rejects values that are not numbers or text', () => {
    expect(parseMoney(true).ok).toBe(false);
    expect(parseMoney(new Date(0)).ok).toBe(false);
    expect(parseMoney({}).ok).toBe(false);
  });

  it('refuses negatives when asked to', () => {
    const r = parseMoney('-1.00', { allowNegative: false, label: '合同金额' });
    expect(r).toEqual({ ok: false, message: '合同金额「-1.00」为负数，此处应为不小于 0 的金额' });
    expect(parseMoney('0.00', { allowNegative: false })).toEqual({ ok: true, value: '0.00' });
    expect(parseMoney(-0, { allowNegative: false })).toEqual({ ok: true, value: '0.00' });
  });

  it('rejects amounts of 1000 万亿 and more', () => {
    expect(parseMoney('1,000,000,000,000,000.00').ok).toBe(false);
    expect(parseMoney('999,999,999,999,999.99')).toEqual({ ok: true, value: '999999999999999.99' });
  });
});

describe('parseMoney: numbers from Excel', () => {
  it.each([
    [1234.5, '1234.50'],
    [0, '0.00'],
    [-0, '0.00'],
    [-12, '-12.00'],
    [0.1 + 0.2, '0.30'],
    [1.1 * 3, '3.30'],
    [100 * 1.13, '113.00'],
    [1234.5000000000002, '1234.50'],
    [99999999999.99, '99999999999.99'],
    [12345678901234.56, '12345678901234.56'],
  ])('%d → %s', (input, expected) => {
    expect(parseMoney(input)).toEqual({ ok: true, value: expected });
  });

  it('reports a real third decimal (12.345) and a difference at the 14th digit (1234.5000000001)', () => {
    for (const n of [12.345, 1234.5000000001, 0.001]) {
      const r = parseMoney(n);
      expect(r.ok, String(n)).toBe(false);
      if (!r.ok) expect(r.message).toContain('位小数');
    }
  });

  it('rejects NaN and infinities', () => {
    for (const n of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(parseMoney(n).ok).toBe(false);
    }
  });

  it('accepts a bigint', () => {
    expect(parseMoney(12n)).toEqual({ ok: true, value: '12.00' });
  });
});

describe('parseMoney: 万元', () => {
  it('scales a 万元 column', () => {
    expect(parseMoney(1.5, { unit: 'wan' })).toEqual({ ok: true, value: '15000.00' });
    expect(parseMoney('1.234567', { unit: 'wan' })).toEqual({ ok: true, value: '12345.67' });
    expect(parseMoney(1.23456, { unit: 'wan' })).toEqual({ ok: true, value: '12345.60' });
  });

  it('lets a unit written in the value override the column unit', () => {
    expect(parseMoney('15000元', { unit: 'wan' })).toEqual({ ok: true, value: '15000.00' });
    expect(parseMoney('1.5万元', { unit: 'yuan' })).toEqual({ ok: true, value: '15000.00' });
  });

  it('reports fractions of a fen after scaling, with the yuan value', () => {
    const r = parseMoney('1.2345678', { unit: 'wan' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('折合 12345.678 元');
  });

  it('knows the multipliers', () => {
    expect(unitMultiplier('yuan')).toBe('1');
    expect(unitMultiplier('wan')).toBe('10000');
  });
});

describe('formatting', () => {
  it.each([
    ['12345678.9', '12,345,678.90'],
    ['0', '0.00'],
    ['999', '999.00'],
    ['1000', '1,000.00'],
    ['-1234567.5', '-1,234,567.50'],
    ['-0.00', '0.00'],
  ])('formatYuan(%s) = %s', (input, expected) => {
    expect(formatYuan(input)).toBe(expected);
  });

  it('formats 万元 and 亿元 with half-up rounding', () => {
    expect(formatWanYuan('12345678.90')).toBe('1,234.57万元');
    expect(formatWanYuan('50')).toBe('0.01万元');
    expect(formatWanYuan('49.99')).toBe('0.00万元');
    expect(formatWanYuan('12345678.90', 4)).toBe('1,234.5679万元');
    expect(formatYiYuan('1234567890')).toBe('12.35亿元');
    expect(formatYiYuan('-150000000')).toBe('-1.50亿元');
  });

  it('picks the unit a Chinese reader expects', () => {
    expect(formatAmountForReader('8500')).toBe('8,500.00元');
    expect(formatAmountForReader('10000')).toBe('1.00万元');
    expect(formatAmountForReader('1234567')).toBe('123.46万元');
    expect(formatAmountForReader('250000000')).toBe('2.50亿元');
    expect(formatAmountForReader('-250000000')).toBe('-2.50亿元');
  });

  it('throws on text that is not a decimal (a programming error)', () => {
    expect(() => formatYuan('1,234')).toThrow();
    expect(() => formatYuan('abc')).toThrow();
  });
});

describe('arithmetic on decimal strings', () => {
  it('adds without float error', () => {
    expect(addMoney('0.1', '0.2')).toBe('0.30');
    expect(subtractMoney('0.30', '0.10')).toBe('0.20');
    expect(sumMoney(Array.from({ length: 10 }, () => '0.10'))).toBe('1.00');
    expect(sumMoney([])).toBe('0.00');
    expect(sumMoney(['99999999999.99', '0.01'])).toBe('100000000000.00');
  });

  it('compares numerically, not as text', () => {
    expect(compareMoney('9.00', '10.00')).toBe(-1);
    expect(compareMoney('10', '10.00')).toBe(0);
    expect(compareMoney('-1', '-2')).toBe(1);
    expect(moneyEquals('1.5', '1.50')).toBe(true);
    expect(minMoney('3', '2.5')).toBe('2.50');
    expect(maxMoney('3', '2.5')).toBe('3.00');
  });

  it('rounds half-up, symmetric for negatives (red invoices)', () => {
    expect(roundMoney('0.125')).toBe('0.13');
    expect(roundMoney('0.124999')).toBe('0.12');
    expect(roundMoney('-0.125')).toBe('-0.13');
    expect(roundMoney('-0.001')).toBe('0.00');
    expect(multiplyMoney('100.05', '0.13')).toBe('13.01');
    expect(multiplyMoney('1000000', '0.08')).toBe('80000.00');
  });

  it('negates, takes absolute values and normalises', () => {
    expect(negateMoney('12.5')).toBe('-12.50');
    expect(negateMoney('0')).toBe('0.00');
    expect(absMoney('-3')).toBe('3.00');
    expect(normalizeMoney('7')).toBe('7.00');
  });

  it('refuses more than two decimals in money operands', () => {
    expect(() => addMoney('1.005', '1')).toThrow();
    expect(() => sumMoney(['1', 'x'])).toThrow();
  });

  it('recognises the canonical form', () => {
    expect(isMoneyString('1234.50')).toBe(true);
    expect(isMoneyString('-0.01')).toBe(true);
    expect(isMoneyString('1234.5')).toBe(false);
    expect(isMoneyString('-0.00')).toBe(false);
    expect(isMoneyString(1234.5)).toBe(false);
  });
});

describe('properties', () => {
  const fen = fc.bigInt({ min: -99_999_999_999_999n, max: 99_999_999_999_999n });

  it('formatYuan then parseMoney gives the amount back', () => {
    fc.assert(
      fc.property(fen, (f) => {
        const amount = fenToString(f);
        expect(parseMoney(formatYuan(amount))).toEqual({ ok: true, value: amount });
        expect(parseMoney(`¥${formatYuan(amount)}元`)).toEqual({ ok: true, value: amount });
      }),
    );
  });

  it('an amount typed into Excel as a number reads back exactly', () => {
    fc.assert(
      fc.property(fen, (f) => {
        const amount = fenToString(f);
        expect(parseMoney(Number(amount))).toEqual({ ok: true, value: amount });
      }),
    );
  });

  it('sumMoney agrees with integer arithmetic on fen', () => {
    fc.assert(
      fc.property(fc.array(fen, { maxLength: 50 }), (list) => {
        const total = list.reduce((a, b) => a + b, 0n);
        expect(sumMoney(list.map(fenToString))).toBe(fenToString(total));
      }),
    );
  });

  it('never throws on arbitrary text or numbers', () => {
    const chars = fc.constantFrom(...'0123456789,.-()¥￥元万 （），．'.split(''));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(chars, { maxLength: 20 }).map((a) => a.join('')),
          fc.double(),
        ),
        (input) => {
          const r = parseMoney(input);
          if (r.ok) expect(isMoneyString(r.value) || r.value === '0.00').toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('compareMoney agrees with integer comparison', () => {
    fc.assert(
      fc.property(fen, fen, (a, b) => {
        expect(compareMoney(fenToString(a), fenToString(b))).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
    );
  });
});
