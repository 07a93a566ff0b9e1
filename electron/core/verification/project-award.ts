import { evaluateCase, isCaseError, type Disbursement, type RuleSet, type ScheduleEntry } from '@shared/rules';
import { STAGE_LABEL } from '@shared/codes/labels';
import type { Stage } from '@shared/codes/codes';
import { fenToMoney } from '@shared/domain/fen';
import { formatYuan } from '@shared/domain/money';
import type { ProjectRecord } from '@shared/records/stored-records';

/** Which investment the award was computed from: the application's plan, or what the panel verified. */
export type AwardBasis = 'planned' | 'verified';

export interface ProjectAward {
  award: string | null;
  ceiling: boolean;
  message: string | null;
  /** `rule`: which rule of the rule set a step applies (the basis step has none), to find the one that decides the amount. */
  trace: { rule?: string; text: string; formula: string; amount: string; source: string }[];
  /** Planned instalments (they sum to the award); empty when the policy sets no schedule or the award cannot be computed. */
  schedule: readonly ScheduleEntry[];
  awardBasis: AwardBasis;
  /** The investment the award was computed from, yuan; null when the package lacks it. */
  basisInvestment: string | null;
  /** What is due, paid and to be refunded at the batch's stage; null when the policy sets no schedule. */
  disbursement: Disbursement | null;
}

/** Facts a confirmation of the panel answers (资格条件核查表 → e.g. strongDemonstration). */
export type ConfirmedFacts = Readonly<Record<string, boolean>>;

export interface AwardContext {
  /** Advances already paid on the project (立项 + 中期), yuan; settles the award at 竣工验收. */
  advancesPaid?: string | null;
  confirmedFacts?: ConfirmedFacts;
}

/** A project's facts from its 项目信息 (and any given), only those the rule set declares: the engine refuses unknown fields. */
export function projectFacts(ruleSet: RuleSet, project: ProjectRecord, given: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  const facts: Record<string, unknown> = { ...given };
  if (project.tier !== null) facts.tier = project.tier;
  if (project.chainLeader !== null) facts.chainLeader = project.chainLeader;
  if (project.supportingEnterprises !== null) facts.supportingEnterprises = project.supportingEnterprises;
  if (project.industryCode !== null) facts.industryCode = project.industryCode;
  if (project.regionKind !== null) facts.regionKind = project.regionKind;
  for (const key of Object.keys(facts)) if (!(key in ruleSet.facts)) delete facts[key];
  return facts;
}

/**
 * The investment an award is computed from at a stage (seed 000 §五(四)): at 立项 and 中期 the
 * advances are shares of the EXPECTED award (预期应获奖补资金总额), computed from the planned
 * investment in the application (项目信息 计划总投资 — the package holds no separate planned
 * eligible investment); at 竣工验收 the award comes from the verified investment. Policies that
 * classify projects by total investment (Huanggang, Qingdao) use the planned total at every stage.
 */
export function awardBasisOf(ruleSet: RuleSet, project: ProjectRecord, stage: string, verifiedInvestment: string): { basis: AwardBasis; investment: string | null } {
  const planned = project.plannedInvestment === null ? null : fenToMoney(project.plannedInvestment);
  if (ruleSet.investmentBasis === 'planned-total') return { basis: 'planned', investment: planned };
  if (stage === 'acceptance') return { basis: 'verified', investment: verifiedInvestment };
  return { basis: 'planned', investment: planned };
}

/**
 * The award of a project at the batch's stage, from its own facts (项目信息), the panel's
 * confirmations and the advances paid. A fact the policy needs but the package lacks is reported,
 * not guessed.
 */
export function computeProjectAward(ruleSet: RuleSet, project: ProjectRecord, stage: string, verifiedInvestment: string, context: AwardContext = {}): ProjectAward {
  const { basis, investment } = awardBasisOf(ruleSet, project, stage, verifiedInvestment);
  const failed = (message: string): ProjectAward => ({
    award: null,
    ceiling: false,
    message,
    trace: [],
    schedule: [],
    awardBasis: basis,
    basisInvestment: investment,
    disbursement: null,
  });
  if (investment === null) return failed('无法测算预期奖补：申报表「项目信息」未填写计划总投资（立项和中期阶段按计划投资测算预期奖补）');
  const facts: Record<string, unknown> = { policy: ruleSet.id, stage, ...projectFacts(ruleSet, project, { investment, ...context.confirmedFacts }) };
  if (context.advancesPaid !== undefined && context.advancesPaid !== null && stage !== 'application') facts.paidSoFar = context.advancesPaid;
  const outcome = evaluateCase(new Map([[ruleSet.id, ruleSet]]), facts);
  if (isCaseError(outcome)) return failed(`无法测算奖补：${outcome.error.message}`);
  const message = outcome.hasFormula ? null : (outcome.findings.find((f) => f.code === 'NO_AWARD_STANDARD')?.message ?? '本政策没有奖补计算公式');
  return {
    award: outcome.award,
    ceiling: outcome.ceiling,
    message,
    trace: [
      basisStep(ruleSet, stage, basis, investment),
      ...outcome.trace.map((t) => ({ rule: t.rule, text: t.text, formula: t.formula, amount: t.amount, source: t.source })),
    ],
    schedule: outcome.schedule,
    awardBasis: basis,
    basisInvestment: investment,
    disbursement: outcome.disbursement,
  };
}

/** The first line of the trace: which investment the figure rests on, and why. */
function basisStep(ruleSet: RuleSet, stage: string, basis: AwardBasis, investment: string) {
  const stageLabel = STAGE_LABEL[stage as Stage] ?? stage;
  const text =
    ruleSet.investmentBasis === 'planned-total'
      ? `本政策按项目总投资划分，按申报表计划总投资 ${formatYuan(investment)} 元计`
      : basis === 'planned'
        ? `${stageLabel}阶段：按申报表计划总投资 ${formatYuan(investment)} 元测算预期应获奖补资金总额，预拨资金按其比例拨付；竣工验收时按核定投资额重新计算`
        : `${stageLabel}阶段：按核定投资额 ${formatYuan(investment)} 元计算奖补金额，扣除已预拨资金后拨付剩余部分`;
  const source = ruleSet.schedule?.source ?? ruleSet.document.file;
  return { text, formula: '', amount: '0.00', source };
}
