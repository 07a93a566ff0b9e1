import type { DecisionDto, VerifiedInvoiceDto } from '@shared/api/verification-contract';
import { DECISION_LABEL } from '@shared/codes/labels';
import { subtractMoney } from '@shared/domain/money';
import { yuan } from '../../format';

/** 「核减 14,042.06 元，认定 2,000.00 元」: the cut first, so the kept amount is not read as the cut. */
export function decisionText(invoice: Pick<VerifiedInvoiceDto, 'amount'>, decision: Pick<DecisionDto, 'kind' | 'amount'>): string {
  if (decision.kind === 'reduce' && decision.amount !== null) return `核减 ${yuan(subtractMoney(invoice.amount, decision.amount))} 元，认定 ${yuan(decision.amount)} 元`;
  return DECISION_LABEL[decision.kind];
}

/** What the invoice adds to 核定投资额 before the caps, and whether only for now (no decision yet). */
export function countedAmount(invoice: VerifiedInvoiceDto): { amount: string | null; provisional: boolean } {
  const d = invoice.decision;
  if (!d) return invoice.severity === 'error' ? { amount: null, provisional: true } : { amount: invoice.amount, provisional: true };
  if (d.kind === 'accept') return { amount: invoice.amount, provisional: false };
  if (d.kind === 'reduce') return { amount: d.amount, provisional: false };
  return { amount: null, provisional: false };
}
