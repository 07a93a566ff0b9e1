import path from 'node:path';
import { AppError } from '../../../shared/api/errors';
import type { BatchVerification, DecisionDto, ProjectVerification, VerifiedInvoiceDto } from '../../../shared/api/verification-contract';
import { fenToMoney, moneyToFen } from '../../../shared/domain/fen';
import { sumMoney } from '../../../shared/domain/money';
import type { Stage } from '../../../shared/codes/codes';
import type { RuleSet } from '../../../shared/rules';
import { computeVerifiedInvestment, suggestDecision, verifiedPayments, verifyProject, worstSeverity } from '../../../shared/verification';
import type { EInvoiceData, InvoiceDecision, VProject } from '../../../shared/verification/types';
import { createAuditLog } from '../audit/audit-log';
import type { CoreContext } from '../core-context';
import type { RuleSetCatalogue } from '../rules/rule-set-catalogue';
import { createDecisionStore, type StoredDecision } from './decision-store';
import type { EInvoiceCache } from './einvoice-cache';
import { createProjectLoader, type LoadedProject } from './load-project';
import { computeProjectAward } from './project-award';

const E_INVOICE_EXTENSIONS = new Set(['.xml', '.ofd']);

interface Computation {
  loaded: LoadedProject;
  ruleSet: RuleSet | undefined;
  project: VProject;
  findings: ReturnType<typeof verifyProject>;
  batch: { policy: string; stage: Stage };
}

/** Runs the checks on a project, applies the reviewers' decisions and computes verified investment and award. */
export function createVerificationService(ctx: CoreContext, catalogue: RuleSetCatalogue, einvoices: EInvoiceCache) {
  const loader = createProjectLoader(ctx.db);
  const decisions = createDecisionStore(ctx.db);
  const audit = createAuditLog(ctx.db, ctx.now);
  const batchOf = ctx.db.prepare<[string], { policy: string; stage: Stage }>('SELECT policy, stage FROM batches WHERE id = ?');
  const projectIds = ctx.db.prepare<[string], { project_id: string }>('SELECT project_id FROM projects WHERE batch_id = ? ORDER BY project_id');

  async function compute(batchId: string, projectId: string): Promise<Computation> {
    const loaded = loader.load(batchId, projectId);
    const batch = batchOf.get(batchId);
    if (!loaded || !batch) throw new AppError('NOT_FOUND', `批次「${batchId}」中没有项目「${projectId}」`);
    const ruleSet = catalogue.all().get(batch.policy)?.ruleSet;
    const parsed = new Map<string, EInvoiceData>();
    for (const attachment of loaded.attachments) {
      if (!E_INVOICE_EXTENSIONS.has(path.extname(attachment.path).toLowerCase())) continue;
      const data = await einvoices.read(attachment.path, attachment.sha256);
      if (data?.ok) parsed.set(attachment.path, data.value);
    }
    const project: VProject = {
      batchId,
      projectId,
      applicant: loaded.row.applicant,
      applicantCode: loaded.row.credit_code,
      invoices: loaded.invoices,
      contracts: loaded.contracts,
      payments: loaded.payments,
      attachmentNames: new Set(loaded.attachments.map((a) => a.path)),
      einvoices: parsed,
    };
    const elsewhere = loader.duplicatesElsewhere(loaded.pk);
    const findings = verifyProject(project, { spending: ruleSet?.spending, duplicatesElsewhere: (key) => elsewhere.get(key) ?? [] });
    return { loaded, ruleSet, project, findings, batch };
  }

  /** A stored decision, else the suggestion: invoices without an error finding count until a reviewer decides. */
  function effectiveDecisions(c: Computation, stored: Map<string, StoredDecision> | null): Map<number, InvoiceDecision> {
    const result = new Map<number, InvoiceDecision>();
    for (const invoice of c.project.invoices) {
      const decision = stored?.get(`${invoice.key}#${String(c.loaded.occurrences.get(invoice.rowNo) ?? 1)}`);
      if (decision) {
        result.set(invoice.rowNo, decision.kind === 'reduce' ? { kind: 'reduce', amount: fenToMoney(decision.amountFen ?? 0) } : { kind: decision.kind });
      } else {
        const hasError = (c.findings.invoices.get(invoice.rowNo) ?? []).some((f) => f.severity === 'error');
        result.set(invoice.rowNo, { kind: hasError ? 'reject' : 'accept' });
      }
    }
    return result;
  }

  function award(c: Computation, investment: string) {
    if (!c.ruleSet) return { award: null, ceiling: false, message: `本程序没有政策规则「${c.batch.policy}」`, trace: [] };
    return computeProjectAward(c.ruleSet, c.loaded.row, c.batch.stage, investment);
  }

  async function verify(batchId: string, projectId: string): Promise<ProjectVerification> {
    const c = await compute(batchId, projectId);
    const stored = decisions.forProject(batchId, projectId);
    const verified = computeVerifiedInvestment(c.project, effectiveDecisions(c, stored), c.ruleSet?.spending);
    const projectAward = award(c, verified.total);
    let errors = 0;
    let warnings = 0;
    let decided = 0;
    let stale = 0;
    const invoices: VerifiedInvoiceDto[] = c.project.invoices.map((invoice) => {
      const findings = c.findings.invoices.get(invoice.rowNo) ?? [];
      const severity = worstSeverity(findings);
      if (severity === 'error') errors++;
      else if (severity === 'warning') warnings++;
      const storedDecision = stored.get(`${invoice.key}#${String(c.loaded.occurrences.get(invoice.rowNo) ?? 1)}`);
      let decision: DecisionDto | null = null;
      if (storedDecision) {
        decided++;
        const isStale = storedDecision.rowFingerprint !== c.loaded.fingerprints.get(invoice.rowNo);
        if (isStale) stale++;
        decision = {
          kind: storedDecision.kind,
          amount: storedDecision.amountFen === null ? null : fenToMoney(storedDecision.amountFen),
          reason: storedDecision.reason,
          reviewer: storedDecision.reviewer,
          decidedAt: storedDecision.decidedAt,
          stale: isStale,
        };
      }
      return { ...invoice, findings, severity, decision, suggested: suggestDecision(findings) };
    });
    return {
      batchId,
      projectId,
      projectName: c.loaded.row.name,
      applicant: c.loaded.row.applicant,
      policy: c.batch.policy,
      stage: c.batch.stage,
      summary: {
        invoices: invoices.length,
        claimed: sumMoney(c.project.invoices.map((i) => i.amount)),
        flagged: errors + warnings,
        errors,
        warnings,
        decided,
        stale,
        verifiedInvestment: verified.total,
        award: projectAward.award,
        awardIsCeiling: projectAward.ceiling,
        awardMessage: projectAward.message,
      },
      invoices,
      contracts: verified.contracts.map((contract) => ({ ...contract, findings: c.findings.contracts.get(contract.contractNo) ?? [] })),
      payments: verifiedPayments(c.project.payments, c.findings.payments),
      withoutContract: verified.withoutContract,
      trace: verified.trace,
      awardTrace: projectAward.trace,
    };
  }

  async function decide(
    batchId: string,
    projectId: string,
    rowNos: readonly number[],
    kind: 'accept' | 'reduce' | 'reject' | 'clear',
    amount: string | undefined,
    reason: string,
    reviewer: string,
  ): Promise<void> {
    const loaded = loader.load(batchId, projectId);
    if (!loaded) throw new AppError('NOT_FOUND', `批次「${batchId}」中没有项目「${projectId}」`);
    const byRow = new Map(loaded.invoices.map((i) => [i.rowNo, i]));
    const unknown = rowNos.filter((r) => !byRow.has(r));
    if (unknown.length > 0) throw new AppError('BAD_INPUT', `项目「${projectId}」的发票表中没有第 ${unknown.slice(0, 5).join('、')} 行`);
    if (kind === 'reduce' && amount !== undefined) {
      const invoice = byRow.get(rowNos[0] ?? 0);
      if (invoice && (moneyToFen(amount) < 0 || moneyToFen(amount) > Math.abs(moneyToFen(invoice.amount)))) {
        throw new AppError('BAD_INPUT', `核减后的认定金额 ${amount} 应在 0 与发票金额（不含税）${invoice.amount} 之间`);
      }
    }
    const decidedAt = ctx.now().toISOString();
    ctx.db.transaction(() => {
      for (const rowNo of rowNos) {
        const invoice = byRow.get(rowNo);
        if (!invoice) continue;
        const occurrence = loaded.occurrences.get(rowNo) ?? 1;
        if (kind === 'clear') decisions.clear(batchId, projectId, invoice.key, occurrence);
        else {
          decisions.save(batchId, projectId, {
            invoiceKey: invoice.key,
            occurrence,
            kind,
            amountFen: kind === 'reduce' && amount !== undefined ? moneyToFen(amount) : null,
            reason,
            reviewer,
            decidedAt,
            rowFingerprint: loaded.fingerprints.get(rowNo) ?? '',
          });
        }
      }
      audit.record({
        actor: reviewer,
        action: { accept: '认定发票', reduce: '核减发票', reject: '不予认定发票', clear: '撤销认定' }[kind],
        subject: `project:${batchId}/${projectId}`,
        details: { rows: rowNos.length, invoices: rowNos.slice(0, 50).map((r) => byRow.get(r)?.key), amount, reason },
      });
    })();
  }

  /** For the CLI: every invoice without an error finding counted as accepted; decisions are not consulted. */
  async function verifyBatchAssumingClean(batchId: string): Promise<BatchVerification> {
    if (!batchOf.get(batchId)) throw new AppError('NOT_FOUND', `没有评审批次「${batchId}」`);
    const projects: BatchVerification['projects'] = [];
    for (const { project_id: projectId } of projectIds.all(batchId)) {
      const c = await compute(batchId, projectId);
      const verified = computeVerifiedInvestment(c.project, effectiveDecisions(c, null), c.ruleSet?.spending);
      projects.push({
        id: projectId,
        claimed: sumMoney(c.project.invoices.map((i) => i.amount)),
        verifiedInvestment: verified.total,
        award: award(c, verified.total).award,
        invoices: c.project.invoices.map((i) => ({ key: i.key, findings: c.findings.invoices.get(i.rowNo) ?? [] })),
        payments: c.project.payments.map((p) => ({ voucher: p.voucherNo, rowNo: p.rowNo, findings: c.findings.payments.get(p.rowNo) ?? [] })),
      });
    }
    return { projects };
  }

  return { verify, decide, verifyBatchAssumingClean };
}

export type VerificationService = ReturnType<typeof createVerificationService>;
