import type { ProjectInspection } from '@shared/api/inspection-contract';
import type { ProjectVerification } from '@shared/api/verification-contract';
import { AppError } from '@shared/api/errors';
import type { Stage } from '@shared/codes/codes';
import type { CoreContext } from '../core-context';
import { createReviewerStore } from '../identity/reviewer-store';
import { createOrganisationCertificateStore } from '../identity/organisation-certificate';
import { unlockSigningKey, type SigningKey } from '../identity/reviewer-identity';
import type { RuleSetCatalogue } from '../rules/rule-set-catalogue';
import { createProjectLoader } from '../verification/load-project';
import { computeProjectAward, type ProjectAward } from '../verification/project-award';
import { createPanelRecords } from '../verification/panel-records';
import { createProjectChecklists } from '../verification/checklist-handlers';
import { acceptanceContent, batchFacts, expertContent, projectFacts } from './report-data';
import { inspectionRecord } from './inspection-record';
import { openItems, type ExpertForm, type PanelOutcome, type ReportContent, type ReportKind, type SummaryContent } from './report-model';
import { renderReport, type RenderedReport } from './render-report';
import { signPdf } from './signing/sign-pdf';

/**
 * Where the panel's part of a report comes from: the experts' scores, recusals and the panel's
 * consolidated verdict. Until a project is scored these return null and the report is a draft
 * that says 尚未评分.
 */
export interface PanelSource {
  panelOutcome(batchId: string, projectId: string): PanelOutcome | null;
  /** The data folder's own reviewer's form on the project. */
  expertForm(batchId: string, projectId: string): ExpertForm | null;
  /** 现场核查: the checklist with every reviewer's observations (the experts' from their files). */
  inspection?(batchId: string, projectId: string): Promise<ProjectInspection | null>;
  /** A photo's stored downscaled copy, by the SHA-256 of its original. */
  photoThumbnail?(sha256: string): Buffer | undefined;
}

export const PANEL_NOT_SCORED: PanelSource = { panelOutcome: () => null, expertForm: () => null };

/** The data folder's reviewer as a signer: their certificate, and their key once the passphrase is given. */
export interface ReportSigner {
  name: string;
  certificatePem: string;
  unlock(passphrase: string): SigningKey;
}

export interface MakeReportRequest {
  kind: ReportKind;
  batchId: string;
  projectId?: string;
  /** Refuse a report that still has open items. */
  final: boolean;
  /** Sign with this key after drawing. */
  key?: SigningKey;
}

export function createReportService(
  ctx: CoreContext,
  catalogue: RuleSetCatalogue,
  verify: (batchId: string, projectId: string) => Promise<ProjectVerification>,
  panel: PanelSource = PANEL_NOT_SCORED,
) {
  const loader = createProjectLoader(ctx.db);
  const panelRecords = createPanelRecords(ctx.db);
  const checklists = createProjectChecklists(ctx, catalogue);
  const reviewers = createReviewerStore(ctx.db);
  const organisationCertificates = createOrganisationCertificateStore(ctx.db);
  const batchRow = ctx.db.prepare<[string], { id: string; name: string; policy: string; stage: Stage }>('SELECT id, name, policy, stage FROM batches WHERE id = ?');
  const projectIds = ctx.db.prepare<[string], { project_id: string }>('SELECT project_id FROM projects WHERE batch_id = ? ORDER BY project_id');

  function batchOf(batchId: string) {
    const batch = batchRow.get(batchId);
    if (!batch) throw new AppError('NOT_FOUND', `没有评审批次「${batchId}」`);
    return { batch, ruleSet: catalogue.all().get(batch.policy)?.ruleSet };
  }

  async function projectSources(batchId: string, projectId: string) {
    const { batch, ruleSet } = batchOf(batchId);
    const loaded = loader.load(batchId, projectId);
    if (!loaded) throw new AppError('NOT_FOUND', `批次「${batchId}」中没有项目「${projectId}」`);
    const verification = await verify(batchId, projectId);
    const award: ProjectAward = ruleSet
      ? computeProjectAward(ruleSet, loaded.project, batch.stage, verification.summary.verifiedInvestment, panelRecords.awardContext(ruleSet, batchId, projectId))
      : {
          award: null,
          ceiling: false,
          message: null,
          trace: [],
          schedule: [],
          awardBasis: verification.summary.awardBasis ?? 'verified',
          basisInvestment: null,
          disbursement: null,
        };
    return { verification, batch: batchFacts(batch, ruleSet), project: projectFacts(loaded.project), award, ruleSet };
  }

  async function acceptance(batchId: string, projectId: string) {
    const sources = await projectSources(batchId, projectId);
    const content = acceptanceContent({ ...sources, panel: panel.panelOutcome(batchId, projectId) });
    const observed = await panel.inspection?.(batchId, projectId);
    const inspection = observed ? inspectionRecord(observed, sources.verification.invoices) : undefined;
    const withInspection = inspection ? { ...content, inspection } : content;
    return sources.ruleSet ? { ...withInspection, checklist: checklists.of(batchId, projectId) } : withInspection;
  }

  async function summary(batchId: string): Promise<SummaryContent> {
    const { batch, ruleSet } = batchOf(batchId);
    const rows: SummaryContent['projects'] = [];
    for (const { project_id: projectId } of projectIds.all(batchId)) {
      const c = await acceptance(batchId, projectId);
      rows.push({
        rank: null,
        id: projectId,
        name: c.project.name,
        applicant: c.project.applicant,
        score: c.panel?.total ?? null,
        verdict: c.panel?.verdict ?? null,
        verifiedInvestment: c.verifiedInvestment,
        award: c.award,
        open: openItems(c),
      });
    }
    // Scored projects by score, highest first (ties share a rank); unscored ones last, unranked.
    const scored = rows.filter((r) => r.score !== null).sort((a, b) => Number(b.score) - Number(a.score) || a.id.localeCompare(b.id));
    scored.forEach((row, i) => {
      const previous = scored[i - 1];
      row.rank = previous && previous.score === row.score ? previous.rank : i + 1;
    });
    return { kind: 'summary', batch: batchFacts(batch, ruleSet), projects: [...scored, ...rows.filter((r) => r.score === null)] };
  }

  async function content(kind: ReportKind, batchId: string, projectId: string | undefined): Promise<ReportContent> {
    if (kind === 'summary') return summary(batchId);
    if (projectId === undefined) throw new AppError('BAD_INPUT', '请指定项目（评审结果汇总表以外的报告针对一个项目）');
    if (kind === 'acceptance') return acceptance(batchId, projectId);
    const s = await projectSources(batchId, projectId);
    return expertContent(s.verification, s.batch, s.project, panel.expertForm(batchId, projectId));
  }

  async function make(request: MakeReportRequest): Promise<RenderedReport & { signed: boolean }> {
    const c = await content(request.kind, request.batchId, request.projectId);
    const open = openItems(c);
    if (request.final && open.length > 0) {
      throw new AppError('CONFLICT', `报告还有未完成的事项，不能作为正式报告生成：\n${open.map((o) => `  - ${o}`).join('\n')}`);
    }
    const createdAt = ctx.now();
    const thumbnails = panel.photoThumbnail?.bind(panel);
    const rendered = await renderReport(c, { createdAt, resourcesDir: ctx.resourcesDir, ...(thumbnails ? { thumbnails } : {}) });
    if (!request.key) return { ...rendered, signed: false };
    return { ...rendered, bytes: await signPdf(rendered.bytes, request.key, createdAt), signed: true };
  }

  /** The data folder's own reviewer as the signer of reports, or undefined when none has been set up. */
  function ownSigner(): ReportSigner | undefined {
    const own = reviewers.own();
    if (!own) return undefined;
    // An imported organisation certificate signs reports in place of the self-made one; the same passphrase opens it.
    const organisation = organisationCertificates.of(own.id);
    if (organisation)
      return { name: organisation.subject || own.name, certificatePem: organisation.certificatePem, unlock: (passphrase) => unlockSigningKey(organisation, passphrase) };
    return { name: own.name, certificatePem: own.certificatePem, unlock: (passphrase) => unlockSigningKey(own, passphrase) };
  }

  return { content, make, ownSigner };
}

export type ReportService = ReturnType<typeof createReportService>;
