import { expect } from 'vitest';
import { computeAward, isCaseError, sumTrace, evaluateCase, type AwardResult, type CaseErrorResult, type RuleSet } from '@shared/rules';
import { Dec } from '@shared/domain/decimal';
import { loadAllRuleSets } from './load-rule-sets';

export const RULE_SETS: ReadonlyMap<string, RuleSet> = loadAllRuleSets();

export function ruleSet(id: string): RuleSet {
  const found = RULE_SETS.get(id);
  if (!found) throw new Error(`no rule set ${id}`);
  return found;
}

/** Computes a case and checks the invariants every result must keep. */
export function award(policy: string, facts: Record<string, unknown>): AwardResult {
  const result = computeAward(ruleSet(policy), { policy, ...facts });
  expectConsistent(result);
  return result;
}

export function caseError(policy: string, facts: Record<string, unknown>): CaseErrorResult['error'] {
  const outcome = evaluateCase(RULE_SETS, { policy, ...facts });
  if (!isCaseError(outcome)) throw new Error(`expected an error, got award ${outcome.award}`);
  return outcome.error;
}

export function codes(result: AwardResult): string[] {
  return result.findings.map((finding) => finding.code);
}

/** The trace re-adds to the award; the schedule, when there is one, sums to it too. */
export function expectConsistent(result: AwardResult): void {
  expect(result.award).toMatch(/^-?\d+\.\d{2}$/u);
  expect(sumTrace(result.trace)).toBe(result.award);
  if (result.schedule.length > 0) {
    const total = result.schedule.reduce((sum, entry) => sum.plus(entry.amount), new Dec(0));
    expect(total.toFixed(2)).toBe(result.award);
  }
}
