import type { VerifiedBreakdown } from '@shared/api/verification-contract';
import { fenToMoney, moneyToFen } from '@shared/domain/fen';
import type { MoneyString } from '@shared/domain/money';
import type { InvoiceDecision } from '@shared/verification/types';

interface Row {
  amount: MoneyString;
  /** What counts for a decided invoice (effective-decision.ts: a statutory finding overrides it), or null while it waits for one. */
  decided: InvoiceDecision | null;
  /** Undecided and not counted for now: an error finding, or spending of an open category waiting for a reviewer's confirmation. */
  heldBack: boolean;
}

/**
 * Explains 核定投资额 on screen: what the reviewers accepted (whole or reduced), what counts for now
 * because nobody decided yet and nothing is wrong, and what the contract and payment caps took off.
 * The cap deduction is the difference to the calculator's total, so the four figures always add up.
 */
export function verifiedBreakdown(rows: Iterable<Row>, verifiedInvestment: MoneyString): VerifiedBreakdown {
  const fen = { accepted: 0, reduced: 0, cut: 0, rejected: 0, provisional: 0, held: 0 };
  const count = { accepted: 0, reduced: 0, rejected: 0, provisional: 0, held: 0 };
  for (const row of rows) {
    const amount = moneyToFen(row.amount);
    const kind = row.decided?.kind;
    if (kind === 'accept') {
      count.accepted++;
      fen.accepted += amount;
    } else if (kind === 'reduce') {
      const kept = moneyToFen(row.decided?.amount ?? '0.00');
      count.reduced++;
      fen.reduced += kept;
      fen.cut += amount - kept;
    } else if (kind === 'reject') {
      count.rejected++;
      fen.rejected += amount;
    } else if (row.heldBack) {
      count.held++;
      fen.held += amount;
    } else {
      count.provisional++;
      fen.provisional += amount;
    }
  }
  const counted = fen.accepted + fen.reduced + fen.provisional;
  return {
    accepted: { count: count.accepted, amount: fenToMoney(fen.accepted) },
    reduced: { count: count.reduced, amount: fenToMoney(fen.reduced), cut: fenToMoney(fen.cut) },
    rejected: { count: count.rejected, amount: fenToMoney(fen.rejected) },
    undecided: {
      count: count.provisional + count.held,
      provisional: { count: count.provisional, amount: fenToMoney(fen.provisional) },
      held: { count: count.held, amount: fenToMoney(fen.held) },
    },
    capDeduction: fenToMoney(counted - moneyToFen(verifiedInvestment)),
  };
}
