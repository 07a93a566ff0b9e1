import { readableSource } from '@shared/rules/readable-source';
import type { CorrectionDto, DecisionDto, DecisionReply, ProjectVerification, VerifiedInvoiceDto } from '@shared/api/verification-contract';
import { fenToMoney } from '@shared/domain/fen';
import { sumMoney } from '@shared/domain/money';
import type { RuleSet } from '@shared/rules';
import type { Stage } from '@shared/codes/codes';
import {
  createInvestmentCalculator,
  effectiveDecision,
  suggestDecision,
  verifiedPayments,
  worstSeverity,
  type ProjectIndex,
  type verifyProject,
} from '@shared/verification';
import type { InvoiceDecision, VerificationFinding, VInvoice, VProject } from '@shared/verification/types';
import { correctionTraceLine } from '@shared/verification/corrections';
import { decisionKey, type StoredDecision } from './decision-store';
import { INVOICE_FINGERPRINT_VERSION } from './invoice-fingerprint';
import type { LoadedProject } from './load-project';
import type { ProjectAward } from './project-award';
import { verifiedBreakdown } from './verified-breakdown';

/** A project as read and checked: everything a decision does not change. */
export interface Computation {
  loaded: LoadedProject;
  ruleSet: RuleSet | undefined;
  project: VProject;
  /** Amounts parsed and contracts resolved once, for the checks and the verified investment. */
  index: ProjectIndex;
  findings: ReturnType<typeof verifyProject>;
  /** Findings on the project as a whole (现场核查: indicators below target). */
  projectFindings: VerificationFinding[];
  batch: { policy: string; stage: Stage };
  /** The deciding reviewer's corrections, already applied to `project`. */
  corrections: CorrectionDto[];
}

/**
 * A checked project with its reviewers' decisions applied, kept between calls. Findings never depend
 * on decisions, so a decision changes only its invoices' rows, their contracts' reconciliation, the
 * totals and the award; `apply` recomputes exactly those and answers what changed.
 */
export function createReviewState(
  c: Computation,
  fingerprints: ReadonlyMap<number, string>,
  stored: Map<string, StoredDecision>,
  award: (investment: string) => ProjectAward,
) {
  const invoiceByRow = new Map<number, VInvoice>(c.project.invoices.map((i) => [i.rowNo, i]));
  const occurrenceOf = (rowNo: number) => c.loaded.occurrences.get(rowNo) ?? 1;
  const findingsOf = (rowNo: number) => c.findings.invoices.get(rowNo) ?? [];
  const storedOf = (invoice: VInvoice) => stored.get(decisionKey(invoice.key, occurrenceOf(invoice.rowNo)));
  const isStale = (rowNo: number, d: StoredDecision) => d.fingerprintVersion !== INVOICE_FINGERPRINT_VERSION || d.fingerprint !== fingerprints.get(rowNo);

  /** What counts (shared/verification/effective-decision.ts): statutory findings first, then the stored decision, else the default. */
  function effective(invoice: VInvoice): InvoiceDecision | undefined {
    const d = storedOf(invoice);
    const decided: InvoiceDecision | undefined = d ? (d.kind === 'reduce' ? { kind: 'reduce', amount: fenToMoney(d.amount ?? 0) } : { kind: d.kind }) : undefined;
    return effectiveDecision(findingsOf(invoice.rowNo), decided);
  }
  const setEffective = (invoice: VInvoice) => {
    const decision = effective(invoice);
    if (decision) decisions.set(invoice.rowNo, decision);
    else decisions.delete(invoice.rowNo);
  };

  function decisionDto(invoice: VInvoice): DecisionDto | null {
    const d = storedOf(invoice);
    if (!d) return null;
    const { kind, reason, reviewer, decidedAt } = d;
    return { kind, amount: d.amount === null ? null : fenToMoney(d.amount), reason, reviewer, decidedAt, stale: isStale(invoice.rowNo, d) };
  }

  const rowIndex = new Map<number, number>();
  const payments = verifiedPayments(c.project.payments, c.findings.payments);
  // Reviewers read policy titles; rule sets cite the policy files (shared/rules/readable-source.ts).
  const cite = (line: string) => readableSource(line, c.ruleSet);
  // Corrections head the trace: every figure below rests on the corrected values.
  const correctionLines = c.corrections.map((x) => correctionTraceLine(x, x.rowNo ?? undefined));
  const traceOf = (lines: readonly string[]) => [...correctionLines, ...lines.map(cite)];
  const rows: VerifiedInvoiceDto[] = c.project.invoices.map((invoice, i) => {
    rowIndex.set(invoice.rowNo, i);
    const findings = findingsOf(invoice.rowNo);
    return { ...invoice, findings, severity: worstSeverity(findings), decision: decisionDto(invoice), suggested: suggestDecision(findings, invoice.amount) };
  });
  const errors = rows.filter((r) => r.severity === 'error').length;
  const warnings = rows.filter((r) => r.severity === 'warning').length;
  const claimed = sumMoney(c.project.invoices.map((i) => i.amount));
  const decisions = new Map<number, InvoiceDecision>();
  for (const invoice of c.project.invoices) setEffective(invoice);
  const calculator = createInvestmentCalculator(c.project, c.ruleSet?.spending, c.index);
  let verified = calculator.compute(decisions);
  let projectAward = award(verified.total);
  const contractDto = (contract: (typeof verified.contracts)[number]) => ({ ...contract, findings: c.findings.contracts.get(contract.contractNo) ?? [] });
  const contracts = verified.contracts.map(contractDto);

  // Kept up to date by `apply`, so a decision does not walk every row.
  let decided = 0;
  let stale = 0;
  const count = (row: VerifiedInvoiceDto, sign: 1 | -1) => {
    if (!row.decision) return;
    decided += sign;
    if (row.decision.stale) stale += sign;
  };
  for (const row of rows) count(row, 1);

  function summary(): ProjectVerification['summary'] {
    return {
      invoices: rows.length,
      claimed,
      flagged: errors + warnings,
      errors,
      warnings,
      decided,
      stale,
      verifiedInvestment: verified.total,
      award: projectAward.award,
      awardIsCeiling: projectAward.ceiling,
      awardMessage: projectAward.message,
      awardBasis: projectAward.awardBasis,
      disbursement: projectAward.disbursement,
      breakdown: verifiedBreakdown(
        c.project.invoices.map((invoice) => ({
          amount: invoice.amount,
          decided: storedOf(invoice) ? (decisions.get(invoice.rowNo) ?? null) : null,
          heldBack: decisions.get(invoice.rowNo)?.kind !== 'accept',
        })),
        verified.total,
      ),
    };
  }

  return {
    invoiceByRow: invoiceByRow as ReadonlyMap<number, VInvoice>,
    occurrenceOf,
    findingsOf,
    fingerprintOf: (rowNo: number) => fingerprints.get(rowNo) ?? '',

    verification(): ProjectVerification {
      return {
        batchId: c.project.batchId,
        projectId: c.project.projectId,
        projectName: c.loaded.project.name,
        applicant: c.loaded.project.applicant,
        policy: c.batch.policy,
        stage: c.batch.stage,
        summary: summary(),
        // Copies: a verification handed out earlier keeps showing what it showed.
        invoices: [...rows],
        contracts: [...contracts],
        // Decisions never change payment findings: computed once with the project.
        payments,
        withoutContract: verified.withoutContract,
        trace: traceOf(verified.trace),
        awardTrace: projectAward.trace.map((step) => ({ ...step, source: cite(step.source) })),
        corrections: [...c.corrections],
        findings: [...c.projectFindings],
      };
    },

    /** Takes the stored decisions of some rows (undefined: cleared) and answers what changed. */
    apply(changes: ReadonlyMap<number, StoredDecision | undefined>): DecisionReply {
      const changedRows: VerifiedInvoiceDto[] = [];
      for (const [rowNo, decision] of changes) {
        const invoice = invoiceByRow.get(rowNo);
        const index = rowIndex.get(rowNo);
        if (!invoice || index === undefined) continue;
        const key = decisionKey(invoice.key, occurrenceOf(rowNo));
        if (decision) stored.set(key, decision);
        else stored.delete(key);
        setEffective(invoice);
        const old = rows[index] as VerifiedInvoiceDto;
        const row = { ...old, decision: decisionDto(invoice) };
        count(old, -1);
        count(row, 1);
        rows[index] = row;
        changedRows.push(row);
      }
      const before = verified;
      verified = calculator.compute(decisions, changes.keys());
      projectAward = award(verified.total);
      const changedContracts = [];
      for (let i = 0; i < verified.contracts.length; i++) {
        const contract = verified.contracts[i] as (typeof verified.contracts)[number];
        if (contract === before.contracts[i]) continue;
        contracts[i] = contractDto(contract);
        changedContracts.push(contracts[i] as (typeof contracts)[number]);
      }
      return {
        batchId: c.project.batchId,
        projectId: c.project.projectId,
        summary: summary(),
        invoices: changedRows,
        contracts: changedContracts,
        withoutContract: verified.withoutContract === before.withoutContract ? null : verified.withoutContract,
        trace: traceOf(verified.trace),
        awardTrace: projectAward.trace.map((step) => ({ ...step, source: cite(step.source) })),
      };
    },
  };
}

export type ReviewState = ReturnType<typeof createReviewState>;
