import type Database from 'better-sqlite3';
import { itemScoresTable, projectScoresTable, recusalsTable } from '@shared/records/panel-records';
import type { RecusalKind } from '@shared/scoring/recusal';
import type { Verdict } from '@shared/scoring/verdict';
import { prepareDelete, prepareInsert, prepareSelect } from '../db/table-statements';

/** One reviewer's declaration and work on one project, as stored (migration 7). */
export interface StoredSheet {
  readonly reviewerId: string;
  readonly projectId: string;
  /** undefined: nothing declared yet; null: declared no conflict (无利害关系). */
  readonly recusal: { kind: RecusalKind; note: string } | null | undefined;
  readonly rubricHash: string | null;
  readonly items: ReadonlyMap<string, { score: string | null; comment: string; attachment: string | null; page: number | null }>;
  readonly verdict: Verdict | null;
  readonly opinion: string;
  readonly updatedAt: string | null;
}

/** A sheet nobody has written yet: no recusal declared, no score. */
export function emptySheet(reviewerId: string, projectId: string): StoredSheet {
  return { reviewerId, projectId, recusal: undefined, rubricHash: null, items: new Map(), verdict: null, opinion: '', updatedAt: null };
}

export interface ItemChange {
  readonly itemId: string;
  /** undefined: leave as is; null: clear the score. */
  readonly score?: string | null;
  readonly comment?: string;
  readonly attachment?: string | null;
  readonly page?: number | null;
}

/**
 * Score sheets, item scores and recusals of every reviewer of a batch (declared in
 * shared/records/panel-records.ts). Each change is one small write in its own transaction
 * (autosave); sheets are keyed by the batch's and project's natural ids, so re-importing a package
 * never touches them.
 */
export function createScoreStore(db: Database.Database, now: () => Date) {
  const byBatch = 'WHERE batch_id = ?';
  const recusalsOf = prepareSelect<typeof recusalsTable, [string]>(db, recusalsTable, byBatch);
  const sheetsOf = prepareSelect<typeof projectScoresTable, [string]>(db, projectScoresTable, byBatch);
  const itemsOf = prepareSelect<typeof itemScoresTable, [string]>(db, itemScoresTable, byBatch);
  const upsertRecusal = prepareInsert(db, recusalsTable, { conflict: ['batch_id', 'project_id', 'reviewer_id'] });
  const upsertSheet = prepareInsert(db, projectScoresTable, { conflict: ['batch_id', 'project_id', 'reviewer_id'] });
  const upsertItem = prepareInsert(db, itemScoresTable, { conflict: ['batch_id', 'project_id', 'reviewer_id', 'item_id'] });
  const deleteItem = prepareDelete<[string, string, string, string]>(db, itemScoresTable, 'WHERE batch_id = ? AND project_id = ? AND reviewer_id = ? AND item_id = ?');
  // Item scores go with their sheet (ON DELETE CASCADE).
  const deleteSheets = prepareDelete<[string, string]>(db, projectScoresTable, 'WHERE batch_id = ? AND reviewer_id = ?');
  const deleteRecusals = prepareDelete<[string, string]>(db, recusalsTable, 'WHERE batch_id = ? AND reviewer_id = ?');

  const recusalRecord = (projectId: string, reviewerId: string, recusal: { kind: RecusalKind; note: string } | null, at: string) => ({
    projectId,
    reviewerId,
    kind: recusal?.kind ?? ('none' as const),
    note: recusal?.note ?? '',
    declaredAt: at,
  });

  /** Every reviewer's sheets of a batch: reviewer id → project id → sheet. */
  function batchSheets(batchId: string): Map<string, Map<string, StoredSheet>> {
    const result = new Map<string, Map<string, StoredSheet>>();
    type Mutable = { -readonly [K in keyof StoredSheet]: StoredSheet[K] } & {
      items: Map<string, { score: string | null; comment: string; attachment: string | null; page: number | null }>;
    };
    const sheetFor = (reviewerId: string, projectId: string): Mutable => {
      const byProject = result.get(reviewerId) ?? new Map<string, StoredSheet>();
      result.set(reviewerId, byProject);
      let sheet = byProject.get(projectId) as Mutable | undefined;
      if (!sheet) {
        sheet = { reviewerId, projectId, recusal: undefined, rubricHash: null, items: new Map(), verdict: null, opinion: '', updatedAt: null };
        byProject.set(projectId, sheet);
      }
      return sheet;
    };
    for (const r of recusalsOf.all(batchId)) sheetFor(r.reviewerId, r.projectId).recusal = r.kind === 'none' ? null : { kind: r.kind, note: r.note };
    for (const s of sheetsOf.all(batchId))
      Object.assign(sheetFor(s.reviewerId, s.projectId), { rubricHash: s.rubricHash, verdict: s.verdict, opinion: s.opinion, updatedAt: s.updatedAt });
    for (const i of itemsOf.all(batchId)) {
      sheetFor(i.reviewerId, i.projectId).items.set(i.itemId, {
        score: i.score,
        comment: i.comment,
        attachment: i.attachment,
        page: i.page,
      });
    }
    return result;
  }

  return {
    batchSheets,
    sheet(batchId: string, projectId: string, reviewerId: string): StoredSheet {
      return batchSheets(batchId).get(reviewerId)?.get(projectId) ?? emptySheet(reviewerId, projectId);
    },
    setRecusal(batchId: string, projectId: string, reviewerId: string, recusal: { kind: RecusalKind; note: string } | null): void {
      upsertRecusal.run({ batch_id: batchId }, recusalRecord(projectId, reviewerId, recusal, now().toISOString()));
    },
    saveItem(batchId: string, projectId: string, reviewerId: string, rubricHash: string, before: StoredSheet, change: ItemChange): void {
      const updatedAt = now().toISOString();
      const scope = { batch_id: batchId };
      // The sheet keeps its verdict and opinion as read in the same transaction.
      upsertSheet.run(scope, { projectId, reviewerId, rubricHash, verdict: before.verdict, opinion: before.opinion, updatedAt });
      const old = before.items.get(change.itemId);
      const score = change.score === undefined ? (old?.score ?? null) : change.score;
      const comment = change.comment ?? old?.comment ?? '';
      if (score === null && comment === '') {
        deleteItem.run(batchId, projectId, reviewerId, change.itemId);
        return;
      }
      upsertItem.run(scope, {
        projectId,
        reviewerId,
        itemId: change.itemId,
        score,
        comment,
        attachment: change.attachment === undefined ? (old?.attachment ?? null) : change.attachment,
        page: change.page === undefined ? (old?.page ?? null) : change.page,
        updatedAt,
      });
    },
    saveVerdict(batchId: string, projectId: string, reviewerId: string, rubricHash: string, verdict: Verdict | null, opinion: string): void {
      upsertSheet.run({ batch_id: batchId }, { projectId, reviewerId, rubricHash, verdict, opinion, updatedAt: now().toISOString() });
    },
    /** Replaces one reviewer's whole work on a batch (an approved expert file); call inside a transaction. */
    replaceReviewer(batchId: string, reviewerId: string, sheets: readonly Omit<StoredSheet, 'updatedAt' | 'reviewerId'>[], at: string): void {
      deleteSheets.run(batchId, reviewerId);
      deleteRecusals.run(batchId, reviewerId);
      const scope = { batch_id: batchId };
      for (const sheet of sheets) {
        const { projectId } = sheet;
        upsertRecusal.run(scope, recusalRecord(projectId, reviewerId, sheet.recusal ?? null, at));
        if (sheet.recusal || sheet.rubricHash === null) continue;
        upsertSheet.run(scope, { projectId, reviewerId, rubricHash: sheet.rubricHash, verdict: sheet.verdict, opinion: sheet.opinion, updatedAt: at });
        for (const [itemId, item] of sheet.items) {
          upsertItem.run(scope, { projectId, reviewerId, itemId, score: item.score, comment: item.comment, attachment: null, page: null, updatedAt: at });
        }
      }
    },
  };
}

export type ScoreStore = ReturnType<typeof createScoreStore>;
