import { CaseInputError, FactReader } from './case-facts';
import { evaluateCondition } from './conditions';
import type { Stage } from './rule-set-primitives';
import type { ConditionCheck, RuleSet } from './rule-set-schema';

/**
 * The conditions of the 资格条件核查表 that concern a project at a stage. A check limited to some
 * projects (`when`) is listed when the project's facts say so, and also when they do not say —
 * a missing fact must not hide a condition from the panel.
 */
export function conditionChecksFor(ruleSet: RuleSet, stage: Stage, facts: Readonly<Record<string, unknown>>): ConditionCheck[] {
  const reader = new FactReader(ruleSet.facts, facts);
  return ruleSet.conditionChecks.filter((check) => {
    if (!check.stages.includes(stage)) return false;
    if (check.when === undefined) return true;
    try {
      return evaluateCondition(check.when, reader);
    } catch (error) {
      if (error instanceof CaseInputError) return true;
      throw error;
    }
  });
}
