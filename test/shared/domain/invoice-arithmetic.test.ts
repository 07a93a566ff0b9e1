import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInvoiceTax, checkLineSums, checkLineTax, checkTotal, expectedTax, splitTaxInclusive } from '@shared/domain/invoice-arithmetic';
import { addMoney } from '@shared/domain/money';
import type { TaxRate } from '@shared/domain/tax-rate';

const rate = (r: string): TaxRate => ({ kind: 'rate', rate: r });

function fenToString(fen: bigint): string {
  const abs = fen < 0n ? -fen : fen;
  const s = `${(abs / 100n).toString()}.${(abs % 100n).toString().padStart(2, '0')}`;
  return fen < 0n ? `-${s}` : s;
}

describe('official 数电 sample: 2.00 + 0.12 = 2.12 at 6%', () => {
  it('passes every check', () => {
    expect(checkTotal('2.00', '0.12', '2.12')).toMatchObject({ severity: 'ok', difference: '0.00' });
    expect(checkLineTax('2.00', rate('0.06'), '0.12').severity).toBe('ok');
    expect(checkInvoiceTax('2.00', rate('0.06'), '0.12').severity).toBe('ok');
    expect(checkLineSums([{ amount: '2.00', tax: '0.12' }], '2.00', '0.12').map((c) => c.severity)).toEqual(['ok', 'ok']);
  });
});

describe('checkTotal', () => {
  it('requires 价税合计 = 金额 + 税额 exactly and names the values', () => {
    const r = checkTotal('10000.00', '1300.00', '11300.01');
    expect(r).toMatchObject({ check: 'total', severity: 'error', expected: '11300.00', actual: '11300.01', difference: '0.01', tolerance: '0.00' });
    expect(r.message).toBe('价税合计 11,300.01 元 与 金额 10,000.00 元 + 税额 1,300.00 元 = 11,300.00 元 不符，相差 0.01 元，应完全相等');
  });

  it('works for red invoices', () => {
    expect(checkTotal('-2.00', '-0.12', '-2.12').severity).toBe('ok');
  });
});

describe('checkLineTax', () => {
  it('computes round half-up of amount × rate', () => {
    expect(expectedTax('100.05', rate('0.13'))).toBe('13.01');
    expect(expectedTax('0.50', rate('0.01'))).toBe('0.01');
    expect(expectedTax('-100.05', rate('0.13'))).toBe('-13.01');
    expect(expectedTax('100.00', { kind: 'exempt' })).toBe('0.00');
  });

  it('is ok when exact, a warning within ±0.06 and an error beyond', () => {
    expect(checkLineTax('100.00', rate('0.13'), '13.00').severity).toBe('ok');
    const warn = checkLineTax('100.00', rate('0.13'), '13.06');
    expect(warn).toMatchObject({ severity: 'warning', expected: '13.00', difference: '0.06', tolerance: '0.06' });
    expect(warn.message).toBe('税额 13.06 元 与 金额 100.00 元 × 税率 13% = 13.00 元 不符，相差 0.06 元，在开票舍入允许的 0.06 元误差内');
    expect(checkLineTax('100.00', rate('0.13'), '12.94').severity).toBe('warning');
    const error = checkLineTax('100.00', rate('0.13'), '13.07');
    expect(error.severity).toBe('error');
    expect(error.message).toContain('超出允许的 0.06 元误差');
  });

  it('requires zero tax on exempt and non-taxable lines', () => {
    expect(checkLineTax('100.00', { kind: 'exempt' }, '0.00')).toMatchObject({ severity: 'ok', message: '税率为免税，税额为 0' });
    const r = checkLineTax('100.00', { kind: 'not-taxable' }, '0.01');
    expect(r.severity).toBe('error');
    expect(r.message).toContain('税率为不征税，税额应为 0，实际为 0.01 元');
  });

  it('accepts a custom tolerance', () => {
    expect(checkLineTax('100.00', rate('0.13'), '13.06', '0.01').severity).toBe('error');
  });
});

describe('checkInvoiceTax', () => {
  it('tolerates up to 1.27 over an invoice as a warning', () => {
    expect(checkInvoiceTax('1000000.00', rate('0.13'), '130000.00').severity).toBe('ok');
    expect(checkInvoiceTax('1000000.00', rate('0.13'), '130001.27')).toMatchObject({
      check: 'invoice-tax',
      severity: 'warning',
      tolerance: '1.27',
    });
    expect(checkInvoiceTax('1000000.00', rate('0.13'), '129998.73').severity).toBe('warning');
    expect(checkInvoiceTax('1000000.00', rate('0.13'), '130001.28').severity).toBe('error');
  });

  it('sees that summed line taxes differ from total × rate by a few fen', () => {
    // Three lines of 0.33 at 13%: each line tax 0.04, sum 0.12; 0.99 × 13% = 0.13.
    const lines = [0, 1, 2].map(() => ({ amount: '0.33', tax: expectedTax('0.33', rate('0.13')) }));
    const [amounts, taxes] = checkLineSums(lines, '0.99', '0.12');
    expect(amounts.severity).toBe('ok');
    expect(taxes.severity).toBe('ok');
    expect(checkInvoiceTax('0.99', rate('0.13'), '0.12')).toMatchObject({ severity: 'warning', difference: '-0.01' });
  });
});

describe('checkLineSums', () => {
  it('requires exact sums and names both', () => {
    const [amounts, taxes] = checkLineSums(
      [
        { amount: '100.00', tax: '13.00' },
        { amount: '50.00', tax: '6.50' },
      ],
      '150.01',
      '19.50',
    );
    expect(amounts.severity).toBe('error');
    expect(amounts.message).toBe('合计金额 150.01 元 与 2 行金额之和 150.00 元 不符，相差 0.01 元，应完全相等');
    expect(taxes.severity).toBe('ok');
  });
});

describe('splitTaxInclusive', () => {
  it('splits a tax-inclusive total like issuing software', () => {
    expect(splitTaxInclusive('113.00', rate('0.13'))).toEqual({ amount: '100.00', tax: '13.00' });
    expect(splitTaxInclusive('100.00', rate('0.13'))).toEqual({ amount: '88.50', tax: '11.50' });
    expect(splitTaxInclusive('100.00', { kind: 'exempt' })).toEqual({ amount: '100.00', tax: '0.00' });
  });

  it('always adds back up to the total, and the tax is within a fen of amount × rate', () => {
    const rates = fc.constantFrom('0.13', '0.09', '0.06', '0.05', '0.03', '0.01', '0');
    fc.assert(
      fc.property(fc.bigInt({ min: -9_999_999_999_999n, max: 9_999_999_999_999n }), rates, (fen, r) => {
        const total = fenToString(fen);
        const { amount, tax } = splitTaxInclusive(total, rate(r));
        expect(addMoney(amount, tax)).toBe(total);
        expect(checkLineTax(amount, rate(r), tax, '0.01').severity).not.toBe('error');
      }),
    );
  });
});
