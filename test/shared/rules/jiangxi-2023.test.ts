import { describe, expect, it } from 'vitest';
import { award, caseError, codes } from './helpers';

// 003_383338e8beeefe18.txt §四(一): fixed awards per pilot region ("不超过" → ceilings)
//   国家级开发区 10,000,000.00; 省级开发区 8,000,000.00; 一、二类县 10,000,000.00; 三类县 8,000,000.00
// paid 50% in the year of approval, the other 50% after the mid-term evaluation.
// §四(二): at least 70% (开发区, cluster pilot) / 80% (县, SME pilot) to enterprise transformation.
const jiangxi = (regionKind: string, extra: Record<string, unknown> = {}) => award('jiangxi-2023', { regionKind, ...extra });

describe('jiangxi-2023 fixed awards per region kind', () => {
  it.each([
    ['national-zone', '10000000.00', '5000000.00'],
    ['provincial-zone', '8000000.00', '4000000.00'],
    ['county-1', '10000000.00', '5000000.00'],
    ['county-2', '10000000.00', '5000000.00'],
    ['county-3', '8000000.00', '4000000.00'],
  ])('%s → %s, paid %s + the rest', (regionKind, expected, half) => {
    const result = jiangxi(regionKind);
    expect(result.award).toBe(expected);
    expect(result.ceiling).toBe(true);
    expect(result.fundSource).toBe('provincial');
    expect(result.schedule.map((entry) => [entry.stage, entry.amount])).toEqual([
      ['application', half],
      ['midterm', half],
    ]);
  });

  it('does not depend on the investment', () => {
    expect(jiangxi('county-3', { investment: '1.00' }).award).toBe('8000000.00');
    expect(jiangxi('county-3', { investment: '99999999999.00' }).award).toBe('8000000.00');
  });

  it('computes the allocation floors and ceilings', () => {
    // 国家级开发区: 70% × 10,000,000.00 = 7,000,000.00 at least; 30% = 3,000,000.00 at most
    expect(jiangxi('national-zone').allocations.map((a) => [a.id, a.minimum, a.maximum])).toEqual([
      ['cluster-enterprise', '7000000.00', null],
      ['cluster-other', null, '3000000.00'],
    ]);
    // 三类县: 80% × 8,000,000.00 = 6,400,000.00; 20% = 1,600,000.00
    expect(jiangxi('county-3').allocations.map((a) => [a.id, a.minimum, a.maximum])).toEqual([
      ['sme-enterprise', '6400000.00', null],
      ['sme-other', null, '1600000.00'],
    ]);
  });

  it('states the minimum number of transformed enterprises', () => {
    const county3 = jiangxi('county-3').findings.find((f) => f.code === 'MIN_TRANSFORMED_ENTERPRISES');
    expect(county3?.message).toContain('不少于30家');
    const county1 = jiangxi('county-1').findings.find((f) => f.code === 'MIN_TRANSFORMED_ENTERPRISES');
    expect(county1?.message).toContain('不少于40家');
  });
});

describe('jiangxi-2023 disbursement 50% / 50%', () => {
  it('pays half on approval and half after the mid-term evaluation', () => {
    expect(jiangxi('national-zone', { stage: 'application' }).disbursement).toMatchObject({
      dueAtStage: '5000000.00',
      paidBefore: '0.00',
      remaining: '5000000.00',
    });
    expect(jiangxi('national-zone', { stage: 'midterm' }).disbursement).toMatchObject({
      dueAtStage: '5000000.00',
      paidBefore: '5000000.00',
      remaining: '0.00',
    });
  });

  it('has nothing left to pay at acceptance', () => {
    expect(jiangxi('national-zone', { stage: 'acceptance', accepted: true }).disbursement).toMatchObject({
      dueAtStage: '0.00',
      paidBefore: '10000000.00',
      remaining: '0.00',
    });
  });

  it('withholds the second half when the mid-term evaluation fails', () => {
    const result = jiangxi('county-3', { stage: 'midterm', accepted: false });
    expect(result.disbursement).toMatchObject({ dueAtStage: '0.00', paidBefore: '4000000.00', remaining: '4000000.00' });
    expect(codes(result)).toContain('MIDTERM_NOT_PASSED');
  });

  it('does not demand a full refund on failed acceptance (the text does not)', () => {
    const result = jiangxi('county-3', { stage: 'acceptance', accepted: false });
    expect(result.award).toBe('8000000.00');
    expect(result.disbursement?.refund).toBe('0.00');
    const finding = result.findings.find((f) => f.code === 'ACCEPTANCE_FAILED');
    expect(finding?.source).toBe('003_383338e8beeefe18.txt §五(五)');
  });
});

describe('jiangxi-2023 case errors', () => {
  it('needs the region kind', () => {
    expect(caseError('jiangxi-2023', {})).toMatchObject({ code: 'MISSING_FIELD', field: 'regionKind' });
    const wrong = caseError('jiangxi-2023', { regionKind: 'county-4' });
    expect(wrong.code).toBe('INVALID_FIELD');
    expect(wrong.message).toContain('「试点地区类型」（regionKind）');
  });

  it('still rejects a malformed investment, although it is not used', () => {
    expect(caseError('jiangxi-2023', { regionKind: 'county-1', investment: '-5.00' })).toMatchObject({
      code: 'INVALID_FIELD',
      field: 'investment',
    });
  });
});
