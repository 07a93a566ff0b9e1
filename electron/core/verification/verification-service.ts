import path from 'node:path';
import { AppError } from '@shared/api/errors';
import type { BatchVerification, DecisionReply, ProjectVerification } from '@shared/api/verification-contract';
import { moneyToFen } from '@shared/domain/fen';
import { sumMoney } from '@shared/domain/money';
import type { Stage } from '@shared/codes/codes';
import type { RuleSet } from '@shared/rules';
import { createInvestmentCalculator, indexProject, verifyProject } from '@shared/verification';
import type { EInvoiceData, InvoiceDecision, VProject } from '@shared/verification/types';
import { createAuditTrail } from '../audit/audit-trail';
import { LEGACY_REVIEWER_ID } from '../db/migrations/0006-reviewers-and-audit-chain';
import { createActingReviewer } from '../reviewers/acting-reviewer';
import type { CoreContext } from '../core-context';
import type { RuleSetCatalogue } from '../rules/rule-set-catalogue';
import { createDecisionStore, type StoredDecision } from './decision-store';
import type { EInvoiceCache } from './einvoice-cache';
import { INVOICE_FINGERPRINT_VERSION } from './invoice-fingerprint';
import { createProjectLoader } from './load-project';
import { computeProjectAward } from './project-award';
import { createReviewState, type Computation, type ReviewState } from './review-state';

/** PDFs too: most enterprises attach the PDF of an e-invoice (its text layer is read). */
const E_INVOICE_EXTENSIONS = new Set(['.xml', '.ofd', '.pdf']);
/** Projects whose computed state is kept; a reviewer works on one at a time, rarely more than a few. */
const CACHED_PROJECTS = 4;

/**
 * Runs the checks on a project, applies the reviewers' decisions and computes verified investment
 * and award. The checks run once per project and data version: the computed state is cached, and a
 * decision updates only what it changes (see review-state.ts) instead of verifying again.
 */
export function createVerificationService(ctx: CoreContext, catalogue: RuleSetCatalogue, einvoices: EInvoiceCache) {
  const loader = createProjectLoader(ctx.db);
  const decisions = createDecisionStore(ctx.db);
  const audit = createAuditTrail(ctx.db, ctx.now);
  const acting = createActingReviewer(ctx.db);
  /** Whose decisions a project shows: the own reviewer's, or before an identity exists the work from before identities. */
  const decidingReviewer = () => acting.own()?.id ?? LEGACY_REVIEWER_ID;
  const batchOf = ctx.db.prepare<[string], { policy: string; stage: Stage }>('SELECT policy, stage FROM batches WHERE id = ?');
  const projectIds = ctx.db.prepare<[string], { project_id: string }>('SELECT project_id FROM projects WHERE batch_id = ? ORDER BY project_id');
  const lastImport = ctx.db.prepare<[], { id: number }>('SELECT coalesce(max(id), 0) AS id FROM import_log');
  const cache = new Map<string, { version: string; ruleSet: RuleSet | undefined; state: Promise<ReviewState> }>();

  /**
   * Anything that can change a project's findings: an import in this process (import_log), a
   * commit by another connection (data_version) — duplicates are searched across all batches.
   */
  const dataVersion = () => `${String(ctx.db.pragma('data_version', { simple: true }))}:${String(lastImport.get()?.id ?? 0)}`;

  async function compute(batchId: string, projectId: string): Promise<Computation> {
    const loaded = loader.load(batchId, projectId);
    const batch = batchOf.get(batchId);
    if (!loaded || !batch) throw new AppError('NOT_FOUND', `批次「${batchId}」中没有项目「${projectId}」`);
    const ruleSet = catalogue.all().get(batch.policy)?.ruleSet;
    const parsed = new Map<string, EInvoiceData>();
    const unreadable = new Map<string, string>();
    for (const attachment of loaded.attachments) {
      if (!E_INVOICE_EXTENSIONS.has(path.extname(attachment.path).toLowerCase())) continue;
      const data = await einvoices.read(attachment.path, attachment.sha256);
      if (data?.ok) parsed.set(attachment.path, data.value);
      else if (data) unreadable.set(attachment.path, data.message);
    }
    const project: VProject = {
      batchId,
      projectId,
      applicant: loaded.project.applicant,
      applicantCode: loaded.project.creditCode,
      invoices: loaded.invoices,
      contracts: loaded.contracts,
      payments: loaded.payments,
      attachmentNames: new Set(loaded.attachments.map((a) => a.path)),
      einvoices: parsed,
      einvoiceErrors: unreadable,
    };
    const elsewhere = loader.duplicatesElsewhere(loaded.pk);
    const index = indexProject(project);
    const findings = verifyProject(project, { spending: ruleSet?.spending, duplicatesElsewhere: (key) => elsewhere.get(key) ?? [] }, index);
    return { loaded, ruleSet, project, index, findings, batch };
  }

  function award(c: Computation, investment: string) {
    if (!c.ruleSet) return { award: null, ceiling: false, message: `本程序没有政策规则「${c.batch.policy}」`, trace: [], schedule: [] };
    return computeProjectAward(c.ruleSet, c.loaded.project, c.batch.stage, investment);
  }

  /** The project's review state, computed once per data version; concurrent callers share one computation. */
  async function stateOf(batchId: string, projectId: string): Promise<ReviewState> {
    const reviewerId = decidingReviewer();
    const key = `${batchId}\u0000${projectId}\u0000${reviewerId}`;
    const version = dataVersion();
    const ruleSet = catalogue.all().get(batchOf.get(batchId)?.policy ?? '')?.ruleSet;
    const cached = cache.get(key);
    cache.delete(key);
    if (cached && cached.version === version && cached.ruleSet === ruleSet) {
      cache.set(key, cached);
      return cached.state;
    }
    const state = compute(batchId, projectId).then((c) =>
      createReviewState(c, loader.fingerprints(c.loaded.pk), decisions.forProject(batchId, projectId, reviewerId), (investment) => award(c, investment)),
    );
    cache.set(key, { version, ruleSet, state });
    while (cache.size > CACHED_PROJECTS) cache.delete(cache.keys().next().value as string);
    try {
      return await state;
    } catch (error) {
      if (cache.get(key)?.state === state) cache.delete(key);
      throw error;
    }
  }

  async function verify(batchId: string, projectId: string): Promise<ProjectVerification> {
    return (await stateOf(batchId, projectId)).verification();
  }

  async function decide(
    batchId: string,
    projectId: string,
    rowNos: readonly number[],
    kind: 'accept' | 'reduce' | 'reject' | 'clear',
    amount: string | undefined,
    reason: string,
  ): Promise<DecisionReply> {
    const own = acting.require();
    const reviewer = own.name;
    const state = await stateOf(batchId, projectId);
    const byRow = state.invoiceByRow;
    const unknown = rowNos.filter((r) => !byRow.has(r));
    if (unknown.length > 0) throw new AppError('BAD_INPUT', `项目「${projectId}」的发票表中没有第 ${unknown.slice(0, 5).join('、')} 行`);
    if (kind === 'reduce' && amount !== undefined) {
      const invoice = byRow.get(rowNos[0] ?? 0);
      if (invoice && (moneyToFen(amount) < 0 || moneyToFen(amount) > Math.abs(moneyToFen(invoice.amount)))) {
        throw new AppError('BAD_INPUT', `核减后的认定金额 ${amount} 应在 0 与发票金额（不含税）${invoice.amount} 之间`);
      }
    }
    const decidedAt = ctx.now().toISOString();
    const changes = new Map<number, StoredDecision | undefined>();
    ctx.db.transaction(() => {
      for (const rowNo of rowNos) {
        const invoice = byRow.get(rowNo);
        if (!invoice) continue;
        const occurrence = state.occurrenceOf(rowNo);
        if (kind === 'clear') {
          decisions.clear(batchId, projectId, own.id, invoice.key, occurrence);
          changes.set(rowNo, undefined);
        } else {
          const decision = {
            invoiceKey: invoice.key,
            occurrence,
            kind,
            amount: kind === 'reduce' && amount !== undefined ? moneyToFen(amount) : null,
            reason,
            reviewer,
            decidedAt,
            fingerprint: state.fingerprintOf(rowNo),
            fingerprintVersion: INVOICE_FINGERPRINT_VERSION,
          };
          decisions.save(batchId, projectId, own.id, decision);
          changes.set(rowNo, decision);
        }
      }
      audit.record({
        action: `invoice-${kind}`,
        subject: `project:${batchId}/${projectId}`,
        details: { rows: rowNos.length, invoices: rowNos.slice(0, 50).map((r) => byRow.get(r)?.key), amount, reason },
      });
    })();
    return state.apply(changes);
  }

  /** For the CLI: every invoice without an error finding counted as accepted; decisions are not consulted. */
  async function verifyBatchAssumingClean(batchId: string): Promise<BatchVerification> {
    if (!batchOf.get(batchId)) throw new AppError('NOT_FOUND', `没有评审批次「${batchId}」`);
    const projects: BatchVerification['projects'] = [];
    for (const { project_id: projectId } of projectIds.all(batchId)) {
      const c = await compute(batchId, projectId);
      const assumed = new Map<number, InvoiceDecision>();
      for (const invoice of c.project.invoices) {
        const hasError = (c.findings.invoices.get(invoice.rowNo) ?? []).some((f) => f.severity === 'error');
        assumed.set(invoice.rowNo, { kind: hasError ? 'reject' : 'accept' });
      }
      const verified = createInvestmentCalculator(c.project, c.ruleSet?.spending, c.index).compute(assumed);
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
