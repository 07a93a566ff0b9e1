import type Database from 'better-sqlite3';
import { Dec } from '@shared/domain/decimal';
import { formatPoints } from '@shared/scoring/half-points';
import type { RecusalKind } from '@shared/scoring/recusal';
import type { Verdict } from '@shared/scoring/verdict';

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

// Scores are integer half points at rest, exact like money in fen.
const toHalves = (score: string) => new Dec(score).times(2).toNumber();
const fromHalves = (halves: number) => formatPoints(new Dec(halves).dividedBy(2));

interface RecusalRow {
  projectId: string;
  reviewerId: string;
  kind: RecusalKind | 'none';
  note: string;
}
interface SheetRow {
  projectId: string;
  reviewerId: string;
  rubricHash: string;
  verdict: Verdict | null;
  opinion: string;
  updatedAt: string;
}
interface ItemRow {
  projectId: string;
  reviewerId: string;
  itemId: string;
  halves: number | null;
  comment: string;
  attachment: string | null;
  page: number | null;
}

/**
 * Score sheets, item scores and recusals of every reviewer of a batch. Each change is one small
 * write in its own transaction (autosave); sheets are keyed by the batch's and project's natural
 * ids, so re-importing a package never touches them.
 */
export function createScoreStore(db: Database.Database, now: () => Date) {
  const recusalsOf = db.prepare<[string], RecusalRow>('SELECT project_id AS projectId, reviewer_id AS reviewerId, kind, note FROM recusals WHERE batch_id = ?');
  const sheetsOf = db.prepare<[string], SheetRow>(
    'SELECT project_id AS projectId, reviewer_id AS reviewerId, rubric_hash AS rubricHash, verdict, opinion, updated_at AS updatedAt FROM project_scores WHERE batch_id = ?',
  );
  const itemsOf = db.prepare<[string], ItemRow>(
    'SELECT project_id AS projectId, reviewer_id AS reviewerId, item_id AS itemId, score_halves AS halves, comment, attachment, page FROM item_scores WHERE batch_id = ?',
  );
  const upsertRecusal = db.prepare(`
    INSERT INTO recusals (batch_id, project_id, reviewer_id, kind, note, declared_at) VALUES (@batchId, @projectId, @reviewerId, @kind, @note, @at)
    ON CONFLICT (batch_id, project_id, reviewer_id) DO UPDATE SET kind = excluded.kind, note = excluded.note, declared_at = excluded.declared_at`);
  const ensureSheet = db.prepare(`
    INSERT INTO project_scores (batch_id, project_id, reviewer_id, rubric_hash, updated_at) VALUES (@batchId, @projectId, @reviewerId, @rubricHash, @at)
    ON CONFLICT (batch_id, project_id, reviewer_id) DO UPDATE SET rubric_hash = excluded.rubric_hash, updated_at = excluded.updated_at`);
  const setVerdict = db.prepare(
    'UPDATE project_scores SET verdict = @verdict, opinion = @opinion, updated_at = @at WHERE batch_id = @batchId AND project_id = @projectId AND reviewer_id = @reviewerId',
  );
  const upsertItem = db.prepare(`
    INSERT INTO item_scores (batch_id, project_id, reviewer_id, item_id, score_halves, comment, attachment, page, updated_at)
    VALUES (@batchId, @projectId, @reviewerId, @itemId, @halves, @comment, @attachment, @page, @at)
    ON CONFLICT (batch_id, project_id, reviewer_id, item_id) DO UPDATE SET score_halves = excluded.score_halves, comment = excluded.comment,
      attachment = excluded.attachment, page = excluded.page, updated_at = excluded.updated_at`);
  const deleteItem = db.prepare('DELETE FROM item_scores WHERE batch_id = ? AND project_id = ? AND reviewer_id = ? AND item_id = ?');
  const deleteSheets = db.prepare('DELETE FROM project_scores WHERE batch_id = ? AND reviewer_id = ?');
  const deleteRecusals = db.prepare('DELETE FROM recusals WHERE batch_id = ? AND reviewer_id = ?');

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
        score: i.halves === null ? null : fromHalves(i.halves),
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
      upsertRecusal.run({ batchId, projectId, reviewerId, kind: recusal?.kind ?? 'none', note: recusal?.note ?? '', at: now().toISOString() });
    },
    saveItem(batchId: string, projectId: string, reviewerId: string, rubricHash: string, before: StoredSheet, change: ItemChange): void {
      const at = now().toISOString();
      ensureSheet.run({ batchId, projectId, reviewerId, rubricHash, at });
      const old = before.items.get(change.itemId);
      const score = change.score === undefined ? (old?.score ?? null) : change.score;
      const comment = change.comment ?? old?.comment ?? '';
      if (score === null && comment === '') {
        deleteItem.run(batchId, projectId, reviewerId, change.itemId);
        return;
      }
      upsertItem.run({
        batchId,
        projectId,
        reviewerId,
        itemId: change.itemId,
        halves: score === null ? null : toHalves(score),
        comment,
        attachment: change.attachment === undefined ? (old?.attachment ?? null) : change.attachment,
        page: change.page === undefined ? (old?.page ?? null) : change.page,
        at,
      });
    },
    saveVerdict(batchId: string, projectId: string, reviewerId: string, rubricHash: string, verdict: Verdict | null, opinion: string): void {
      const at = now().toISOString();
      ensureSheet.run({ batchId, projectId, reviewerId, rubricHash, at });
      setVerdict.run({ batchId, projectId, reviewerId, verdict, opinion, at });
    },
    /** Replaces one reviewer's whole work on a batch (an approved expert file); call inside a transaction. */
    replaceReviewer(batchId: string, reviewerId: string, sheets: readonly Omit<StoredSheet, 'updatedAt' | 'reviewerId'>[], at: string): void {
      deleteSheets.run(batchId, reviewerId);
      deleteRecusals.run(batchId, reviewerId);
      for (const sheet of sheets) {
        const { projectId } = sheet;
        upsertRecusal.run({ batchId, projectId, reviewerId, kind: sheet.recusal?.kind ?? 'none', note: sheet.recusal?.note ?? '', at });
        if (sheet.recusal || sheet.rubricHash === null) continue;
        ensureSheet.run({ batchId, projectId, reviewerId, rubricHash: sheet.rubricHash, at });
        setVerdict.run({ batchId, projectId, reviewerId, verdict: sheet.verdict, opinion: sheet.opinion, at });
        for (const [itemId, item] of sheet.items) {
          upsertItem.run({
            batchId,
            projectId,
            reviewerId,
            itemId,
            halves: item.score === null ? null : toHalves(item.score),
            comment: item.comment,
            attachment: null,
            page: null,
            at,
          });
        }
      }
    },
  };
}

export type ScoreStore = ReturnType<typeof createScoreStore>;
