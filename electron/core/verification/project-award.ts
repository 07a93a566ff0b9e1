import { evaluateCase, isCaseError, type RuleSet, type ScheduleEntry } from '@shared/rules';
import type { ProjectRecord } from '@shared/records/stored-records';

export interface ProjectAward {
  award: string | null;
  ceiling: boolean;
  message: string | null;
  trace: { text: string; formula: string; amount: string; source: string }[];
  /** Planned instalments (they sum to the award); empty when the policy sets no schedule or the award cannot be computed. */
  schedule: readonly ScheduleEntry[];
}

/**
 * The award a project would get on its verified investment, from its own facts (项目信息) and the
 * batch's stage. A fact the policy needs but the package lacks is reported, not guessed.
 */
export function computeProjectAward(ruleSet: RuleSet, project: ProjectRecord, stage: string, investment: string): ProjectAward {
  const facts: Record<string, unknown> = { policy: ruleSet.id, investment, stage };
  if (project.tier !== null) facts.tier = project.tier;
  if (project.chainLeader !== null) facts.chainLeader = project.chainLeader;
  if (project.supportingEnterprises !== null) facts.supportingEnterprises = project.supportingEnterprises;
  if (project.industryCode !== null) facts.industryCode = project.industryCode;
  if (project.regionKind !== null) facts.regionKind = project.regionKind;
  // Only facts the rule set declares may be passed (the engine refuses unknown fields).
  for (const key of Object.keys(facts)) {
    if (!['policy', 'stage'].includes(key) && !(key in ruleSet.facts)) delete facts[key];
  }
  const outcome = evaluateCase(new Map([[ruleSet.id, ruleSet]]), facts);
  if (isCaseError(outcome)) return { award: null, ceiling: false, message: `无法测算奖补：${outcome.error.message}`, trace: [], schedule: [] };
  return {
    award: outcome.award,
    ceiling: outcome.ceiling,
    message: outcome.hasFormula ? null : '本政策没有奖补计算公式',
    trace: outcome.trace.map((t) => ({ text: t.text, formula: t.formula, amount: t.amount, source: t.source })),
    schedule: outcome.schedule,
  };
}
