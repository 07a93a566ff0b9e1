import { INSTALMENT_STAGE_LABEL } from '../codes/labels';
import type { Dec } from '../domain/decimal';
import { constant, dec, formatFen, formatGrouped, maxDec, percentOf, roundFen, ZERO } from './money';
import { STAGES, type Stage } from './rule-set-primitives';
import type { Schedule } from './rule-set-schema';
import type { Finding } from './trace';

/**
 * Disbursement by stage. Percentages apply to the award without bonuses (the
 * Xiamen 30%/20% are of 预期应获奖补资金总额; the chain-leader bonus is paid after
 * acceptance), each instalment is rounded half-up to the fen and the last one
 * takes what is left, so the schedule always sums to the award. When
 * acceptance fails and the policy demands a full refund, the acceptance entry
 * is the negative of everything paid before it: the award is then 0.00 and the
 * schedule still sums to it.
 */

export interface ScheduleEntry {
  readonly stage: Stage;
  /** 立项 / 中期评估 / 竣工验收 */
  readonly label: string;
  /** "30" for 30%; null for the remainder instalment or a stage holding only a bonus or a refund. */
  readonly percent: string | null;
  /** Yuan, two decimals; negative for a refund. */
  readonly amount: string;
  /** The part of `amount` that is a one-off bonus paid at this stage. */
  readonly bonus: string;
  readonly refund: boolean;
  readonly source: string;
}

export interface Disbursement {
  /** The stage of the case. */
  readonly stage: Stage;
  /** Payable at this stage. */
  readonly dueAtStage: string;
  /** Paid at earlier stages: the case's paidSoFar when given, else the planned instalments. */
  readonly paidBefore: string;
  /** paidBefore + dueAtStage. */
  readonly paidThroughStage: string;
  /** Still to be paid after this stage. */
  readonly remaining: string;
  /** To be refunded now (failed acceptance, or more paid in advance than the final award). */
  readonly refund: string;
  /** What would have to be refunded if acceptance later fails: everything paid through this stage. */
  readonly refundIfAcceptanceFails: string;
}

export interface BonusPayment {
  readonly amount: Dec;
  readonly stage: Stage;
}

export interface ScheduleInput {
  readonly schedule: Extract<Schedule, { kind: 'instalments' }>;
  /** The award without bonuses, as expected before any acceptance failure. */
  readonly mainAward: Dec;
  readonly bonuses: readonly BonusPayment[];
  /** Acceptance failed and the policy demands a full refund. */
  readonly refundAll: boolean;
}

interface Draft {
  stage: Stage;
  percent: string | null;
  amount: Dec;
  bonus: Dec;
  refund: boolean;
  source: string;
}

export function buildSchedule(input: ScheduleInput): ScheduleEntry[] {
  const { schedule, mainAward } = input;
  const drafts: Draft[] = [];
  let allotted = ZERO;
  schedule.instalments.forEach((instalment, i) => {
    const last = i === schedule.instalments.length - 1;
    let amount: Dec;
    if (last) {
      amount = mainAward.minus(allotted);
    } else {
      // Earlier instalments are checked to total at most 100%, so this never exceeds the award.
      amount = instalment.kind === 'percent' ? roundFen(percentOf(mainAward, constant(instalment.percent))) : ZERO;
    }
    allotted = allotted.plus(amount);
    drafts.push({
      stage: instalment.stage,
      percent: instalment.kind === 'percent' ? instalment.percent : null,
      amount,
      bonus: ZERO,
      refund: false,
      source: instalment.source,
    });
  });

  for (const bonus of input.bonuses) {
    const target = drafts.find((draft) => draft.stage === bonus.stage) ?? insertStage(drafts, bonus.stage, schedule.source);
    target.amount = target.amount.plus(bonus.amount);
    target.bonus = target.bonus.plus(bonus.amount);
  }

  if (input.refundAll) {
    const acceptance = drafts.find((draft) => draft.stage === 'acceptance') ?? insertStage(drafts, 'acceptance', schedule.refundSource);
    let paidBefore = ZERO;
    for (const draft of drafts) {
      if (stageOrder(draft.stage) < stageOrder('acceptance')) paidBefore = paidBefore.plus(draft.amount);
    }
    acceptance.amount = paidBefore.negated();
    acceptance.bonus = ZERO;
    acceptance.percent = null;
    acceptance.refund = true;
    acceptance.source = schedule.refundSource;
  }

  return drafts.map((draft) => ({
    stage: draft.stage,
    label: INSTALMENT_STAGE_LABEL[draft.stage],
    percent: draft.percent,
    amount: formatFen(draft.amount),
    bonus: formatFen(draft.bonus),
    refund: draft.refund,
    source: draft.source,
  }));
}

function insertStage(drafts: Draft[], stage: Stage, source: string): Draft {
  const draft: Draft = { stage, percent: null, amount: ZERO, bonus: ZERO, refund: false, source };
  const at = drafts.findIndex((existing) => stageOrder(existing.stage) > stageOrder(stage));
  if (at < 0) drafts.push(draft);
  else drafts.splice(at, 0, draft);
  return draft;
}

export function stageOrder(stage: Stage): number {
  return STAGES.indexOf(stage);
}

export interface DisbursementInput {
  readonly entries: readonly ScheduleEntry[];
  readonly award: Dec;
  readonly stage: Stage;
  /** accepted as given in the case: the outcome of the review at this stage. */
  readonly passed: boolean | undefined;
  readonly paidSoFar: Dec | undefined;
  readonly refundOnFailedAcceptance: boolean;
}

export interface DisbursementOutcome {
  readonly disbursement: Disbursement;
  readonly findings: readonly Finding[];
}

export function computeDisbursement(input: DisbursementInput): DisbursementOutcome {
  const { entries, award, stage } = input;
  const findings: Finding[] = [];
  const here = stageOrder(stage);
  const lastStage = entries.reduce((max, entry) => Math.max(max, stageOrder(entry.stage)), -1);

  let plannedBefore = ZERO;
  let plannedAtStage = ZERO;
  for (const entry of entries) {
    const order = stageOrder(entry.stage);
    if (order < here) plannedBefore = plannedBefore.plus(dec(entry.amount));
    else if (order === here && !entry.refund) plannedAtStage = plannedAtStage.plus(dec(entry.amount));
  }
  const paidBefore = input.paidSoFar ?? plannedBefore;

  let due: Dec;
  let refund = ZERO;
  const failedAcceptance = stage === 'acceptance' && input.passed === false;
  if (failedAcceptance && input.refundOnFailedAcceptance) {
    due = ZERO;
    refund = paidBefore;
  } else if (stage === 'midterm' && input.passed === false) {
    due = ZERO;
    findings.push({
      code: 'MIDTERM_NOT_PASSED',
      message: '中期评估未通过：本阶段不预拨资金，整改通过后再行拨付',
    });
  } else if (here >= lastStage) {
    // The final instalment settles against the award, which absorbs any
    // difference between what was paid in advance and what is finally due.
    const settle = award.minus(paidBefore);
    due = maxDec(settle, ZERO);
    if (settle.isNegative()) {
      refund = settle.negated();
      findings.push({
        code: 'OVERPAID_REFUND',
        message: `已拨付 ${formatGrouped(paidBefore)}元，高于核定的奖补金额 ${formatGrouped(award)}元，须退还 ${formatGrouped(refund)}元`,
      });
    }
    if (here > lastStage) due = ZERO;
  } else {
    due = plannedAtStage;
  }

  const paidThrough = paidBefore.plus(due).minus(refund);
  const remaining = failedAcceptance && input.refundOnFailedAcceptance ? ZERO : maxDec(award.minus(paidThrough), ZERO);
  const refundIfFails = input.refundOnFailedAcceptance && here < stageOrder('acceptance') ? paidBefore.plus(due) : ZERO;

  return {
    disbursement: {
      stage,
      dueAtStage: formatFen(due),
      paidBefore: formatFen(paidBefore),
      paidThroughStage: formatFen(paidThrough),
      remaining: formatFen(remaining),
      refund: formatFen(refund),
      refundIfAcceptanceFails: formatFen(refundIfFails),
    },
    findings,
  };
}
