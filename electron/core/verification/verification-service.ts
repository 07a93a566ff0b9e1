import path from 'node:path';
import { AppError } from '@shared/api/errors';
import type { BatchVerification, CorrectionDto, DecisionReply, ProjectVerification } from '@shared/api/verification-contract';
import { moneyToFen } from '@shared/domain/fen';
import { subtractMoney, sumMoney } from '@shared/domain/money';
import type { Stage } from '@shared/codes/codes';
import type { RuleSet } from '@shared/rules';
import { createInvestmentCalculator, effectiveDecision, indexProject, statutoryFinding, verifyProject } from '@shared/verification';
import type { InvoiceDecision } from '@shared/verification/types';
import {
  applyCorrections,
  fieldLabel,
  fieldValue,
  findCorrectableField,
  normalizeCorrectionValue,
  type Correction,
  type CorrectionTarget,
} from '@shared/verification/corrections';
import { normalizeContractNo } from '@shared/verification/names';
import { createAuditTrail } from '../audit/audit-trail';
import { LEGACY_REVIEWER_ID } from '../db/migrations/0006-reviewers-and-audit-chain';
import { createActingReviewer } from '../reviewers/acting-reviewer';
import type { CoreContext } from '../core-context';
import type { RuleSetCatalogue } from '../rules/rule-set-catalogue';
import { citeFindings } from '@shared/verification/cite-findings';
import { createDecisionStore, type StoredDecision } from './decision-store';
import type { EInvoiceCache } from './einvoice-cache';
import { INVOICE_FINGERPRINT_VERSION } from './invoice-fingerprint';
import { createCorrectionStore } from './correction-store';
import { checkedProject, createProjectLoader, type LoadedProject } from './load-project';
import { createPanelRecords, panelRecordsRevision } from './panel-records';
import { createChecklistSource, findingsOfReviewer } from '../inspection/inspection-checklist';
import { createInspectionStore, inspectionRevision } from '../inspection/inspection-store';
import { computeProjectAward } from './project-award';
import { createReviewState, type Computation, type ReviewState } from './review-state';

/** Projects whose computed state is kept; a reviewer works on one at a time, rarely more than a few. */
const CACHED_PROJECTS = 4;

export interface CorrectionInput {
  batchId: string;
  projectId: string;
  target: CorrectionTarget;
  rowNo?: number | undefined;
  contractNo?: string | undefined;
  field: string;
  value: string | null;
  reason: string;
  evidence?: string | undefined;
}

/** The row a correction is about, with its natural key (what the correction is stored under). */
function locateCorrectionTarget(loaded: LoadedProject, input: CorrectionInput) {
  if (input.target === 'invoice') {
    const row = loaded.invoices.find((i) => i.rowNo === input.rowNo);
    if (!row) throw new AppError('BAD_INPUT', `项目的发票表中没有第 ${String(input.rowNo ?? '')} 行`);
    return { row, key: row.key, occurrence: loaded.occurrences.get(row.rowNo) ?? 1, label: `发票表第 ${String(row.rowNo)} 行发票「${row.key}」` };
  }
  const wanted = normalizeContractNo(input.contractNo ?? '');
  const row = loaded.contracts.find((c) => normalizeContractNo(c.contractNo) === wanted);
  if (!row) throw new AppError('BAD_INPUT', `项目的合同表中没有合同「${input.contractNo ?? ''}」`);
  return { row, key: row.contractNo, occurrence: 1, label: `合同「${row.contractNo}」` };
}

/** `附件名#页`: the file must be one of the project's attachments; the page a positive number. */
function checkEvidence(loaded: LoadedProject, evidence: string): string {
  const text = evidence.trim();
  if (text === '') return '';
  const hash = text.lastIndexOf('#');
  const name = hash < 0 ? text : text.slice(0, hash).trim();
  const page = hash < 0 ? '' : text.slice(hash + 1).trim();
  const known = loaded.attachments.some((a) => a.path === name || path.posix.basename(a.path) === name);
  if (!known) throw new AppError('BAD_INPUT', `依据中的附件「${name}」不在本项目的附件中；请写作「附件名#页码」，如 发票-0006.pdf#1`);
  if (page !== '' && !/^[1-9]\d{0,4}$/u.test(page)) throw new AppError('BAD_INPUT', `依据中的页码「${page}」应为正整数，如 发票-0006.pdf#1`);
  return page === '' ? name : `${name}#${page}`;
}

/** Corrections as the API shows them, with the invoice row they apply to. */
function correctionDtos(loaded: LoadedProject, corrections: readonly Correction[]): CorrectionDto[] {
  const rowOf = new Map<string, number>();
  for (const invoice of loaded.invoices) rowOf.set(`${invoice.key}#${String(loaded.occurrences.get(invoice.rowNo) ?? 1)}`, invoice.rowNo);
  return corrections.map((c) => ({
    ...c,
    rowNo: c.target === 'invoice' ? (rowOf.get(`${c.targetKey}#${String(c.occurrence)}`) ?? null) : null,
    fieldLabel: fieldLabel(c.target, c.field),
  }));
}

/**
 * 认定 or 核减 of an invoice the policy text excludes (shared/verification/effective-decision.ts) is
 * refused with the paragraph: the reviewer can only correct the data the finding rests on.
 */
function refuseStatutory(state: ReviewState, rowNos: readonly number[]): void {
  const refused: string[] = [];
  for (const rowNo of rowNos) {
    const finding = statutoryFinding(state.findingsOf(rowNo));
    if (finding) refused.push(`第 ${rowNo} 行：${finding.message}`);
  }
  if (refused.length === 0) return;
  const more = refused.length > 3 ? `（等 ${refused.length} 张）` : '';
  throw new AppError('BAD_INPUT', `以下发票依政策规定不得认定，评审决定不能改变：${refused.slice(0, 3).join('；')}${more}。如申报表数据有误，请登记更正并注明附件页码`);
}

/**
 * Runs the checks on a project, applies the reviewers' decisions and computes verified investment
 * and award. The checks run once per project and data version: the computed state is cached, and a
 * decision updates only what it changes (see review-state.ts) instead of verifying again.
 */
export function createVerificationService(ctx: CoreContext, catalogue: RuleSetCatalogue, einvoices: EInvoiceCache) {
  const loader = createProjectLoader(ctx.db);
  const decisions = createDecisionStore(ctx.db);
  const correctionStore = createCorrectionStore(ctx.db);
  const panelRecords = createPanelRecords(ctx.db);
  const inspections = createInspectionStore(ctx.db);
  const checklists = createChecklistSource(ctx.db, einvoices);
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
   * commit by another connection (data_version) — duplicates are searched across all batches —, an
   * advance or a condition confirmed (they change the award), an on-site observation (it raises findings).
   */
  const dataVersion = () =>
    `${String(ctx.db.pragma('data_version', { simple: true }))}:${String(lastImport.get()?.id ?? 0)}:${String(panelRecordsRevision(ctx.db))}:${String(inspectionRevision(ctx.db))}`;

  async function compute(batchId: string, projectId: string, reviewerId: string): Promise<Computation> {
    const loaded = loader.load(batchId, projectId);
    const batch = batchOf.get(batchId);
    if (!loaded || !batch) throw new AppError('NOT_FOUND', `批次「${batchId}」中没有项目「${projectId}」`);
    // The checks run on the reviewer's corrected values (更正); the loaded rows stay as read.
    const corrections = correctionStore.forProject(batchId, projectId, reviewerId);
    const occurrenceOf = (rowNo: number) => loaded.occurrences.get(rowNo) ?? 1;
    const corrected = applyCorrections(loaded, corrections, occurrenceOf);
    const ruleSet = catalogue.all().get(batch.policy)?.ruleSet;
    const project = checkedProject(loaded, { batchId, projectId }, await einvoices.readAll(loaded.attachments), corrected);
    const elsewhere = loader.duplicatesElsewhere(loaded.pk);
    const index = indexProject(project);
    const findings = citeFindings(verifyProject(project, { spending: ruleSet?.spending, duplicatesElsewhere: (key) => elsewhere.get(key) ?? [] }, index), ruleSet);
    // What the reviewer saw on site (现场核查) adds findings on the invoices behind each line and on the project.
    const inspection = findingsOfReviewer(inspections, checklists.fromProject(loaded, project), batchId, projectId, reviewerId);
    for (const [rowNo, list] of inspection.invoices) findings.invoices.get(rowNo)?.push(...list);
    return { loaded, ruleSet, project, index, findings, projectFindings: inspection.project, batch, corrections: correctionDtos(loaded, corrections) };
  }

  function award(c: Computation, investment: string) {
    if (!c.ruleSet) {
      const basis = c.batch.stage === 'acceptance' ? ('verified' as const) : ('planned' as const);
      return {
        award: null,
        ceiling: false,
        message: `本程序没有政策规则「${c.batch.policy}」`,
        trace: [],
        schedule: [],
        awardBasis: basis,
        basisInvestment: null,
        disbursement: null,
      };
    }
    return computeProjectAward(c.ruleSet, c.loaded.project, c.batch.stage, investment, panelRecords.awardContext(c.ruleSet, c.project.batchId, c.project.projectId));
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
    const state = compute(batchId, projectId, reviewerId).then((c) =>
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
    if (kind === 'accept' || kind === 'reduce') refuseStatutory(state, rowNos);
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
      // A reduction also records what was cut, so the 操作记录 says 「核减 Y 元，认定 X 元」.
      const reducedFrom = kind === 'reduce' && amount !== undefined ? byRow.get(rowNos[0] ?? 0)?.amount : undefined;
      audit.record({
        action: `invoice-${kind}`,
        subject: `project:${batchId}/${projectId}`,
        details: {
          rows: rowNos.length,
          invoices: rowNos.slice(0, 50).map((r) => byRow.get(r)?.key),
          amount,
          reason,
          ...(reducedFrom !== undefined && amount !== undefined ? { cut: subtractMoney(reducedFrom, amount) } : {}),
        },
      });
    })();
    return state.apply(changes);
  }

  /** For the CLI: every invoice without an error finding (or one waiting for confirmation) counted as accepted; decisions are not consulted. */
  async function verifyBatchAssumingClean(batchId: string): Promise<BatchVerification> {
    if (!batchOf.get(batchId)) throw new AppError('NOT_FOUND', `没有评审批次「${batchId}」`);
    const projects: BatchVerification['projects'] = [];
    for (const { project_id: projectId } of projectIds.all(batchId)) {
      const c = await compute(batchId, projectId, decidingReviewer());
      const assumed = new Map<number, InvoiceDecision>();
      for (const invoice of c.project.invoices) {
        const decision = effectiveDecision(c.findings.invoices.get(invoice.rowNo) ?? [], undefined);
        if (decision) assumed.set(invoice.rowNo, decision);
      }
      const verified = createInvestmentCalculator(c.project, c.ruleSet?.spending, c.index).compute(assumed);
      const projectAward = award(c, verified.total);
      projects.push({
        id: projectId,
        claimed: sumMoney(c.project.invoices.map((i) => i.amount)),
        verifiedInvestment: verified.total,
        award: projectAward.award,
        awardBasis: projectAward.awardBasis,
        awardIsCeiling: projectAward.ceiling,
        dueAtStage: projectAward.disbursement?.dueAtStage ?? null,
        invoices: c.project.invoices.map((i) => ({ key: i.key, findings: c.findings.invoices.get(i.rowNo) ?? [] })),
        payments: c.project.payments.map((p) => ({ voucher: p.voucherNo, rowNo: p.rowNo, findings: c.findings.payments.get(p.rowNo) ?? [] })),
        corrections: c.corrections,
        findings: c.projectFindings,
      });
    }
    return { projects };
  }

  /**
   * Records (or with value null withdraws) the own reviewer's correction of one field and answers the
   * project verified again: a correction changes findings, so the cached state is dropped.
   */
  async function correct(input: CorrectionInput): Promise<ProjectVerification> {
    const own = acting.require();
    const { batchId, projectId } = input;
    const loaded = loader.load(batchId, projectId);
    if (!loaded) throw new AppError('NOT_FOUND', `批次「${batchId}」中没有项目「${projectId}」`);
    const target = locateCorrectionTarget(loaded, input);
    const spec = findCorrectableField(input.target, input.field);
    if (!spec) {
      const problem = normalizeCorrectionValue(input.target, input.field, '');
      throw new AppError('BAD_INPUT', problem.ok ? `「${input.field}」不能更正` : problem.message);
    }
    const key = { target: input.target, targetKey: target.key, occurrence: target.occurrence, field: spec.field };
    if (input.value === null) {
      ctx.db.transaction(() => {
        if (!correctionStore.withdraw(batchId, projectId, own.id, key)) throw new AppError('NOT_FOUND', `${target.label}的${spec.label}没有更正可撤销`);
        audit.record({ action: 'record-correction-withdraw', subject: `project:${batchId}/${projectId}`, details: { ...key, field: spec.label } });
      })();
    } else {
      const normal = normalizeCorrectionValue(input.target, spec.field, input.value);
      if (!normal.ok) throw new AppError('BAD_INPUT', `${target.label}：${normal.message}`);
      const oldValue = fieldValue(target.row, spec.field);
      if (normal.value === oldValue) throw new AppError('BAD_INPUT', `${target.label}的${spec.label}已是「${oldValue}」，无需更正`);
      const evidence = checkEvidence(loaded, input.evidence ?? '');
      const correction = { ...key, oldValue, newValue: normal.value, reason: input.reason, evidence, reviewer: own.name, correctedAt: ctx.now().toISOString() };
      ctx.db.transaction(() => {
        correctionStore.save(batchId, projectId, own.id, correction);
        audit.record({
          action: 'record-correction',
          subject: `project:${batchId}/${projectId}`,
          details: { ...key, field: spec.label, oldValue, newValue: normal.value, reason: input.reason, evidence },
        });
      })();
    }
    cache.delete(`${batchId}\u0000${projectId}\u0000${own.id}`);
    return verify(batchId, projectId);
  }

  return { verify, decide, verifyBatchAssumingClean, correct };
}

export type VerificationService = ReturnType<typeof createVerificationService>;
