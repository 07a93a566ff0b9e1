import type { DecisionDto, VerifiedInvoiceDto } from '@shared/api/verification-contract';
import { FINDING_LABEL } from '@shared/codes/labels';
import type { DecisionKind } from '@shared/codes/codes';
import { compareMoney, formatYuan, subtractMoney, sumMoney, type MoneyString } from '@shared/domain/money';

export type DecisionAction = DecisionKind | 'clear';

type Invoice = Pick<VerifiedInvoiceDto, 'amount' | 'severity' | 'findings' | 'decision'>;

/** What an invoice adds to the verified investment before the contract and payment caps. */
function counted(invoice: Invoice, decision: Pick<DecisionDto, 'kind' | 'amount'> | null): MoneyString {
  if (!decision) return invoice.severity === 'error' ? '0.00' : invoice.amount;
  if (decision.kind === 'accept') return invoice.amount;
  if (decision.kind === 'reduce') return decision.amount ?? '0.00';
  return '0.00';
}

export interface DecisionEffect {
  /** Invoices accepted (whole or reduced) although a check found an error on them. */
  againstErrors: number;
  /** The first such error, to name it in the question. */
  firstError: string | null;
  /** Invoices whose earlier, different decision this one replaces, by that decision's kind. */
  overturned: Partial<Record<DecisionKind, number>>;
  overturnedCount: number;
  /** Change of the counted amount before the caps (positive: more counts). */
  delta: MoneyString;
}

/**
 * What a decision on some invoices does to the money, before it is taken: the reviewer is asked when
 * it goes against an error finding or overturns an earlier decision (public money never moves silently).
 */
export function decisionEffect(invoices: readonly Invoice[], kind: DecisionAction, amount?: MoneyString): DecisionEffect {
  let againstErrors = 0;
  let firstError: string | null = null;
  const overturned: Partial<Record<DecisionKind, number>> = {};
  let overturnedCount = 0;
  const deltas: MoneyString[] = [];
  for (const invoice of invoices) {
    const next = kind === 'clear' ? null : { kind, amount: amount ?? null };
    if ((kind === 'accept' || kind === 'reduce') && invoice.severity === 'error') {
      againstErrors++;
      const error = invoice.findings.find((f) => f.severity === 'error');
      firstError ??= error ? FINDING_LABEL[error.code] : null;
    }
    const earlier = invoice.decision;
    if (earlier && kind !== 'clear' && earlier.kind !== kind) {
      overturned[earlier.kind] = (overturned[earlier.kind] ?? 0) + 1;
      overturnedCount++;
    }
    deltas.push(subtractMoney(counted(invoice, next), counted(invoice, earlier)));
  }
  return { againstErrors, firstError, overturned, overturnedCount, delta: sumMoney(deltas) };
}

export function needsConfirmation(effect: DecisionEffect): boolean {
  return effect.againstErrors > 0 || effect.overturnedCount > 0;
}

/** 「计入金额增加 351,774.00 元」, or that nothing changes. */
export function deltaSentence(delta: MoneyString): string {
  const sign = compareMoney(delta, '0.00');
  if (sign === 0) return '计入金额不变';
  return `计入金额${sign > 0 ? '增加' : '减少'} ${formatYuan(sign > 0 ? delta : subtractMoney('0.00', delta))} 元（合同、付款上限扣减前）`;
}
