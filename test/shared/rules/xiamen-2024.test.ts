import { describe, expect, it } from 'vitest';
import { award, caseError, codes } from './helpers';

// 000_985b87a7ad46cc56.txt §五(三): bands on the verified investment I.
//   I < 8000万: 0
//   8000万 ≤ I < 2亿: min(8% × I, 1000万)
//   2亿 ≤ I < 5亿: min(1000万 + 4% × (I − 2亿), 1600万)   (base = the cap of the band below)
//   5亿 ≤ I < 10亿: min(1600万 + 2% × (I − 5亿), 1800万)
//   10亿 ≤ I < 30亿: 2000万;  I ≥ 30亿: 2500万
const xiamen = (investment: string, extra: Record<string, unknown> = {}) => award('xiamen-2024', { investment, ...extra });

describe('xiamen-2024 band edges', () => {
  it.each([
    // below the threshold: nothing
    ['0.00', '0.00', 'below-80m'],
    ['79999999.99', '0.00', 'below-80m'],
    // 80,000,000.00 × 8% = 6,400,000.00
    ['80000000.00', '6400000.00', '80m-200m'],
    // 100,000,000.00 × 8% = 8,000,000.00
    ['100000000.00', '8000000.00', '80m-200m'],
    // 124,999,999.99 × 8% = 9,999,999.9992 → 9,999,999.9992 rounds to 10,000,000.00 (half-up at the fen)
    ['124999999.99', '10000000.00', '80m-200m'],
    // 125,000,000.00 × 8% = 10,000,000.00, exactly the cap
    ['125000000.00', '10000000.00', '80m-200m'],
    // 150,000,000.00 × 8% = 12,000,000.00 > cap 10,000,000.00
    ['150000000.00', '10000000.00', '80m-200m'],
    // 199,999,999.99 × 8% = 15,999,999.9992 → 16,000,000.00 > cap → 10,000,000.00
    ['199999999.99', '10000000.00', '80m-200m'],
    // 10,000,000.00 + (200,000,000.00 − 200,000,000.00) × 4% = 10,000,000.00: continuous at 2亿
    ['200000000.00', '10000000.00', '200m-500m'],
    // 10,000,000.00 + 0.01 × 4% = 10,000,000.0004 → 10,000,000.00
    ['200000000.01', '10000000.00', '200m-500m'],
    // 10,000,000.00 + 75,000,000.00 × 4% = 13,000,000.00
    ['275000000.00', '13000000.00', '200m-500m'],
    // 10,000,000.00 + 150,000,000.00 × 4% = 16,000,000.00, exactly the cap
    ['350000000.00', '16000000.00', '200m-500m'],
    // 10,000,000.00 + 299,999,999.99 × 4% = 21,999,999.9996 → 22,000,000.00 > cap → 16,000,000.00
    ['499999999.99', '16000000.00', '200m-500m'],
    // 16,000,000.00 + 0 × 2% = 16,000,000.00: continuous at 5亿
    ['500000000.00', '16000000.00', '500m-1b'],
    // 16,000,000.00 + 50,000,000.00 × 2% = 17,000,000.00
    ['550000000.00', '17000000.00', '500m-1b'],
    // 16,000,000.00 + 100,000,000.00 × 2% = 18,000,000.00, exactly the cap
    ['600000000.00', '18000000.00', '500m-1b'],
    // 16,000,000.00 + 499,999,999.99 × 2% = 25,999,999.9998 → 26,000,000.00 > cap → 18,000,000.00
    ['999999999.99', '18000000.00', '500m-1b'],
    // fixed bands
    ['1000000000.00', '20000000.00', '1b-3b'],
    ['2999999999.99', '20000000.00', '1b-3b'],
    ['3000000000.00', '25000000.00', 'from-3b'],
    ['99999999999.99', '25000000.00', 'from-3b'],
  ])('investment %s → award %s (band %s)', (investment, expected, band) => {
    const result = xiamen(investment);
    expect(result.award).toBe(expected);
    expect(result.ceiling).toBe(false);
    expect(result.trace.find((step) => step.rule === 'award:key-project')?.band).toBe(band);
  });

  it('reports below the threshold as a finding with its source', () => {
    const result = xiamen('79999999.99');
    const finding = result.findings.find((f) => f.code === 'NO_AWARD_BAND');
    expect(finding?.message).toContain('不予奖补');
    expect(finding?.source).toBe('000_985b87a7ad46cc56.txt §五(三)1');
  });

  it('writes the trace a reviewer can read, cap included', () => {
    const step = xiamen('150000000.00').trace.find((s) => s.rule === 'award:key-project');
    expect(step?.text).toBe(
      '适用「新技改重点项目分区间奖补」：核定投资额 150,000,000.00元（1.5亿元）位于「8000万元–2亿元（不含）」区间：' +
        '150,000,000.00 × 8% = 12,000,000.00，超过上限 10,000,000.00，取 10,000,000.00',
    );
    expect(step?.formula).toBe('150,000,000.00 × 8% = 12,000,000.00；min(12,000,000.00, 10,000,000.00) = 10,000,000.00');
    expect(step?.amount).toBe('10000000.00');
    expect(step?.source).toBe('000_985b87a7ad46cc56.txt §五(三)2(1)');
  });

  it('shows the base of a progressive band in the trace', () => {
    const step = xiamen('275000000.00').trace.find((s) => s.rule === 'award:key-project');
    expect(step?.formula).toBe('10,000,000.00 + (275,000,000.00 − 200,000,000.00) × 4% = 13,000,000.00');
    expect(step?.text).toContain('基数取前一区间的上限 10,000,000.00');
    expect(step?.text).toContain('未超过上限 16,000,000.00');
  });

  it('names the fund source: central money handed down for the pilot', () => {
    const result = xiamen('150000000.00');
    expect(result.fundSource).toBe('central');
    expect(result.fundSourceLabel).toContain('中央财政资金');
  });

  it('accepts a JSON number for the investment', () => {
    expect(award('xiamen-2024', { investment: 150000000 }).award).toBe('10000000.00');
  });
});

describe('xiamen-2024 chain-leader bonus (§五(三)4)', () => {
  it('adds 2,000,000.00 with 10 supporting enterprises: 10,000,000.00 + 2,000,000.00 = 12,000,000.00', () => {
    const result = xiamen('150000000.00', { chainLeader: true, supportingEnterprises: 10 });
    expect(result.award).toBe('12000000.00');
    const bonus = result.trace.find((step) => step.rule === 'bonus:chain-leader');
    expect(bonus?.amount).toBe('2000000.00');
    expect(bonus?.source).toBe('000_985b87a7ad46cc56.txt §五(三)4');
  });

  it('gives nothing with 9 supporting enterprises ("10家以上" includes 10, not 9)', () => {
    const result = xiamen('150000000.00', { chainLeader: true, supportingEnterprises: 9 });
    expect(result.award).toBe('10000000.00');
    const bonus = result.trace.find((step) => step.rule === 'bonus:chain-leader');
    expect(bonus?.amount).toBe('0.00');
    expect(bonus?.text).toContain('同步实施技改的配套企业数量：9');
  });

  it('needs the chain-leader status: many supporting enterprises alone are not enough', () => {
    expect(xiamen('150000000.00', { chainLeader: false, supportingEnterprises: 30 }).award).toBe('10000000.00');
    expect(xiamen('150000000.00', { supportingEnterprises: 30 }).award).toBe('10000000.00');
  });

  it('is not given to a project below the 80 million threshold (reading written in the rule set)', () => {
    expect(xiamen('79999999.99', { chainLeader: true, supportingEnterprises: 12 }).award).toBe('0.00');
  });

  it('adds to a fixed band too: 20,000,000.00 + 2,000,000.00', () => {
    expect(xiamen('1500000000.00', { chainLeader: true, supportingEnterprises: 15 }).award).toBe('22000000.00');
  });

  it('asks for the number of supporting enterprises only when it decides something', () => {
    const error = caseError('xiamen-2024', { investment: '150000000.00', chainLeader: true });
    expect(error.code).toBe('MISSING_FIELD');
    expect(error.field).toBe('supportingEnterprises');
    expect(error.message).toContain('同步实施技改的配套企业数量');
    // Not a chain leader: the count is irrelevant and may be left out.
    expect(xiamen('150000000.00', { chainLeader: false }).award).toBe('10000000.00');
  });
});

describe('xiamen-2024 schedule (§五(四)): 30% at application, 20% after midterm, rest at acceptance', () => {
  it('splits 10,000,000.00 as 3,000,000.00 / 2,000,000.00 / 5,000,000.00', () => {
    const result = xiamen('150000000.00');
    expect(result.schedule.map((entry) => [entry.stage, entry.percent, entry.amount])).toEqual([
      ['application', '30', '3000000.00'],
      ['midterm', '20', '2000000.00'],
      ['acceptance', null, '5000000.00'],
    ]);
  });

  it('pays the chain-leader bonus at acceptance, outside the 30%/20% base', () => {
    // 30% and 20% of 10,000,000.00; acceptance = 5,000,000.00 + 2,000,000.00 bonus
    const result = xiamen('150000000.00', { chainLeader: true, supportingEnterprises: 10 });
    expect(result.schedule.map((entry) => [entry.amount, entry.bonus])).toEqual([
      ['3000000.00', '0.00'],
      ['2000000.00', '0.00'],
      ['7000000.00', '2000000.00'],
    ]);
  });

  it('rounds each instalment half-up to the fen and lets the last take the remainder', () => {
    // 81,234,567.89 × 8% = 6,498,765.4312 → 6,498,765.43
    // 30% = 1,949,629.629 → 1,949,629.63;  20% = 1,299,753.086 → 1,299,753.09
    // rest = 6,498,765.43 − 1,949,629.63 − 1,299,753.09 = 3,249,382.71
    const result = xiamen('81234567.89');
    expect(result.award).toBe('6498765.43');
    expect(result.schedule.map((entry) => entry.amount)).toEqual(['1949629.63', '1299753.09', '3249382.71']);
  });

  it('shows what is due, paid and remaining at each stage', () => {
    expect(xiamen('150000000.00', { stage: 'application' }).disbursement).toEqual({
      stage: 'application',
      dueAtStage: '3000000.00',
      paidBefore: '0.00',
      paidThroughStage: '3000000.00',
      remaining: '7000000.00',
      refund: '0.00',
      refundIfAcceptanceFails: '3000000.00',
    });
    expect(xiamen('150000000.00', { stage: 'midterm' }).disbursement).toEqual({
      stage: 'midterm',
      dueAtStage: '2000000.00',
      paidBefore: '3000000.00',
      paidThroughStage: '5000000.00',
      remaining: '5000000.00',
      refund: '0.00',
      refundIfAcceptanceFails: '5000000.00',
    });
    expect(xiamen('150000000.00', { stage: 'acceptance', accepted: true }).disbursement).toEqual({
      stage: 'acceptance',
      dueAtStage: '5000000.00',
      paidBefore: '5000000.00',
      paidThroughStage: '10000000.00',
      remaining: '0.00',
      refund: '0.00',
      refundIfAcceptanceFails: '0.00',
    });
  });

  it('on failed acceptance: award 0.00 and everything paid is refunded', () => {
    // Expected 16,000,000.00 (I = 3.5亿): paid 4,800,000.00 + 3,200,000.00 = 8,000,000.00, all refunded.
    const result = xiamen('350000000.00', { stage: 'acceptance', accepted: false });
    expect(result.award).toBe('0.00');
    expect(result.schedule.map((entry) => [entry.amount, entry.refund])).toEqual([
      ['4800000.00', false],
      ['3200000.00', false],
      ['-8000000.00', true],
    ]);
    expect(result.disbursement).toMatchObject({ dueAtStage: '0.00', paidBefore: '8000000.00', refund: '8000000.00', remaining: '0.00' });
    expect(codes(result)).toContain('ACCEPTANCE_FAILED_REFUND');
    // The trace takes the expected 16,000,000.00 back to 0.00.
    expect(result.trace.at(-1)).toMatchObject({ rule: 'acceptance', amount: '-16000000.00' });
  });

  it('on failed acceptance also forfeits the chain-leader bonus', () => {
    const result = xiamen('150000000.00', {
      chainLeader: true,
      supportingEnterprises: 10,
      stage: 'acceptance',
      accepted: false,
    });
    expect(result.award).toBe('0.00');
    expect(result.disbursement?.refund).toBe('5000000.00');
  });

  it('settles at acceptance against what was actually paid in advance', () => {
    // Advance paid on an expected 10,000,000.00: 5,000,000.00. Verified I = 1亿 → 8,000,000.00; due 3,000,000.00.
    const settled = xiamen('100000000.00', { stage: 'acceptance', accepted: true, paidSoFar: '5000000.00' });
    expect(settled.award).toBe('8000000.00');
    expect(settled.disbursement).toMatchObject({ dueAtStage: '3000000.00', paidBefore: '5000000.00', remaining: '0.00' });
    // Verified I = 6000万 → 0.00: the 5,000,000.00 advance is refunded.
    const overpaid = xiamen('60000000.00', { stage: 'acceptance', accepted: true, paidSoFar: '5000000.00' });
    expect(overpaid.award).toBe('0.00');
    expect(overpaid.disbursement).toMatchObject({ dueAtStage: '0.00', refund: '5000000.00' });
    expect(codes(overpaid)).toContain('OVERPAID_REFUND');
  });

  it('withholds the second instalment when the midterm evaluation is not passed', () => {
    const result = xiamen('150000000.00', { stage: 'midterm', accepted: false });
    expect(result.award).toBe('10000000.00');
    expect(result.disbursement).toMatchObject({ dueAtStage: '0.00', paidBefore: '3000000.00', remaining: '7000000.00' });
    expect(codes(result)).toContain('MIDTERM_NOT_PASSED');
  });

  it('notes a missing acceptance verdict and computes as passed', () => {
    const result = xiamen('150000000.00', { stage: 'acceptance' });
    expect(result.award).toBe('10000000.00');
    expect(codes(result)).toContain('ACCEPTANCE_RESULT_MISSING');
  });
});
