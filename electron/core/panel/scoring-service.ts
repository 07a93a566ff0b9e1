import type { BatchRubricDto, ScoringProgressDto, ScoringSheetDto } from '@shared/api/panel-contract';
import { AppError } from '@shared/api/errors';
import type { ReviewerProfile } from '@shared/identity/reviewer-profile';
import type { RecusalKind } from '@shared/scoring/recusal';
import type { Rubric } from '@shared/scoring/rubric-schema';
import { commentRequired, itemScoreProblem, projectTotal, validateProjectScore } from '@shared/scoring/score-rules';
import type { Verdict } from '@shared/scoring/verdict';
import type { AuditTrail } from '../audit/audit-trail';
import type { CoreContext } from '../core-context';
import type { ActingReviewer } from '../reviewers/acting-reviewer';
import type { BatchRubric, BatchRubrics, ItemEditInput } from './batch-rubric';
import { emptySheet, type ItemChange, type ScoreStore, type StoredSheet } from './score-store';

export function rubricDto(batchId: string, entry: BatchRubric, chair: boolean): BatchRubricDto {
  const { rubric } = entry;
  return {
    batchId,
    rubricId: rubric.id,
    name: rubric.name,
    version: rubric.version,
    frozen: entry.frozen,
    adjustable: chair && !entry.frozen,
    document: rubric.document.title,
    items: rubric.items.map(({ id, title, max, description, guidance, evidence, source }) => ({ id, title, max, description, guidance, evidence, source })),
  };
}

const sheetValues = (sheet: StoredSheet) => ({
  items: Object.fromEntries([...sheet.items].map(([id, item]) => [id, item.score])),
  comments: Object.fromEntries([...sheet.items].map(([id, item]) => [id, item.comment])),
  verdict: sheet.verdict,
  opinion: sheet.opinion,
});

export function progressOf(rubric: Rubric, sheet: StoredSheet): ScoringProgressDto {
  const base = { projectId: sheet.projectId, items: rubric.items.length, verdict: sheet.verdict };
  if (sheet.recusal) return { ...base, state: 'recused', scoredItems: 0, total: null, verdict: null };
  const values = sheetValues(sheet);
  const scoredItems = rubric.items.filter((item) => (values.items[item.id] ?? null) !== null).length;
  const complete = validateProjectScore(rubric, values, { complete: true }).length === 0;
  const state = complete ? 'complete' : scoredItems > 0 || sheet.verdict !== null || sheet.opinion !== '' ? 'in-progress' : 'not-started';
  return { ...base, state, scoredItems, total: projectTotal(rubric, values.items) };
}

/**
 * The own reviewer's scoring: recusal first, then one item at a time (autosave), verdict and opinion.
 * Each change is one transaction with its audit entry; the first score of a batch freezes its rubric.
 */
export function createScoringService(ctx: CoreContext, acting: ActingReviewer, rubrics: BatchRubrics, scores: ScoreStore, audit: AuditTrail) {
  const projectIds = ctx.db.prepare<[string], string>('SELECT project_id FROM projects WHERE batch_id = ? ORDER BY project_id').pluck();
  const projectExists = ctx.db.prepare<[string, string], number>('SELECT 1 FROM projects WHERE batch_id = ? AND project_id = ?').pluck();

  const requireProject = (batchId: string, projectId: string) => {
    if (!projectExists.get(batchId, projectId)) throw new AppError('NOT_FOUND', `批次「${batchId}」中没有项目「${projectId}」`);
  };

  /** The rubric a sheet is shown and checked against: the version it was scored under, else the batch's. */
  const rubricFor = (batchId: string, sheet: StoredSheet): BatchRubric => {
    const current = rubrics.current(batchId);
    return sheet.rubricHash === null || sheet.rubricHash === current.hash
      ? current
      : { rubric: rubrics.rubricOf(sheet.rubricHash), hash: sheet.rubricHash, sourceName: '', frozen: true };
  };

  function sheetDto(batchId: string, projectId: string, reviewer: ReviewerProfile): ScoringSheetDto {
    const sheet = scores.sheet(batchId, projectId, reviewer.id);
    const entry = rubricFor(batchId, sheet);
    const values = sheetValues(sheet);
    return {
      batchId,
      projectId,
      rubric: rubricDto(batchId, entry, reviewer.role === 'chair'),
      recusal: sheet.recusal ?? null,
      recusalDeclared: sheet.recusal !== undefined,
      items: entry.rubric.items.map((item) => {
        const stored = sheet.items.get(item.id);
        const score = stored?.score ?? null;
        return {
          itemId: item.id,
          score,
          comment: stored?.comment ?? '',
          attachment: stored?.attachment ?? null,
          page: stored?.page ?? null,
          commentRequired: score !== null && itemScoreProblem(item, score) === null && commentRequired(item, score),
        };
      }),
      verdict: sheet.verdict,
      opinion: sheet.opinion,
      problems: sheet.recusal
        ? []
        : validateProjectScore(entry.rubric, values, { complete: true }).map((p) => ({ itemId: p.itemId ?? null, field: p.field, message: p.message })),
      progress: progressOf(entry.rubric, sheet),
      updatedAt: sheet.updatedAt,
    };
  }

  /** Scoring needs a declaration first, and none may be a conflict. */
  function scorable(batchId: string, projectId: string, reviewer: ReviewerProfile): StoredSheet {
    requireProject(batchId, projectId);
    const sheet = scores.sheet(batchId, projectId, reviewer.id);
    if (sheet.recusal === undefined) throw new AppError('CONFLICT', `评分前请先对项目「${projectId}」作回避声明（无利害关系或声明回避）`);
    if (sheet.recusal) throw new AppError('FORBIDDEN', `您已声明回避项目「${projectId}」，不能为其评分`);
    return sheet;
  }

  /** Freezes the batch's rubric on the first score, recording it. */
  function frozenRubric(batchId: string, reviewer: ReviewerProfile): BatchRubric {
    const { rubric, frozeNow } = rubrics.freeze(batchId, reviewer.id);
    if (frozeNow)
      audit.record({ action: 'rubric-freeze', subject: `batch:${batchId}`, details: { rubric: rubric.rubric.id, version: rubric.rubric.version, hash: rubric.hash } });
    return rubric;
  }

  const saved = (batchId: string, projectId: string, reviewer: ReviewerProfile) => {
    const dto = sheetDto(batchId, projectId, reviewer);
    return { problems: dto.problems, progress: dto.progress };
  };

  return {
    sheet: (batchId: string, projectId: string) => {
      requireProject(batchId, projectId);
      return sheetDto(batchId, projectId, acting.require());
    },
    progress(batchId: string): ScoringProgressDto[] {
      const reviewer = acting.require();
      const mine = scores.batchSheets(batchId).get(reviewer.id);
      return projectIds.all(batchId).map((projectId) => {
        const sheet = mine?.get(projectId) ?? emptySheet(reviewer.id, projectId);
        return progressOf(rubricFor(batchId, sheet).rubric, sheet);
      });
    },
    setRecusal(batchId: string, projectId: string, recusal: { kind: RecusalKind; note: string } | null): ScoringSheetDto {
      const reviewer = acting.require();
      requireProject(batchId, projectId);
      ctx.db.transaction(() => {
        scores.setRecusal(batchId, projectId, reviewer.id, recusal);
        audit.record({ action: recusal ? 'recusal-declare' : 'recusal-withdraw', subject: `project:${batchId}/${projectId}`, details: recusal ?? { kind: 'none' } });
      })();
      return sheetDto(batchId, projectId, reviewer);
    },
    saveItem(batchId: string, projectId: string, change: ItemChange) {
      const reviewer = acting.require();
      ctx.db.transaction(() => {
        const sheet = scorable(batchId, projectId, reviewer);
        const entry = sheet.rubricHash === null ? frozenRubric(batchId, reviewer) : rubricFor(batchId, sheet);
        const item = entry.rubric.items.find((i) => i.id === change.itemId);
        if (!item) throw new AppError('BAD_INPUT', `评分标准「${entry.rubric.name}」中没有评分项「${change.itemId}」`);
        if (change.score !== undefined && change.score !== null) {
          const problem = itemScoreProblem(item, change.score);
          if (problem) throw new AppError('BAD_INPUT', problem);
        }
        scores.saveItem(batchId, projectId, reviewer.id, entry.hash, sheet, change);
        audit.record({
          action: 'score-record',
          subject: `project:${batchId}/${projectId}`,
          details: { item: change.itemId, itemTitle: item.title, score: change.score, comment: change.comment, rubric: entry.hash },
        });
      })();
      return saved(batchId, projectId, reviewer);
    },
    saveVerdict(batchId: string, projectId: string, verdict: Verdict | null, opinion: string) {
      const reviewer = acting.require();
      ctx.db.transaction(() => {
        const sheet = scorable(batchId, projectId, reviewer);
        const entry = sheet.rubricHash === null ? frozenRubric(batchId, reviewer) : rubricFor(batchId, sheet);
        scores.saveVerdict(batchId, projectId, reviewer.id, entry.hash, verdict, opinion);
        audit.record({ action: 'verdict-record', subject: `project:${batchId}/${projectId}`, details: { verdict, opinion } });
      })();
      return saved(batchId, projectId, reviewer);
    },
    rubric(batchId: string): BatchRubricDto {
      return rubricDto(batchId, rubrics.current(batchId), acting.own()?.role === 'chair');
    },
    adjustRubric(batchId: string, items: readonly ItemEditInput[]): BatchRubricDto {
      const chair = acting.requireChair('调整评分标准');
      return ctx.db.transaction(() => {
        const entry = rubrics.adjust(batchId, items, chair.id);
        audit.record({ action: 'rubric-adjust', subject: `batch:${batchId}`, details: { rubric: entry.rubric.id, version: entry.rubric.version, hash: entry.hash } });
        return rubricDto(batchId, entry, true);
      })();
    },
  };
}

export type ScoringService = ReturnType<typeof createScoringService>;
