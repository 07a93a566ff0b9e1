import { describe, expect, it } from 'vitest';
import { KNOWN_TAX_RATES, formatTaxRate, isKnownTaxRate, parseTaxRate, taxRateFactor, unknownTaxRateMessage, type TaxRate } from '@shared/domain/tax-rate';

const rate = (r: string): TaxRate => ({ kind: 'rate', rate: r });

describe('parseTaxRate', () => {
  it.each<[unknown, TaxRate]>([
    ['13%', rate('0.13')],
    ['0.13', rate('0.13')],
    ['13', rate('0.13')],
    [0.13, rate('0.13')],
    [13, rate('0.13')],
    [13 / 100, rate('0.13')],
    ['13.00%', rate('0.13')],
    ['１３％', rate('0.13')],
    [' 9 % ', rate('0.09')],
    ['6%', rate('0.06')],
    ['0.060000', rate('0.06')],
    ['5%', rate('0.05')],
    ['3%', rate('0.03')],
    ['1%', rate('0.01')],
    ['1', rate('0.01')],
    ['0%', rate('0')],
    ['0', rate('0')],
    [0, rate('0')],
    ['零税率', rate('0')],
    ['1.5%', rate('0.015')],
    ['0.5%', rate('0.005')],
    ['免税', { kind: 'exempt' }],
    ['免征', { kind: 'exempt' }],
    ['不征税', { kind: 'not-taxable' }],
  ])('%j', (input, expected) => {
    expect(parseTaxRate(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', '为空'],
    ['abc', '不是有效税率'],
    ['-3%', '不是有效税率'],
    [-0.03, '负数'],
    ['100%', '超过 100%'],
    [150, '超过 100%'],
    ['13%%', '不是有效税率'],
    [Number.NaN, '不是有效税率'],
  ])('rejects %j (%s)', (input, fragment) => {
    const r = parseTaxRate(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(fragment);
  });
});

describe('known rates', () => {
  it('accepts the DOMAIN.md set and 免税/不征税', () => {
    for (const r of KNOWN_TAX_RATES) expect(isKnownTaxRate(rate(r))).toBe(true);
    expect(isKnownTaxRate({ kind: 'exempt' })).toBe(true);
    expect(isKnownTaxRate({ kind: 'not-taxable' })).toBe(true);
    expect(unknownTaxRateMessage(rate('0.13'))).toBeUndefined();
  });

  it('flags other rates for the reviewer', () => {
    expect(isKnownTaxRate(rate('0.17'))).toBe(false);
    expect(unknownTaxRateMessage(rate('0.17'))).toContain('税率「17%」不是常见税率');
  });
});

describe('display and factor', () => {
  it('formats rates', () => {
    expect(formatTaxRate(rate('0.13'))).toBe('13%');
    expect(formatTaxRate(rate('0.015'))).toBe('1.5%');
    expect(formatTaxRate(rate('0'))).toBe('0%');
    expect(formatTaxRate({ kind: 'exempt' })).toBe('免税');
    expect(formatTaxRate({ kind: 'not-taxable' })).toBe('不征税');
  });

  it('uses 0 as the factor when no tax is charged', () => {
    expect(taxRateFactor(rate('0.09'))).toBe('0.09');
    expect(taxRateFactor({ kind: 'exempt' })).toBe('0');
  });
});
