import { describe, expect, it } from 'vitest';
import { awardReasonText, decisiveAwardStep } from '@shared/rules/decisive-step';
import { award, RULE_SETS } from './helpers';

// The line under 奖补金额 names the step that decides the amount, never the bonus or fund-source
// note that happens to come last in the trace.
const reason = (policy: string, facts: Record<string, unknown>) => {
  const result = award(policy, facts);
  const step = decisiveAwardStep(result.trace);
  if (!step) throw new Error('no step');
  return { result, step, text: awardReasonText(step) };
};

describe('the step that decides the award', () => {
  it('below the threshold: the band that pays nothing, not the chain-leader bonus after it', () => {
    const { result, step, text } = reason('xiamen-2024', { investment: '67501546.66', chainLeader: false, supportingEnterprises: 0 });
    expect(result.trace.at(-1)?.rule).toBe('bonus:chain-leader');
    expect(step.rule).toBe('award:key-project');
    expect(text).toBe('核定投资额 67,501,546.66元位于「低于8000万元」区间：投资额8000万元（不含）以下的项目，不予奖补');
  });

  it('a cap that binds: the arithmetic and the cap', () => {
    const { step, text } = reason('xiamen-2024', { investment: '150000000.00', chainLeader: true, supportingEnterprises: 12 });
    expect(step.rule).toBe('award:key-project');
    expect(text).toBe(
      '核定投资额 150,000,000.00元（1.5亿元）位于「8000万元–2亿元（不含）」区间：150,000,000.00 × 8% = 12,000,000.00，超过上限 10,000,000.00，取 10,000,000.00',
    );
  });

  it('the rate applied when no cap binds', () => {
    const { text } = reason('xiamen-2024', { investment: '100000000.00' });
    expect(text).toContain('100,000,000.00 × 8% = 8,000,000.00，未超过上限 10,000,000.00');
  });

  it('a failed acceptance that takes everything back', () => {
    const { step, text } = reason('xiamen-2024', { investment: '150000000.00', stage: 'acceptance', accepted: false });
    expect(step.rule).toBe('acceptance');
    expect(text).toContain('竣工验收未通过：不予奖补');
  });

  it('a failed eligibility condition before the award rule', () => {
    const { result, step } = reason('xiamen-2024-cloud', { investment: '2000000.00', firstCloudUse: false, industryCode: 'C3989' });
    expect(result.award).toBe('0.00');
    expect(step.rule?.startsWith('eligibility:')).toBe(true);
    expect(step.text.startsWith('资格条件不满足')).toBe(true);
  });

  it('a policy without a formula names that', () => {
    const { step } = reason('huanggang-2021', { investment: '20000000.00' });
    expect(step.rule).toBe('no-formula');
  });

  it.each([...RULE_SETS.keys()])('%s: the deciding step is never a bonus, and a positive award comes from its award rule', (policy) => {
    // Every fact the rule set declares, set to a value of its type: enough for a result of every rule set.
    const facts: Record<string, unknown> = {};
    for (const [id, spec] of Object.entries(RULE_SETS.get(policy)?.facts ?? {})) {
      if (spec.type === 'money') facts[id] = '150000000.00';
      else if (spec.type === 'boolean') facts[id] = true;
      else if (spec.type === 'count') facts[id] = 12;
      else if (spec.type === 'number') facts[id] = '4.50';
      else if (spec.type === 'enum') facts[id] = spec.values[0]?.value;
      else facts[id] = 'C3484';
    }
    const { result, step } = reason(policy, facts);
    expect(step.rule.startsWith('bonus:')).toBe(false);
    if (result.award !== '0.00' && result.trace.some((s) => s.rule.startsWith('award'))) expect(step.rule.startsWith('award')).toBe(true);
  });
});
