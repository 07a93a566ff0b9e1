import type { ConsolidationDto } from '@shared/api/panel-contract';
import { AppError } from '@shared/api/errors';
import { consolidatePanel, DEFAULT_DIVERGENCE_POINTS, type ConsolidationMethod } from '@shared/scoring/consolidate';
import { draftPanelOpinion } from '@shared/scoring/panel-opinion';
import { buildScoreMatrix, type ExpertScoreSheet } from '@shared/scoring/score-matrix';
import type { Verdict } from '@shared/scoring/verdict';
import { batchConsolidationTable, panelOpinionsTable } from '@shared/records/panel-records';
import { prepareInsert, prepareSelect } from '../db/table-statements';
import type { AuditTrail } from '../audit/audit-trail';
import type { CoreContext } from '../core-context';
import type { ActingReviewer } from '../reviewers/acting-reviewer';
import type { BatchRubrics } from './batch-rubric';
import { rubricDto } from './scoring-service';
import type { ScoreStore, StoredSheet } from './score-store';

/**
 * The chair's consolidation (汇总) of a batch from every reviewer's sheets held here (own and merged
 * expert files): the matrix, the figures side by side, the chosen method, divergence, ranking and
 * the panel opinion. Recused reviewers are listed but counted nowhere; a reviewer recused from a
 * project does not see that project's panel scores.
 */
export function createConsolidationService(ctx: CoreContext, acting: ActingReviewer, rubrics: BatchRubrics, scores: ScoreStore, audit: AuditTrail) {
  const db = ctx.db;
  const projects = db.prepare<[string], { id: string; name: string }>('SELECT project_id AS id, name FROM projects WHERE batch_id = ? ORDER BY project_id');
  const reviewers = db.prepare<[], { id: string; name: string; organization: string; kind: string }>(
    "SELECT id, name, organization, kind FROM reviewers WHERE kind IN ('own', 'panel')",
  );
  const settingsOf = prepareSelect<typeof batchConsolidationTable, [string]>(db, batchConsolidationTable, 'WHERE batch_id = ?');
  const saveSettings = prepareInsert(db, batchConsolidationTable, { conflict: ['batch_id'] });
  const opinionOf = prepareSelect<typeof panelOpinionsTable, [string, string]>(db, panelOpinionsTable, 'WHERE batch_id = ? AND project_id = ?');
  const saveOpinion = prepareInsert(db, panelOpinionsTable, { conflict: ['batch_id', 'project_id'] });
  const projectExists = db.prepare<[string, string], number>('SELECT 1 FROM projects WHERE batch_id = ? AND project_id = ?').pluck();

  const settings = (batchId: string) => settingsOf.get(batchId) ?? { method: 'mean' as const, divergencePoints: DEFAULT_DIVERGENCE_POINTS };

  /** Reviewers with a sheet in the batch, own first, then by name. */
  function panelOf(batchId: string) {
    const sheets = scores.batchSheets(batchId);
    const members = reviewers
      .all()
      .filter((r) => sheets.has(r.id))
      .sort((a, b) => Number(b.kind === 'own') - Number(a.kind === 'own') || a.name.localeCompare(b.name, 'zh'));
    return { sheets, members };
  }

  function draftFor(batchId: string, projectId: string, panel = panelOf(batchId)) {
    return draftPanelOpinion(
      panel.members.flatMap((m) => {
        const sheet = panel.sheets.get(m.id)?.get(projectId);
        return sheet ? [{ name: m.name, recused: (sheet.recusal ?? null) !== null, verdict: sheet.verdict, opinion: sheet.opinion }] : [];
      }),
    );
  }

  function consolidation(batchId: string): ConsolidationDto {
    const entry = rubrics.current(batchId);
    const { rubric } = entry;
    const { method, divergencePoints } = settings(batchId);
    const panel = panelOf(batchId);
    const ownId = acting.own()?.id;
    const list = projects.all(batchId);
    const matrices = new Map(
      list.map((p) => {
        const sheets = new Map<string, ExpertScoreSheet>();
        for (const m of panel.members) {
          const sheet = panel.sheets.get(m.id)?.get(p.id);
          if (!sheet) continue;
          sheets.set(m.id, { recused: (sheet.recusal ?? null) !== null, items: Object.fromEntries([...sheet.items].map(([id, item]) => [id, item.score])) });
        }
        return [p.id, buildScoreMatrix(rubric, sheets)];
      }),
    );
    const figures = consolidatePanel(
      list.map((p) => ({ id: p.id, scores: matrices.get(p.id)?.totals ?? {} })),
      { method, divergencePoints },
    );
    const byProject = new Map(figures.projects.map((f) => [f.id, f]));
    return {
      batchId,
      method,
      divergencePoints,
      rubric: rubricDto(batchId, entry, acting.own()?.role === 'chair'),
      experts: panel.members.map((m) => ({ id: m.id, name: m.name, organization: m.organization, own: m.kind === 'own' })),
      panelMean: figures.panelMean,
      panelStandardDeviation: figures.panelStandardDeviation,
      projects: list.map((p) => {
        const f = byProject.get(p.id);
        const matrix = matrices.get(p.id);
        const sheetOf = (expertId: string): StoredSheet | undefined => panel.sheets.get(expertId)?.get(p.id);
        const hidden = ownId !== undefined && (sheetOf(ownId)?.recusal ?? null) !== null;
        const saved = opinionOf.get(batchId, p.id);
        const draft = draftFor(batchId, p.id, panel);
        const figure = f ? f[method] : null;
        const empty = {
          mean: null,
          trimmedMean: null,
          median: null,
          spread: null,
          normalised: null,
          figure: null,
          rank: null,
          divergent: [],
          distribution: [],
          rows: [],
        };
        const base = {
          projectId: p.id,
          projectName: p.name,
          hidden,
          panelOpinion: saved ? { verdict: saved.verdict, opinion: saved.opinion, saved: true } : { verdict: draft.verdict, opinion: draft.text, saved: false },
        };
        if (hidden || !f || !matrix) return { ...base, ...empty };
        return {
          ...base,
          rows: matrix.rows.map((row) => {
            const sheet = sheetOf(row.expert);
            return {
              expertId: row.expert,
              recusal: sheet?.recusal ?? null,
              items: row.items,
              total: row.total,
              counted: matrix.totals[row.expert] !== null && matrix.totals[row.expert] !== undefined,
              verdict: sheet?.recusal ? null : (sheet?.verdict ?? null),
              opinion: sheet?.recusal ? '' : (sheet?.opinion ?? ''),
              normalised: f.normalisedByExpert[row.expert] ?? null,
            };
          }),
          mean: f.mean,
          trimmedMean: f.trimmedMean,
          median: f.median,
          spread: f.spread,
          normalised: f.normalised,
          figure,
          rank: f.rank,
          divergent: f.divergent.map((d) => ({
            expertId: d.expert,
            total: d.total,
            median: d.median,
            distance: d.distance,
            comments: [...(sheetOf(d.expert)?.items ?? [])].filter(([, item]) => item.comment !== '').map(([itemId, item]) => ({ itemId, comment: item.comment })),
          })),
          distribution: Object.values(matrix.totals).filter((t): t is string => t !== null),
        };
      }),
    };
  }

  return {
    consolidation,
    setMethod(batchId: string, method: ConsolidationMethod, divergencePoints: string): ConsolidationDto {
      const chair = acting.requireChair('选定汇总方法');
      rubrics.current(batchId);
      db.transaction(() => {
        saveSettings.run({ batch_id: batchId }, { method, divergencePoints, chosenBy: chair.id, chosenAt: ctx.now().toISOString() });
        audit.record({ action: 'consolidation-method', subject: `batch:${batchId}`, details: { method, divergencePoints } });
      })();
      return consolidation(batchId);
    },
    panelOpinion(batchId: string, projectId: string) {
      if (!projectExists.get(batchId, projectId)) throw new AppError('NOT_FOUND', `批次「${batchId}」中没有项目「${projectId}」`);
      const draft = draftFor(batchId, projectId);
      const stored = opinionOf.get(batchId, projectId);
      const saved = stored ? { verdict: stored.verdict, opinion: stored.opinion, savedAt: stored.savedAt } : null;
      return { batchId, projectId, draft: { verdict: draft.verdict, opinion: draft.text }, saved };
    },
    savePanelOpinion(batchId: string, projectId: string, verdict: Verdict, opinion: string) {
      const chair = acting.requireChair('填写专家组意见');
      if (!projectExists.get(batchId, projectId)) throw new AppError('NOT_FOUND', `批次「${batchId}」中没有项目「${projectId}」`);
      db.transaction(() => {
        saveOpinion.run({ batch_id: batchId }, { projectId, verdict, opinion, savedBy: chair.id, savedAt: ctx.now().toISOString() });
        audit.record({ action: 'panel-opinion', subject: `project:${batchId}/${projectId}`, details: { verdict, opinion } });
      })();
      return this.panelOpinion(batchId, projectId);
    },
  };
}

export type ConsolidationService = ReturnType<typeof createConsolidationService>;
