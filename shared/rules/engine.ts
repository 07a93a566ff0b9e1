import { INSTALMENT_STAGE_LABEL } from '../codes/labels';
import type { Dec } from '../domain/decimal';
import { CaseInputError, FactReader, readMoney } from './case-facts';
import { describeActualValues, describeCondition, evaluateCondition } from './conditions';
import { evaluateFormula } from './formulas';
import { constant, formatFen, formatGrouped, percentOf, roundFen, ZERO } from './money';
import { STAGES, type Stage } from './rule-set-primitives';
import type { AwardRule, RuleSet } from './rule-set-schema';
import { buildSchedule, computeDisbursement, type BonusPayment, type Disbursement, type ScheduleEntry } from './schedule';
import { TraceBuilder, type Finding, type TraceStep } from './trace';

/** One allocation requirement applied to the award, e.g. 不低于70%用于企业数字化改造. */
export interface AllocationResult {
  readonly id: string;
  readonly label: string;
  /** At least this much, yuan (round half-up). */
  readonly minimum: string | null;
  /** At most this much, yuan (round half-up). */
  readonly maximum: string | null;
  readonly source: string;
}

export interface AwardResult {
  readonly policy: string;
  readonly ruleSetVersion: string;
  /** The case's own id, echoed when given. */
  readonly id?: string;
  /**
   * Yuan, two decimals: the award, or the ceiling where the text gives one
   * (see `ceiling`). Includes one-off bonuses. 0.00 when nothing is due, and
   * when the policy defines no formula (see `hasFormula`).
   */
  readonly award: string;
  /** False for policies without an award formula (thresholds and findings only). */
  readonly hasFormula: boolean;
  /** True when `award` is a ceiling ("不高于", "不超过", "最高"), not an entitlement. */
  readonly ceiling: boolean;
  /** Fund-source id, e.g. "central", "local"; null when nothing is funded. */
  readonly fundSource: string | null;
  readonly fundSourceLabel: string | null;
  /** Planned instalments; they sum to `award`. Empty when the policy sets no schedule. */
  readonly schedule: readonly ScheduleEntry[];
  /** Position at the case's stage; null when the case names no stage or the policy sets no schedule. */
  readonly disbursement: Disbursement | null;
  readonly allocations: readonly AllocationResult[];
  readonly findings: readonly Finding[];
  /** Steps whose amounts sum to `award` (see trace.ts). */
  readonly trace: readonly TraceStep[];
}

/** The fields of one case, as read from JSON; validated against the rule set's declared facts. */
export type CaseFacts = Readonly<Record<string, unknown>>;

const STAGE_CHOICES = STAGES.map((stage) => `"${stage}"（${INSTALMENT_STAGE_LABEL[stage]}）`).join('、');

function readStage(input: CaseFacts): Stage | undefined {
  const value = input.stage;
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && (STAGES as readonly string[]).includes(value)) return value as Stage;
  throw new CaseInputError('INVALID_FIELD', `「评审阶段」（stage）应为 ${STAGE_CHOICES} 之一，实际为「${String(value)}」`, 'stage');
}

function readAccepted(input: CaseFacts): boolean | undefined {
  const value = input.accepted;
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  throw new CaseInputError('INVALID_FIELD', `「是否通过评审/验收」（accepted）应为 true 或 false，实际为「${String(value)}」`, 'accepted');
}

function readPaidSoFar(input: CaseFacts): Dec | undefined {
  const value = input.paidSoFar;
  if (value === undefined || value === null) return undefined;
  return readMoney(value, '「此前已拨付金额」（paidSoFar）', 'paidSoFar');
}

function readCaseId(input: CaseFacts): string | undefined {
  const value = input.id;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * Computes the award of one case under one validated rule set. Pure and
 * synchronous; throws CaseInputError (code, Chinese message naming the field)
 * when a field is malformed, or missing where the rule set needs it.
 */
export function computeAward(ruleSet: RuleSet, input: CaseFacts): AwardResult {
  const facts = new FactReader(ruleSet.facts, input);
  const stage = readStage(input);
  const accepted = readAccepted(input);
  const paidSoFar = readPaidSoFar(input);
  const caseId = readCaseId(input);
  // investment is a field of every case in the CLI contract: a malformed one is
  // an error even under a policy that does not use it (e.g. Jiangxi's fixed awards).
  if (!Object.hasOwn(ruleSet.facts, 'investment') && input.investment !== undefined && input.investment !== null) {
    readMoney(input.investment, '「投资额」（investment）', 'investment');
  }

  const trace = new TraceBuilder();
  const findings: Finding[] = [];
  const finish = (parts: {
    hasFormula: boolean;
    ceiling: boolean;
    fundSource: { id: string; label: string } | null;
    schedule: readonly ScheduleEntry[];
    disbursement: Disbursement | null;
    allocations: readonly AllocationResult[];
  }): AwardResult => ({
    policy: ruleSet.id,
    ruleSetVersion: ruleSet.version,
    ...(caseId === undefined ? {} : { id: caseId }),
    award: formatFen(trace.total()),
    hasFormula: parts.hasFormula,
    ceiling: parts.ceiling,
    fundSource: parts.fundSource?.id ?? null,
    fundSourceLabel: parts.fundSource?.label ?? null,
    schedule: parts.schedule,
    disbursement: parts.disbursement,
    allocations: parts.allocations,
    findings,
    trace: trace.steps,
  });

  if (ruleSet.award.kind === 'none') {
    trace.add({ rule: 'no-formula', text: ruleSet.award.description, source: ruleSet.award.source });
    findings.push({ code: 'NO_AWARD_FORMULA', message: ruleSet.award.description, source: ruleSet.award.source });
    addNotices(ruleSet, facts, findings);
    return finish({
      hasFormula: false,
      ceiling: false,
      fundSource: null,
      schedule: [],
      disbursement: null,
      allocations: [],
    });
  }

  // ---- eligibility: every condition is checked and reported, pass or fail.
  let eligible = true;
  for (const rule of ruleSet.eligibility) {
    const passed = evaluateCondition(rule.when, facts);
    const condition = describeCondition(rule.when, ruleSet.facts);
    const actual = describeActualValues(rule.when, facts);
    trace.add({
      rule: `eligibility:${rule.id}`,
      text: `资格条件${passed ? '满足' : '不满足'}：${condition}${actual ? `（本项目：${actual}）` : ''}`,
      source: rule.source,
    });
    if (!passed) {
      eligible = false;
      findings.push({ code: rule.failCode, message: rule.failMessage, source: rule.source });
    }
  }

  // ---- fund source: 就高不重复 means one source, never two.
  const fundSource = eligible ? chooseFundSource(ruleSet, facts, trace, findings) : null;
  const funded = eligible && (ruleSet.fundSource === undefined || fundSource !== null);

  // ---- the award rule: the first whose condition applies.
  let rule: AwardRule | undefined;
  let mainAward = ZERO;
  if (funded) {
    rule = ruleSet.award.rules.find((candidate) => candidate.when === undefined || evaluateCondition(candidate.when, facts));
    if (rule?.formula.kind === 'none') {
      // The text names these projects but sets no figure (一事一议, or no standard): no amount, the reason cited.
      const why = rule.when ? `（${describeCondition(rule.when, ruleSet.facts)}；本项目：${describeActualValues(rule.when, facts)}）` : '';
      trace.add({ rule: `award:${rule.id}`, text: `适用「${rule.label}」${why}：${rule.description}`, source: rule.source });
      findings.push({ code: 'NO_AWARD_STANDARD', message: `${rule.label}：${rule.description}`, source: rule.source });
      addNotices(ruleSet, facts, findings);
      return finish({ hasFormula: false, ceiling: false, fundSource, schedule: [], disbursement: null, allocations: [] });
    }
    if (rule) {
      const outcome = evaluateFormula(rule.formula, facts);
      const why = rule.when ? `（${describeCondition(rule.when, ruleSet.facts)}）` : '';
      const nature = rule.ceiling ? '；文件规定为上限（不高于），所得为最高可补助金额' : '';
      trace.add({
        rule: `award:${rule.id}`,
        band: outcome.band,
        text: `适用「${rule.label}」${why}：${outcome.text}${nature}`,
        formula: outcome.formula,
        amount: outcome.amount,
        source: outcome.source ?? rule.source,
      });
      findings.push(...outcome.findings);
      mainAward = outcome.amount;
    } else {
      trace.add({ rule: 'award', text: ruleSet.award.noMatchMessage, source: ruleSet.award.rules[0]?.source ?? '' });
      findings.push({ code: 'NO_MATCHING_RULE', message: ruleSet.award.noMatchMessage });
    }
  }

  // ---- one-off bonuses, each with its own condition.
  const bonusPayments: (BonusPayment & { id: string; label: string; requiresAcceptance: boolean; source: string })[] = [];
  if (funded && rule) {
    for (const bonus of ruleSet.bonuses) {
      const granted = evaluateCondition(bonus.when, facts);
      const amount = constant(bonus.amount);
      const condition = describeCondition(bonus.when, ruleSet.facts);
      const actual = describeActualValues(bonus.when, facts);
      trace.add({
        rule: `bonus:${bonus.id}`,
        text: granted
          ? `一次性奖励「${bonus.label}」：满足条件（${condition}），奖励 ${formatGrouped(amount)}，${INSTALMENT_STAGE_LABEL[bonus.payableAt]}后拨付`
          : `一次性奖励「${bonus.label}」：不满足条件（${condition}；本项目：${actual}），不予奖励`,
        formula: granted ? `+ ${formatGrouped(amount)}` : '',
        amount: granted ? amount : ZERO,
        source: bonus.source,
      });
      if (granted) {
        bonusPayments.push({
          id: bonus.id,
          label: bonus.label,
          amount,
          stage: bonus.payableAt,
          requiresAcceptance: bonus.requiresAcceptance,
          source: bonus.source,
        });
      }
    }
  }

  // ---- acceptance outcome.
  const schedule = ruleSet.schedule;
  const failedAcceptance = stage === 'acceptance' && accepted === false && funded && rule !== undefined;
  const refundAll = failedAcceptance && schedule?.kind === 'instalments' && schedule.refundOnFailedAcceptance;
  if (failedAcceptance) {
    if (refundAll && schedule?.kind === 'instalments') {
      const expected = trace.total();
      trace.add({
        rule: 'acceptance',
        text: `竣工验收未通过：不予奖补，预期奖补 ${formatGrouped(expected)} 全部取消，已拨付资金须全部退还`,
        formula: `− ${formatGrouped(expected)}`,
        amount: expected.negated(),
        source: schedule.refundSource,
      });
      findings.push({ code: 'ACCEPTANCE_FAILED_REFUND', message: schedule.refundDescription, source: schedule.refundSource });
    } else {
      for (const bonus of bonusPayments.filter((payment) => payment.requiresAcceptance)) {
        trace.add({
          rule: `bonus:${bonus.id}`,
          text: `竣工验收未通过：一次性奖励「${bonus.label}」以通过验收为条件，不予发放`,
          formula: `− ${formatGrouped(bonus.amount)}`,
          amount: bonus.amount.negated(),
          source: bonus.source,
        });
      }
      const note = schedule?.kind === 'instalments' ? schedule.refundDescription : '本政策未规定验收不通过时全额退还已拨资金；请按文件规定的考核评价结果处理';
      const source = schedule?.kind === 'instalments' ? schedule.refundSource : (schedule?.source ?? rule?.source);
      findings.push(source === undefined ? { code: 'ACCEPTANCE_FAILED', message: note } : { code: 'ACCEPTANCE_FAILED', message: note, source });
    }
  } else if (stage === 'acceptance' && accepted === undefined && funded && rule) {
    findings.push({ code: 'ACCEPTANCE_RESULT_MISSING', message: '未填写验收结论（accepted），按验收通过计算' });
  }
  const keptBonuses = failedAcceptance ? bonusPayments.filter((payment) => !payment.requiresAcceptance) : bonusPayments;

  addNotices(ruleSet, facts, findings);

  const award = trace.total();

  // ---- schedule and position at the case's stage.
  let entries: ScheduleEntry[] = [];
  let disbursement: Disbursement | null = null;
  if (schedule?.kind === 'instalments') {
    entries = buildSchedule({ schedule, mainAward, bonuses: keptBonuses, refundAll });
    if (stage !== undefined) {
      const outcome = computeDisbursement({
        entries,
        award,
        stage,
        passed: accepted,
        paidSoFar,
        refundOnFailedAcceptance: schedule.refundOnFailedAcceptance,
      });
      disbursement = outcome.disbursement;
      findings.push(...outcome.findings);
    }
  } else if (schedule?.kind === 'unspecified') {
    findings.push({ code: 'SCHEDULE_UNSPECIFIED', message: schedule.description, source: schedule.source });
  }

  return finish({
    hasFormula: true,
    ceiling: rule?.ceiling === true && funded,
    fundSource: funded && rule ? fundSource : null,
    schedule: entries,
    disbursement,
    allocations: funded && rule ? computeAllocations(ruleSet, facts, award) : [],
  });
}

function chooseFundSource(ruleSet: RuleSet, facts: FactReader, trace: TraceBuilder, findings: Finding[]): { id: string; label: string } | null {
  const spec = ruleSet.fundSource;
  if (!spec) return null;
  const applicable = spec.sources.filter((source) => source.when === undefined || evaluateCondition(source.when, facts));
  const chosen = applicable[0];
  if (!chosen) {
    trace.add({ rule: 'fund-source', text: `没有适用的资金来源：${spec.description}`, source: spec.source });
    findings.push({ code: 'NO_FUND_SOURCE', message: `没有适用的资金来源：${spec.description}`, source: spec.source });
    return null;
  }
  const why = chosen.when ? `（${describeCondition(chosen.when, ruleSet.facts)}；本项目：${describeActualValues(chosen.when, facts)}）` : '';
  const others = applicable.slice(1).map((source) => source.label);
  const notBoth = spec.rule === 'highest-not-both' && others.length > 0 ? `；${others.join('、')}同样适用，但同一项目按就高不重复原则只从一个来源支持，不叠加` : '';
  trace.add({
    rule: `fund-source:${chosen.id}`,
    text: `资金来源：${chosen.label}${why}${notBoth}`,
    source: chosen.source,
  });
  findings.push({
    code: 'FUND_SOURCE',
    message: `资金来源：${chosen.label}。${chosen.description}${notBoth ? notBoth.replace(/^；/u, '。') : ''}`,
    source: chosen.source,
  });
  return { id: chosen.id, label: chosen.label };
}

function addNotices(ruleSet: RuleSet, facts: FactReader, findings: Finding[]): void {
  for (const notice of ruleSet.notices) {
    if (notice.when === undefined || evaluateCondition(notice.when, facts)) {
      findings.push({ code: notice.code, message: notice.message, source: notice.source });
    }
  }
}

function computeAllocations(ruleSet: RuleSet, facts: FactReader, award: Dec): AllocationResult[] {
  const results: AllocationResult[] = [];
  for (const allocation of ruleSet.allocations) {
    if (allocation.when !== undefined && !evaluateCondition(allocation.when, facts)) continue;
    const amountAt = (percent: string | undefined): string | null => (percent === undefined ? null : formatFen(roundFen(percentOf(award, constant(percent)))));
    results.push({
      id: allocation.id,
      label: allocation.label,
      minimum: amountAt(allocation.minPercent),
      maximum: amountAt(allocation.maxPercent),
      source: allocation.source,
    });
  }
  return results;
}
