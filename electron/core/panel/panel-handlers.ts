import type { ApiHandlers } from '@shared/api/contract';
import { auditActionLabel } from '@shared/audit/audit-action';
import { createAuditTrail } from '../audit/audit-trail';
import { verifyStoredAuditChain } from '../audit/audit-chain-store';
import type { CoreContext } from '../core-context';
import { createActingReviewer } from '../reviewers/acting-reviewer';
import { createRubricCatalogue } from '../scoring/rubric-catalogue';
import { createBatchRubrics } from './batch-rubric';
import { createConsolidationService } from './consolidation-service';
import { createExpertFileService } from './expert-file-service';
import { createScoreStore } from './score-store';
import { createScoringService } from './scoring-service';
import { deliverFile } from '../deliver-file';

type PanelHandlers = Pick<
  ApiHandlers,
  | 'getBatchRubric'
  | 'adjustBatchRubric'
  | 'getScoringSheet'
  | 'listScoringProgress'
  | 'setRecusal'
  | 'saveItemScore'
  | 'saveVerdict'
  | 'exportExpertFile'
  | 'previewExpertFileImport'
  | 'applyExpertFileImport'
  | 'discardExpertFileImport'
  | 'getConsolidation'
  | 'setConsolidationMethod'
  | 'getPanelOpinion'
  | 'savePanelOpinion'
  | 'getAuditChainStatus'
>;

export function createPanelServices(ctx: CoreContext) {
  const acting = createActingReviewer(ctx.db);
  const audit = createAuditTrail(ctx.db, ctx.now);
  const rubrics = createBatchRubrics(ctx.db, createRubricCatalogue(ctx.resourcesDir), ctx.now);
  const scores = createScoreStore(ctx.db, ctx.now);
  return {
    scoring: createScoringService(ctx, acting, rubrics, scores, audit),
    expertFiles: createExpertFileService(ctx, acting, rubrics, scores, audit),
    consolidation: createConsolidationService(ctx, acting, rubrics, scores, audit),
  };
}

export function auditChainStatus(ctx: CoreContext) {
  const verdict = verifyStoredAuditChain(ctx.db);
  if (verdict.intact) return { holds: true, entries: verdict.entries, firstBroken: null };
  const { id, at, reason } = verdict.firstBroken;
  const action = ctx.db.prepare<[number], string>('SELECT action FROM audit_log WHERE id = ?').pluck().get(id) ?? '';
  return {
    holds: false,
    entries: verdict.entries,
    firstBroken: { id, at, action, actionLabel: auditActionLabel(action), reason, message: verdict.message },
  };
}

export function createPanelHandlers(ctx: CoreContext): PanelHandlers {
  const { scoring, expertFiles, consolidation } = createPanelServices(ctx);
  return {
    getBatchRubric: ({ batchId }) => scoring.rubric(batchId),
    adjustBatchRubric: ({ batchId, items }) => scoring.adjustRubric(batchId, items),
    getScoringSheet: ({ batchId, projectId }) => scoring.sheet(batchId, projectId),
    listScoringProgress: ({ batchId }) => ({ projects: scoring.progress(batchId) }),
    setRecusal: ({ batchId, projectId, recusal }) => scoring.setRecusal(batchId, projectId, recusal),
    saveItemScore: ({ batchId, projectId, itemId, score, comment, attachment, page }) =>
      scoring.saveItem(batchId, projectId, { itemId, score, comment, attachment, page }),
    saveVerdict: ({ batchId, projectId, verdict, opinion }) => scoring.saveVerdict(batchId, projectId, verdict, opinion),
    exportExpertFile: ({ batchId, passphrase, path }) => {
      const { bytes, version, fileName } = expertFiles.export(batchId, passphrase);
      return { ...deliverFile(bytes, fileName, path), version };
    },
    previewExpertFileImport: ({ path }) => expertFiles.preview(path),
    applyExpertFileImport: ({ importId }) => expertFiles.applyPending(importId),
    discardExpertFileImport: ({ importId }) => expertFiles.discardPending(importId),
    getConsolidation: ({ batchId }) => consolidation.consolidation(batchId),
    setConsolidationMethod: ({ batchId, method, divergencePoints }) => consolidation.setMethod(batchId, method, divergencePoints),
    getPanelOpinion: ({ batchId, projectId }) => consolidation.panelOpinion(batchId, projectId),
    savePanelOpinion: ({ batchId, projectId, verdict, opinion }) => consolidation.savePanelOpinion(batchId, projectId, verdict, opinion),
    getAuditChainStatus: () => auditChainStatus(ctx),
  };
}
