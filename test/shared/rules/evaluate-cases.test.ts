import { describe, expect, it } from 'vitest';
import { evaluateCases, isCaseError, type CaseOutcome, type RuleSet } from '@shared/rules';
import { RULE_SETS } from './helpers';

function errorOf(outcome: CaseOutcome | undefined) {
  if (!outcome || !isCaseError(outcome)) throw new Error('expected an error');
  return outcome.error;
}

function awardOf(outcome: CaseOutcome | undefined): string {
  if (!outcome || isCaseError(outcome)) throw new Error(`expected a result, got ${JSON.stringify(outcome)}`);
  return outcome.award;
}

describe('evaluateCases', () => {
  it('keeps the order and lets an invalid case not stop the others', () => {
    const results = evaluateCases(RULE_SETS, [
      { policy: 'xiamen-2024', investment: '80000000.00' },
      { policy: 'nowhere-2030', investment: '1.00' },
      { policy: 'xiamen-2024', investment: '-1.00' },
      { policy: 'shenyang-2025', investment: '66666666.67', tier: 'point', industryCode: 'C3484' },
      { policy: 'xiamen-2024', investment: '1,000,000.00' },
      { policy: 'jiangxi-2023', regionKind: 'county-1' },
      'not a case',
      { policy: 'xiamen-2024' },
      { policy: 'xiamen-2024', investment: 1.234 },
      { investment: '1.00' },
      { policy: 'huanggang-2021', investment: '5000000.00' },
    ]);
    expect(results).toHaveLength(11);
    expect(awardOf(results[0])).toBe('6400000.00');
    expect(errorOf(results[1])).toMatchObject({ code: 'UNKNOWN_POLICY', field: 'policy' });
    expect(errorOf(results[1]).message).toContain('「nowhere-2030」不是已知的规则集');
    expect(errorOf(results[2])).toMatchObject({ code: 'INVALID_FIELD', field: 'investment' });
    expect(errorOf(results[2]).message).toBe('第 3 条案例：「核定投资额」（investment）不能为负数，实际为「-1.00」');
    expect(awardOf(results[3])).toBe('10000000.00');
    expect(errorOf(results[4]).message).toContain('「核定投资额」（investment）应为不小于 0 的金额字符串');
    expect(awardOf(results[5])).toBe('10000000.00');
    expect(errorOf(results[6])).toMatchObject({ code: 'INVALID_CASE' });
    expect(errorOf(results[7])).toMatchObject({ code: 'MISSING_FIELD', field: 'investment' });
    expect(errorOf(results[7]).message).toBe('第 8 条案例：缺少「核定投资额」（investment）：本政策计算时需要该字段');
    expect(errorOf(results[8])).toMatchObject({ code: 'INVALID_FIELD', field: 'investment' });
    expect(errorOf(results[9])).toMatchObject({ code: 'MISSING_FIELD', field: 'policy' });
    expect(awardOf(results[10])).toBe('0.00');
  });

  it('returns exactly { error: { code, message, field } } for an invalid case', () => {
    const [outcome] = evaluateCases(RULE_SETS, [{ policy: 'xiamen-2024', investment: 'abc' }]);
    expect(Object.keys(outcome ?? {})).toEqual(['error']);
  });

  it('rejects malformed stage, verdict and booleans with the field named', () => {
    const results = evaluateCases(RULE_SETS, [
      { policy: 'xiamen-2024', investment: '1.00', stage: 'final' },
      { policy: 'xiamen-2024', investment: '1.00', stage: 'acceptance', accepted: 'yes' },
      { policy: 'xiamen-2024', investment: '1.00', chainLeader: '是' },
      { policy: 'xiamen-2024', investment: '1.00', chainLeader: true, supportingEnterprises: 9.5 },
      { policy: 'xiamen-2024', investment: '1.00', paidSoFar: '-3' },
    ]);
    expect(results.map((outcome) => errorOf(outcome).field)).toEqual(['stage', 'accepted', 'chainLeader', 'supportingEnterprises', 'paidSoFar']);
    expect(errorOf(results[0]).message).toContain('"acceptance"（竣工验收）');
  });

  it('does not find a policy on the object prototype', () => {
    const record: Record<string, RuleSet> = Object.fromEntries(RULE_SETS);
    const results = evaluateCases(record, [
      { policy: 'constructor', investment: '1.00' },
      { policy: '__proto__', investment: '1.00' },
      { policy: 'toString', investment: '1.00' },
      { policy: 'xiamen-2024', investment: '80000000.00' },
    ]);
    expect(results.slice(0, 3).map((outcome) => errorOf(outcome).code)).toEqual(['UNKNOWN_POLICY', 'UNKNOWN_POLICY', 'UNKNOWN_POLICY']);
    expect(awardOf(results[3])).toBe('6400000.00');
  });

  it('echoes the case id', () => {
    const [outcome] = evaluateCases(RULE_SETS, [{ policy: 'xiamen-2024', id: 'XM2024-001', investment: '80000000.00' }]);
    expect(outcome && !isCaseError(outcome) ? outcome.id : undefined).toBe('XM2024-001');
  });

  // Its speed is measured by `npm run bench` (test/bench/award.bench.ts), not asserted here.
  it('evaluates 10,000 mixed cases in order, each with its own result', () => {
    const templates: Record<string, unknown>[] = [
      { policy: 'xiamen-2024', chainLeader: true, supportingEnterprises: 12, stage: 'midterm' },
      { policy: 'shenyang-2025', tier: 'line', chainLeader: true, industryCode: 'C3484' },
      { policy: 'jiangxi-2023', regionKind: 'county-2', stage: 'application' },
      { policy: 'xiamen-2024-cloud', firstCloudUse: true, industryCode: 'C3989' },
      { policy: 'qingdao-2025' },
    ];
    const cases = Array.from({ length: 10_000 }, (_, i) => ({
      ...templates[i % templates.length],
      id: String(i),
      investment: `${String(50_000_000 + i * 123_457)}.${String(i % 100).padStart(2, '0')}`,
    }));
    const results: CaseOutcome[] = evaluateCases(RULE_SETS, cases);
    expect(results).toHaveLength(10_000);
    expect(results.filter((outcome) => isCaseError(outcome))).toEqual([]);
    expect(results.map((outcome) => (isCaseError(outcome) ? null : outcome.id))).toEqual(cases.map((c) => c.id));
  });
});
