import { describe, expect, it } from 'vitest';
import { parseAmountInput } from '@shared/domain/amount-input';

describe('parseAmountInput: an amount as a reviewer types it', () => {
  it.each([
    ['150000000', '150000000.00'],
    ['150,000,000.00', '150000000.00'],
    ['1.5亿', '150000000.00'],
    ['1.5亿元', '150000000.00'],
    ['0.12345678亿', '12345678.00'],
    ['3000万', '30000000.00'],
    ['3000万元', '30000000.00'],
    ['1.5万元', '15000.00'],
    [' 8 000万 ', '80000000.00'],
    ['¥1234.5元', '1234.50'],
  ])('%s → %s', (typed, yuan) => {
    expect(parseAmountInput(typed, '投资额')).toEqual({ ok: true, value: yuan });
  });

  it.each(['1.5千万', 'abc', '-5', '0.00000000001亿'])('refuses %s in Chinese', (typed) => {
    const result = parseAmountInput(typed, '投资额');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('投资额');
  });
});
