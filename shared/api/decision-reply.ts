import type { DecisionReply, ProjectVerification } from './verification-contract';

/**
 * A project's verification with a decision's reply applied: the changed invoice rows and contracts
 * replaced in place, totals and traces taken over. Equals what verifying again would answer.
 */
export function applyDecisionReply(verification: ProjectVerification, reply: DecisionReply): ProjectVerification {
  const invoices = new Map(reply.invoices.map((row) => [row.rowNo, row]));
  const contracts = new Map(reply.contracts.map((contract) => [contract.contractNo, contract]));
  return {
    ...verification,
    summary: reply.summary,
    invoices: verification.invoices.map((row) => invoices.get(row.rowNo) ?? row),
    contracts: verification.contracts.map((contract) => contracts.get(contract.contractNo) ?? contract),
    withoutContract: reply.withoutContract ?? verification.withoutContract,
    trace: reply.trace,
    awardTrace: reply.awardTrace,
  };
}
