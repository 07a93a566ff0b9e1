import { describe, expect, it } from 'vitest';
import { award, codes } from './helpers';

// Huanggang (002 §四(一)) and Qingdao (004 §二(三), §六(十四)) define thresholds, not awards.

describe('huanggang-2021: filing from 5 million, municipal library from 20 million', () => {
  it.each([
    ['4999999.99', ['COUNTY_PROJECT_LIBRARY']],
    ['5000000.00', ['FILING_REQUIRED', 'COUNTY_PROJECT_LIBRARY']],
    ['19999999.99', ['FILING_REQUIRED', 'COUNTY_PROJECT_LIBRARY']],
    ['20000000.00', ['FILING_REQUIRED', 'MUNICIPAL_PROJECT_LIBRARY']],
  ])('total investment %s → %j', (investment, expected) => {
    const result = award('huanggang-2021', { investment });
    expect(result.award).toBe('0.00');
    expect(result.hasFormula).toBe(false);
    expect(result.fundSource).toBeNull();
    expect(result.schedule).toEqual([]);
    const found = codes(result);
    expect(found).toContain('NO_AWARD_FORMULA');
    for (const code of expected) expect(found).toContain(code);
    for (const code of ['FILING_REQUIRED', 'COUNTY_PROJECT_LIBRARY', 'MUNICIPAL_PROJECT_LIBRARY']) {
      if (!expected.includes(code)) expect(found).not.toContain(code);
    }
  });

  it('uses the Chinese words reviewers expect', () => {
    const result = award('huanggang-2021', { investment: '20000000.00' });
    expect(result.findings.find((f) => f.code === 'FILING_REQUIRED')?.message).toContain('需备案');
    expect(result.findings.find((f) => f.code === 'MUNICIPAL_PROJECT_LIBRARY')?.message).toContain('入市级项目库');
    expect(result.findings.find((f) => f.code === 'NO_AWARD_FORMULA')?.message).toContain('未规定奖补计算公式');
  });
});

describe('qingdao-2025: key project library from 10 million', () => {
  it.each([
    ['9999999.99', false],
    ['10000000.00', true],
  ])('investment %s → in the library: %s', (investment, inLibrary) => {
    const result = award('qingdao-2025', { investment });
    expect(result.award).toBe('0.00');
    expect(result.hasFormula).toBe(false);
    expect(codes(result)).toContain('FILING_REQUIRED');
    expect(codes(result).includes('KEY_PROJECT_LIBRARY')).toBe(inLibrary);
  });
});
