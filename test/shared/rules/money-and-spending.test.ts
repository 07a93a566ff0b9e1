import { describe, expect, it } from 'vitest';
import { Dec } from '@shared/domain/decimal';
import { checkSpendingItem, unpaidTailAllowance } from '@shared/rules';
import { formatFen, formatGrouped, formatReadable, roundFen } from '@shared/rules/money';
import { ruleSet } from './helpers';

const d = (value: string) => new Dec(value);

describe('money formatting', () => {
  it('rounds half-up to the fen and never prints -0.00', () => {
    expect(formatFen(d('0.005'))).toBe('0.01');
    expect(formatFen(d('0.004'))).toBe('0.00');
    expect(formatFen(d('-0.001'))).toBe('0.00');
    expect(formatFen(d('-0.005'))).toBe('-0.01');
    expect(formatFen(d('12'))).toBe('12.00');
    expect(formatFen(d('12.5'))).toBe('12.50');
    expect(roundFen(d('25999999.9998')).toFixed(2)).toBe('26000000.00');
  });

  it('groups thousands', () => {
    expect(formatGrouped(d('150000000'))).toBe('150,000,000.00');
    expect(formatGrouped(d('999.5'))).toBe('999.50');
    expect(formatGrouped(d('1000'))).toBe('1,000.00');
    expect(formatGrouped(d('-16000000'))).toBe('-16,000,000.00');
  });

  it('uses 万元 and 亿元 only when exact', () => {
    expect(formatReadable(d('150000000'))).toBe('1.5亿元');
    expect(formatReadable(d('80000000'))).toBe('8000万元');
    expect(formatReadable(d('60000'))).toBe('6万元');
    expect(formatReadable(d('66666666.67'))).toBe('66,666,666.67元');
    expect(formatReadable(d('9999.99'))).toBe('9,999.99元');
  });
});

describe('spending rules (000_985b87a7ad46cc56.txt §五(一)(二))', () => {
  const spending = ruleSet('xiamen-2024').spending;
  if (!spending) throw new Error('xiamen-2024 declares its spending rules');

  it('accepts equipment invoiced inside the window', () => {
    expect(checkSpendingItem(spending, { category: '设备', invoiceDate: '2024-01-01' })).toEqual([]);
    expect(checkSpendingItem(spending, { category: '测试', invoiceDate: '2026-12-31' })).toEqual([]);
  });

  it('excludes buildings and land, and dates outside 2024-01-01..2026-12-31', () => {
    expect(checkSpendingItem(spending, { category: '土建' }).map((f) => f.code)).toEqual(['EXCLUDED_CATEGORY']);
    expect(checkSpendingItem(spending, { category: '土地' }).map((f) => f.code)).toEqual(['EXCLUDED_CATEGORY']);
    expect(checkSpendingItem(spending, { category: '设备', invoiceDate: '2023-12-31' }).map((f) => f.code)).toEqual(['INVOICE_DATE_OUTSIDE']);
    expect(checkSpendingItem(spending, { category: '设备', invoiceDate: '2027-01-01' }).map((f) => f.code)).toEqual(['INVOICE_DATE_OUTSIDE']);
    expect(checkSpendingItem(spending, { category: '其他' }).map((f) => f.code)).toEqual(['CATEGORY_NOT_LISTED']);
  });

  it('counts an unpaid tail up to 10% of the contract amount where the contract stipulates 10% (§五(二))', () => {
    // contract 1,130,000.00: 10% = 113,000.00; unpaid 100,000.00 counts in full
    expect(unpaidTailAllowance(spending, '1130000.00', '100000.00', '10%')).toMatchObject({ counted: '100000.00', excluded: '0.00' });
    // unpaid 200,000.00: 113,000.00 counts, 87,000.00 does not
    expect(unpaidTailAllowance(spending, '1130000.00', '200000.00', '10%')).toMatchObject({ counted: '113000.00', excluded: '87000.00' });
    // 10% of 333,333.35 = 33,333.335 → 33,333.34 (half-up)
    expect(unpaidTailAllowance(spending, '333333.35', '50000.00', '10%').counted).toBe('33333.34');
  });

  it('counts only the tail the contract stipulates, never above 10% (§五(二) 合同中有约定尾款部分的…最高不超过对应合同金额的10%)', () => {
    // 质保金 5% of 1,130,000.00 = 56,500.00 < policy 113,000.00; unpaid 200,000.00 → 56,500.00 counts, 143,500.00 not
    expect(unpaidTailAllowance(spending, '1130000.00', '200000.00', '5%')).toMatchObject({ counted: '56500.00', excluded: '143500.00', unstipulated: false });
    // 尾款 30% stipulated: the policy's 10% = 113,000.00 still caps it
    expect(unpaidTailAllowance(spending, '1130000.00', '200000.00', '30%')).toMatchObject({ counted: '113000.00', excluded: '87000.00' });
    // an amount: 尾款 80,000.00 → min(200,000.00, 80,000.00, 113,000.00) = 80,000.00
    const byAmount = unpaidTailAllowance(spending, '1130000.00', '200000.00', '80000.00');
    expect(byAmount).toMatchObject({ counted: '80000.00', excluded: '120000.00' });
    expect(byAmount.text).toContain('min(200,000.00，80,000.00，113,000.00) = 80,000.00元');
  });

  it("counts nothing unpaid while the contract's tail is not known, and says so (§五(二))", () => {
    for (const agreed of [undefined, '']) {
      const tail = unpaidTailAllowance(spending, '1130000.00', '100000.00', agreed);
      expect(tail).toMatchObject({ counted: '0.00', excluded: '100000.00', unstipulated: true });
      expect(tail.text).toContain('合同未载明约定尾款');
    }
  });

  it('counts no unpaid tail where the policy allows none', () => {
    const shenyang = ruleSet('shenyang-2025').spending;
    if (!shenyang) throw new Error('shenyang-2025 declares its spending rules');
    expect(unpaidTailAllowance(shenyang, '1000000.00', '50000.00')).toMatchObject({ counted: '0.00', excluded: '50000.00' });
  });
});
