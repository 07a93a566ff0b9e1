import { describe, expect, it } from 'vitest';
import { award, caseError, codes } from './helpers';

// 000_985b87a7ad46cc56.txt §四(一)–(七): the seven further Xiamen support policies.

describe('xiamen-2024-fixed-asset (§四(一)): up to 10% of yearly fixed-asset investment', () => {
  const fixedAsset = (facts: Record<string, unknown>) => award('xiamen-2024-fixed-asset', facts);

  it.each([
    // 50,000,000.00 × 10% = 5,000,000.00
    [{ investment: '50000000.00', projectTotalInvestment: '60000000.00' }, '5000000.00'],
    // 300,000,000.00 × 10% = 30,000,000.00, the cap
    [{ investment: '300000000.00', projectTotalInvestment: '300000000.00' }, '30000000.00'],
    // 400,000,000.00 × 10% = 40,000,000.00 > 30,000,000.00
    [{ investment: '400000000.00', projectTotalInvestment: '400000000.00' }, '30000000.00'],
    // doubling plan, total ≥ 5亿: cap 60,000,000.00; 700,000,000.00 × 10% = 70,000,000.00 → 60,000,000.00
    [{ investment: '700000000.00', projectTotalInvestment: '800000000.00', doublingPlan: true }, '60000000.00'],
    // doubling plan, 500,000,000.00 × 10% = 50,000,000.00 under the 60,000,000.00 cap
    [{ investment: '500000000.00', projectTotalInvestment: '500000000.00', doublingPlan: true }, '50000000.00'],
    // doubling plan but total 499,999,999.99 < 5亿: ordinary cap 30,000,000.00
    [{ investment: '400000000.00', projectTotalInvestment: '499999999.99', doublingPlan: true }, '30000000.00'],
    // cumulative cap: 30,000,000.00 − 25,000,000.00 already granted = 5,000,000.00 left; 10,000,000.00 → 5,000,000.00
    [{ investment: '100000000.00', projectTotalInvestment: '200000000.00', priorAwarded: '25000000.00' }, '5000000.00'],
    // equipment alone qualifies: total 8,000,000.00 but equipment 5,000,000.00; 6,000,000.00 × 10% = 600,000.00
    [{ investment: '6000000.00', projectTotalInvestment: '8000000.00', equipmentInvestment: '5000000.00' }, '600000.00'],
    // the total alone qualifies, equipment need not be given: 10,000,000.00 × 10% = 1,000,000.00
    [{ investment: '10000000.00', projectTotalInvestment: '10000000.00' }, '1000000.00'],
  ])('%j → %s', (facts, expected) => {
    const result = fixedAsset(facts);
    expect(result.award).toBe(expected);
    expect(result.ceiling).toBe(true);
    expect(result.fundSource).toBe('municipal');
  });

  it('refuses a project below both thresholds', () => {
    const result = fixedAsset({
      investment: '9000000.00',
      projectTotalInvestment: '9999999.99',
      equipmentInvestment: '4999999.99',
    });
    expect(result.award).toBe('0.00');
    expect(codes(result)).toContain('BELOW_PROJECT_SIZE');
    expect(result.fundSource).toBeNull();
  });

  it('asks for the equipment amount only when the total does not already qualify', () => {
    expect(caseError('xiamen-2024-fixed-asset', { investment: '1.00', projectTotalInvestment: '9000000.00' })).toMatchObject({
      code: 'MISSING_FIELD',
      field: 'equipmentInvestment',
    });
  });
});

describe('xiamen-2024-financing-interest (§四(二)): the borrower pays 2% a year, the rest is subsidised', () => {
  const interest = (facts: Record<string, unknown>) => award('xiamen-2024-financing-interest', facts);

  it.each([
    // 100,000,000.00 × (4.35% − 2%) × 3 = 7,050,000.00
    [{ investment: '100000000.00', loanRatePercent: '4.35', years: 3 }, '7050000.00'],
    // principal capped at 10亿, years at 5: 1,000,000,000.00 × 1.45% × 5 = 72,500,000.00
    [{ investment: '1200000000.00', loanRatePercent: '3.45', years: 6 }, '72500000.00'],
    // 12,345,678.90 × 1.1% × 2.5 = 339,506.16975 → 339,506.17
    [{ investment: '12345678.90', loanRatePercent: '3.1', years: '2.5' }, '339506.17'],
    // no interest above the 2% borne by the borrower
    [{ investment: '100000000.00', loanRatePercent: '2', years: 3 }, '0.00'],
    [{ investment: '100000000.00', loanRatePercent: '1.8', years: 3 }, '0.00'],
  ])('%j → %s', (facts, expected) => {
    expect(interest(facts).award).toBe(expected);
  });

  it('explains a rate that leaves nothing to subsidise', () => {
    expect(codes(interest({ investment: '100000000.00', loanRatePercent: '1.8', years: 3 }))).toContain('NO_INTEREST_ABOVE_COST');
  });

  it('names the missing rate', () => {
    const error = caseError('xiamen-2024-financing-interest', { investment: '100000000.00', years: 3 });
    expect(error).toMatchObject({ code: 'MISSING_FIELD', field: 'loanRatePercent' });
    expect(error.message).toContain('融资年利率');
  });
});

describe('xiamen-2024-demonstration (§四(三)): up to 1,000,000.00 for a national title', () => {
  it('gives the ceiling for a listed title and nothing without one', () => {
    const titled = award('xiamen-2024-demonstration', { nationalTitle: 'smart-factory' });
    expect(titled.award).toBe('1000000.00');
    expect(titled.ceiling).toBe(true);
    const none = award('xiamen-2024-demonstration', { nationalTitle: 'none' });
    expect(none.award).toBe('0.00');
    expect(codes(none)).toContain('NO_NATIONAL_TITLE');
  });
});

describe('xiamen-2024-cloud (§四(四)): 30% of cloud fees, at most 300,000.00 a year', () => {
  const cloud = (investment: string, extra: Record<string, unknown> = {}) =>
    award('xiamen-2024-cloud', { investment, firstCloudUse: true, industryCode: 'C3989', ...extra });

  it.each([
    ['500000.00', '150000.00'], // 500,000.00 × 30%
    ['1000000.00', '300000.00'], // exactly the cap
    ['1500000.00', '300000.00'], // 450,000.00 > 300,000.00
    ['33333.33', '10000.00'], // 9,999.999 → 10,000.00
  ])('fees %s → %s', (investment, expected) => {
    expect(cloud(investment).award).toBe(expected);
  });

  it('is only for a manufacturing enterprise using the cloud for the first time', () => {
    expect(codes(cloud('500000.00', { firstCloudUse: false }))).toContain('NOT_FIRST_CLOUD_USE');
    const both = cloud('500000.00', { firstCloudUse: false, industryCode: 'I6510' });
    expect(both.award).toBe('0.00');
    expect(codes(both)).toEqual(expect.arrayContaining(['NOT_MANUFACTURING', 'NOT_FIRST_CLOUD_USE']));
  });
});

describe('xiamen-2024-chain-leader (§四(五)): 50,000.00 per transformed enterprise, at most 1,000,000.00', () => {
  const chain = (supportingEnterprises: number, extra: Record<string, unknown> = {}) =>
    award('xiamen-2024-chain-leader', { chainLeader: true, supportingEnterprises, ...extra });

  it.each([
    [0, '0.00'],
    [12, '600000.00'], // 12 × 50,000.00
    [20, '1000000.00'], // exactly the cap
    [25, '1000000.00'], // 1,250,000.00 > 1,000,000.00
  ])('%i enterprises → %s', (count, expected) => {
    expect(chain(count).award).toBe(expected);
  });

  it('deducts earlier awards from the cumulative cap', () => {
    // 10 × 50,000.00 = 500,000.00; cap left 1,000,000.00 − 800,000.00 = 200,000.00
    expect(chain(10, { priorAwarded: '800000.00' }).award).toBe('200000.00');
  });

  it('is only for a selected chain leader', () => {
    const result = award('xiamen-2024-chain-leader', { chainLeader: false, supportingEnterprises: 12 });
    expect(result.award).toBe('0.00');
    expect(codes(result)).toContain('NOT_CHAIN_LEADER');
  });
});

describe('xiamen-2024-diagnosis (§四(六)): 60% of the fees, at most 60,000.00', () => {
  const diagnosis = (investment: string, extra: Record<string, unknown> = {}) => award('xiamen-2024-diagnosis', { investment, industryCode: 'C3484', ...extra });

  it.each([
    ['80000.00', '48000.00'], // 80,000.00 × 60%
    ['100000.00', '60000.00'], // exactly the cap
    ['150000.00', '60000.00'], // 90,000.00 > 60,000.00
  ])('fees %s → %s', (investment, expected) => {
    expect(diagnosis(investment).award).toBe(expected);
  });

  it('deducts earlier subsidies: 48,000.00 against 60,000.00 − 50,000.00 = 10,000.00 left', () => {
    expect(diagnosis('80000.00', { priorAwarded: '50000.00' }).award).toBe('10000.00');
  });
});

describe('xiamen-2024-platform (000 §四(七)): 5% of digital-service revenue for renowned platforms; 1000万 ceiling for national platforms', () => {
  const platform = (investment: string, extra: Record<string, unknown> = {}) => award('xiamen-2024-platform', { investment, ...extra });
  const renowned = { renownedPlatform: true };

  it.each([
    ['60000000.00', renowned, '3000000.00'], // 60,000,000.00 × 5%
    ['100000000.00', renowned, '5000000.00'], // exactly the cap
    ['150000000.00', renowned, '5000000.00'], // 7,500,000.00 > 5,000,000.00
    ['60000000.00', { ...renowned, priorAwarded: '4000000.00' }, '1000000.00'], // 3,000,000.00 > 5,000,000.00 − 4,000,000.00
  ])('§四(七) 5%% rule: revenue %s %j → %s', (investment, extra, expected) => {
    const result = platform(investment, extra);
    expect(result.award).toBe(expected);
    expect(result.ceiling).toBe(false);
  });

  it.each(['150000000.00', '300000000.00', '0.00'])(
    '§四(七) "最高补助1000万元": a national cross-industry platform (revenue %s) → 10,000,000.00 as a ceiling',
    (investment) => {
      const result = platform(investment, { nationalCrossIndustryPlatform: true });
      expect(result.award).toBe('10000000.00');
      expect(result.ceiling).toBe(true);
      expect(result.hasFormula).toBe(true);
      expect(result.trace.find((s) => s.rule === 'award:cross-industry')?.text).toContain('最高可补助金额');
    },
  );

  it('§四(七) needs a national platform no revenue figure', () => {
    expect(award('xiamen-2024-platform', { nationalCrossIndustryPlatform: true }).award).toBe('10000000.00');
  });

  it('§四(七) "国内外知名": without the panel confirming it the 5% rule does not apply', () => {
    const result = platform('60000000.00');
    expect(result.award).toBe('0.00');
    expect(codes(result)).toContain('NO_MATCHING_RULE');
    expect(result.findings.find((f) => f.code === 'NO_MATCHING_RULE')?.message).toContain('国内外知名');
  });
});
