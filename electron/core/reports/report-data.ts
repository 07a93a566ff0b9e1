import { readableSource } from '@shared/rules/readable-source';
import type { ProjectVerification, VerifiedInvoiceDto } from '@shared/api/verification-contract';
import { DECISION_LABEL, STAGE_LABEL, findingLine } from '@shared/codes/labels';
import { fenToMoney } from '@shared/domain/fen';
import type { RuleSet } from '@shared/rules';
import type { ProjectRecord } from '@shared/records/stored-records';
import type { ProjectAward } from '../verification/project-award';
import { correctionsSection } from './corrections-section';
import type { AcceptanceContent, BatchFacts, ExpertContent, ExpertForm, InvoiceLine, PanelOutcome, ProjectFacts } from './report-model';

/**
 * Turns the project's verification (the same figures the 发票核验 page and `jigai verify` show)
 * into a report's content. An invoice with findings and no decision counts the way the offline
 * check counts it: accepted unless one of its findings is an error.
 */

export function batchFacts(batch: { id: string; name: string; policy: string; stage: keyof typeof STAGE_LABEL }, ruleSet: RuleSet | undefined): BatchFacts {
  return { id: batch.id, name: batch.name, policy: ruleSet?.name ?? batch.policy, stage: STAGE_LABEL[batch.stage] };
}

export function projectFacts(project: ProjectRecord): ProjectFacts {
  const period = project.periodStart || project.periodEnd ? `${project.periodStart ?? '—'} 至 ${project.periodEnd ?? '—'}` : '';
  return {
    id: project.id,
    name: project.name,
    applicant: project.applicant,
    creditCode: project.creditCode,
    district: project.district,
    period,
    plannedInvestment: project.plannedInvestment === null ? null : fenToMoney(project.plannedInvestment),
  };
}

const hasError = (invoice: VerifiedInvoiceDto) => invoice.findings.some((f) => f.severity === 'error');

/** Has findings and no decision that still applies (a stale decision was taken on a row that changed since). */
export function isUndecided(invoice: VerifiedInvoiceDto): boolean {
  return invoice.findings.length > 0 && (invoice.decision === null || invoice.decision.stale);
}

function invoiceLine(invoice: VerifiedInvoiceDto, no: number): InvoiceLine {
  const decision = invoice.decision !== null && !invoice.decision.stale ? invoice.decision : null;
  const counted =
    decision === null
      ? hasError(invoice)
        ? '0.00'
        : invoice.amount
      : decision.kind === 'accept'
        ? invoice.amount
        : decision.kind === 'reduce'
          ? (decision.amount ?? '0.00')
          : '0.00';
  return {
    no,
    key: invoice.key,
    issuedOn: invoice.issuedOn,
    seller: invoice.sellerName,
    amount: invoice.amount,
    findings: invoice.findings.map(findingLine).join('\n'),
    decision: decision === null ? (hasError(invoice) ? '按规则不计入' : '按规则计入') : DECISION_LABEL[decision.kind],
    reason: decision?.reason ?? '',
    counted,
  };
}

export interface AcceptanceSources {
  verification: ProjectVerification;
  batch: BatchFacts;
  project: ProjectFacts;
  award: ProjectAward;
  ruleSet: RuleSet | undefined;
  panel: PanelOutcome | null;
}

export function acceptanceContent({ verification: v, batch, project, award, ruleSet, panel }: AcceptanceSources): AcceptanceContent {
  const undecided = v.invoices.filter(isUndecided);
  const schedule = ruleSet?.schedule;
  return {
    kind: 'acceptance',
    batch,
    project,
    claimed: v.summary.claimed,
    verifiedInvestment: v.summary.verifiedInvestment,
    award: v.summary.award,
    awardMessage: v.summary.awardMessage,
    contracts: v.contracts.map((c) => ({
      contractNo: c.contractNo,
      supplier: c.supplierName,
      category: c.category,
      contractAmount: c.contractAmount,
      invoiced: c.invoiced,
      accepted: c.accepted,
      paid: c.paid,
      counted: c.counted,
    })),
    awardTrace: v.awardTrace.map((t) => ({ ...t, source: readableSource(t.source, ruleSet) })),
    schedule: award.schedule.map((s) => ({ label: s.label, percent: s.percent, amount: s.amount, refund: s.refund, source: readableSource(s.source, ruleSet) })),
    refundRule: schedule?.kind === 'instalments' ? { text: schedule.refundDescription, source: readableSource(schedule.refundSource, ruleSet) } : null,
    openFindings: [
      ...undecided.flatMap((i) => i.findings.map((f) => `发票 ${i.key}（第 ${String(i.rowNo)} 行）${findingLine(f)}`)),
      ...v.contracts.flatMap((c) => c.findings.filter((f) => f.severity === 'error').map((f) => `合同 ${c.contractNo} ${findingLine(f)}`)),
    ],
    corrections: correctionsSection(v),
    undecidedInvoices: undecided.length,
    invoices: v.invoices.map((invoice, i) => invoiceLine(invoice, i + 1)),
    panel,
  };
}

export function expertContent(verification: ProjectVerification, batch: BatchFacts, project: ProjectFacts, form: ExpertForm | null): ExpertContent {
  return { kind: 'expert', batch, project, verifiedInvestment: verification.summary.verifiedInvestment, form };
}
