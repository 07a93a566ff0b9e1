import { describe, expect, it } from 'vitest';
import { award, caseError, codes } from './helpers';

// 001_626c3b4bfbd45a84.txt 第六条(二): ceilings ("不高于") on technology-transformation investment
//   点:                    15%, at most 10,000,000.00
//   线/面, chain leader:   20%, at most 15,000,000.00
//   线/面, others:         20%, at most  5,000,000.00
// 第五条: central money only for C34, C35, C37, C38; 就高不重复 between central and local.
const shenyang = (investment: string, tier: string, industryCode: string, extra: Record<string, unknown> = {}) =>
  award('shenyang-2025', { investment, tier, industryCode, ...extra });

describe('shenyang-2025 ceilings per project kind', () => {
  it.each([
    // 点: 50,000,000.00 × 15% = 7,500,000.00
    ['50000000.00', 'point', false, '7500000.00'],
    // 66,666,666.66 × 15% = 9,999,999.999 → half-up at the fen → 10,000,000.00
    ['66666666.66', 'point', false, '10000000.00'],
    // 66,666,666.67 × 15% = 10,000,000.0005 → 10,000,000.00, the cap
    ['66666666.67', 'point', false, '10000000.00'],
    // 80,000,000.00 × 15% = 12,000,000.00 > 10,000,000.00
    ['80000000.00', 'point', false, '10000000.00'],
    // a chain leader makes no difference to a 点 project
    ['80000000.00', 'point', true, '10000000.00'],
    // 线, chain leader: 50,000,000.00 × 20% = 10,000,000.00
    ['50000000.00', 'line', true, '10000000.00'],
    // 75,000,000.00 × 20% = 15,000,000.00, the cap
    ['75000000.00', 'line', true, '15000000.00'],
    // 100,000,000.00 × 20% = 20,000,000.00 > 15,000,000.00
    ['100000000.00', 'line', true, '15000000.00'],
    // 线, others: 10,000,000.00 × 20% = 2,000,000.00
    ['10000000.00', 'line', false, '2000000.00'],
    // 25,000,000.00 × 20% = 5,000,000.00, the cap
    ['25000000.00', 'line', false, '5000000.00'],
    // 30,000,000.00 × 20% = 6,000,000.00 > 5,000,000.00
    ['30000000.00', 'line', false, '5000000.00'],
    // 面 follows the same scale as 线
    ['75000000.00', 'area', true, '15000000.00'],
    ['74999999.99', 'area', true, '15000000.00'], // 14,999,999.998 → 15,000,000.00
    ['74999999.90', 'area', true, '14999999.98'], // 14,999,999.98 exactly
    ['40000000.00', 'area', false, '5000000.00'],
    ['24999999.97', 'area', false, '4999999.99'], // 4,999,999.994 → 4,999,999.99
  ])('investment %s, %s, chain leader %s → ceiling %s', (investment, tier, chainLeader, expected) => {
    const result = shenyang(investment, tier, 'C3484', { chainLeader });
    expect(result.award).toBe(expected);
    expect(result.ceiling).toBe(true);
  });

  it('reads a missing chain-leader flag as "not a chain leader"', () => {
    expect(shenyang('30000000.00', 'line', 'C3484').award).toBe('5000000.00');
  });

  it('says in the trace that the figure is a ceiling', () => {
    const step = shenyang('66666666.67', 'point', 'C3484').trace.find((s) => s.rule === 'award:point');
    expect(step?.text).toContain('技术改造投资 66,666,666.67元 × 15% = 10,000,000.00');
    expect(step?.text).toContain('上限（不高于）');
    expect(step?.source).toBe('001_626c3b4bfbd45a84.txt 第六条(二)1');
  });
});

describe('shenyang-2025 fund source (第五条, 就高不重复)', () => {
  it.each([
    ['C3484', 'central'], // 通用设备
    ['C35', 'central'], // 专用设备
    ['C3731', 'central'], // 船舶
    ['C3811', 'central'], // 电机
    ['c3484', 'central'], // lower case is read as upper case
    ['C3610', 'local'], // 汽车制造业 is not among the four
    ['C39', 'local'],
    ['I6510', 'local'],
  ])('industry %s → %s', (industryCode, fundSource) => {
    expect(shenyang('30000000.00', 'line', industryCode, { strongDemonstration: true }).fundSource).toBe(fundSource);
  });

  it('funds a C34 project from one source only and says why', () => {
    const result = shenyang('30000000.00', 'line', 'C3484');
    const step = result.trace.find((s) => s.rule === 'fund-source:central');
    expect(step?.text).toContain('就高不重复');
    expect(step?.amount).toBe('0.00');
    // Same scale for both sources: the award is not doubled.
    expect(result.award).toBe('5000000.00');
  });

  it('第七条(三)2: a demonstrative C36 线 project follows the central scale from local money, as a ceiling', () => {
    const result = shenyang('30000000.00', 'line', 'C3610', { chainLeader: true, strongDemonstration: true });
    expect(result.award).toBe('6000000.00');
    expect(result.ceiling).toBe(true);
    expect(result.fundSourceLabel).toBe('地方配套资金');
  });

  it('has no schedule in the text and says so', () => {
    const result = shenyang('30000000.00', 'line', 'C3484', { stage: 'application' });
    expect(result.schedule).toEqual([]);
    expect(result.disbursement).toBeNull();
    expect(codes(result)).toContain('SCHEDULE_UNSPECIFIED');
  });

  it('does not refund everything on failed acceptance (no such rule in the text)', () => {
    const result = shenyang('30000000.00', 'line', 'C3484', { stage: 'acceptance', accepted: false });
    expect(result.award).toBe('5000000.00');
    expect(codes(result)).toContain('ACCEPTANCE_FAILED');
  });
});

describe('shenyang-2025 case errors', () => {
  it('requires the project kind and the industry code', () => {
    expect(caseError('shenyang-2025', { investment: '1.00', industryCode: 'C34' })).toMatchObject({
      code: 'MISSING_FIELD',
      field: 'tier',
    });
    expect(caseError('shenyang-2025', { investment: '1.00', tier: 'line' })).toMatchObject({
      code: 'MISSING_FIELD',
      field: 'industryCode',
    });
  });

  it('rejects an unknown project kind and a malformed industry code, in Chinese', () => {
    const tier = caseError('shenyang-2025', { investment: '1.00', tier: 'dot', industryCode: 'C34' });
    expect(tier.code).toBe('INVALID_FIELD');
    expect(tier.message).toContain('「项目类型」（tier）应为 "point"（“点”上项目）');
    const code = caseError('shenyang-2025', { investment: '1.00', tier: 'line', industryCode: '3484' });
    expect(code.code).toBe('INVALID_FIELD');
    expect(code.message).toContain('GB/T 4754');
  });
});

describe('shenyang-2025 eligibility outside the four pilot industries (第五条, 第七条(三))', () => {
  it.each(['point', 'line', 'area'])('第七条(三)1: software and information services (I6510), %s → 一事一议, no figure', (tier) => {
    const result = shenyang('30000000.00', tier, 'I6510', { chainLeader: true, strongDemonstration: true });
    expect(result.hasFormula).toBe(false);
    expect(result.award).toBe('0.00');
    expect(result.ceiling).toBe(false);
    expect(result.fundSource).toBe('local');
    const finding = result.findings.find((f) => f.code === 'NO_AWARD_STANDARD');
    expect(finding?.message).toContain('一事一议');
    expect(finding?.source).toBe('001_626c3b4bfbd45a84.txt 第七条(三)1');
  });

  it.each(['I6311', 'I64', 'I6420'])('第七条(三)1: industry %s (I63–I65) → 一事一议', (industryCode) => {
    expect(shenyang('30000000.00', 'line', industryCode).hasFormula).toBe(false);
  });

  it('第七条(三)1: a 重大制造业项目 outside the pilot industries → 一事一议; inside them the central scale stays', () => {
    expect(shenyang('30000000.00', 'line', 'C2911', { majorManufacturingProject: true, strongDemonstration: true }).hasFormula).toBe(false);
    // 第七条(三) is about 其它行业: a C34 project keeps the central 20% / 5,000,000.00 ceiling
    expect(shenyang('30000000.00', 'line', 'C3484', { majorManufacturingProject: true }).award).toBe('5000000.00');
  });

  it('第七条(二)、(三)2: a 点 project in C29 has no standard in the text', () => {
    const result = shenyang('30000000.00', 'point', 'C2911');
    expect(result.hasFormula).toBe(false);
    expect(result.award).toBe('0.00');
    expect(result.findings.find((f) => f.code === 'NO_AWARD_STANDARD')?.source).toBe('001_626c3b4bfbd45a84.txt 第七条(二)、(三)2');
  });

  it('第七条(三)2: a C29 线 project with strong demonstration → the central ceiling, 30,000,000.00 × 20% = 6,000,000.00 > 5,000,000.00', () => {
    const result = shenyang('30000000.00', 'line', 'C2911', { strongDemonstration: true });
    expect(result.hasFormula).toBe(true);
    expect(result.award).toBe('5000000.00');
    expect(result.ceiling).toBe(true);
    expect(result.fundSource).toBe('local');
    expect(result.trace.find((s) => s.rule === 'award:local-line-area-other')?.source).toBe('001_626c3b4bfbd45a84.txt 第七条(三)2、第六条(二)2、3');
  });

  it('第七条(三)2: a C29 面 project the panel has not confirmed as demonstrative → no figure', () => {
    const result = shenyang('30000000.00', 'area', 'C2911');
    expect(result.hasFormula).toBe(false);
    expect(result.findings.find((f) => f.code === 'NO_AWARD_STANDARD')?.message).toContain('示范作用强');
  });

  it('第五条 就高不重复: a pilot-industry project is funded from central money only, never from both', () => {
    const result = shenyang('30000000.00', 'line', 'C3484', { strongDemonstration: true });
    expect(result.fundSource).toBe('central');
    expect(result.trace.filter((s) => s.rule.startsWith('fund-source:'))).toHaveLength(1);
    expect(result.award).toBe('5000000.00');
  });
});
