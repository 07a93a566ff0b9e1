import type Database from 'better-sqlite3';
import { AppError } from '@shared/api/errors';
import type { Stage } from '@shared/domain/enums';
import type { Rubric } from '@shared/scoring/rubric-schema';
import type { RubricCatalogue, RubricEntry } from '../scoring/rubric-catalogue';

export interface ItemEditInput {
  readonly id: string;
  readonly title: string;
  readonly max: string;
  readonly description: string;
  readonly guidance: { from: string; to: string; text: string }[];
}

export interface BatchRubric extends RubricEntry {
  readonly frozen: boolean;
}

/**
 * The rubric a batch is scored against (tables rubric_versions, batch_rubrics). Until stored, it is
 * the catalogue's default for the batch's rule set and stage; the chair may adjust it until the first
 * score is recorded, which freezes it. Every score sheet names the hash of the version it was given under.
 */
export function createBatchRubrics(db: Database.Database, catalogue: RubricCatalogue, now: () => Date) {
  const batchOf = db.prepare<[string], { policy: string; stage: Stage }>('SELECT policy, stage FROM batches WHERE id = ?');
  const stored = db.prepare<[string], { json: string; hash: string; frozenAt: string | null }>(
    'SELECT v.json, v.hash, b.frozen_at AS frozenAt FROM batch_rubrics b JOIN rubric_versions v ON v.hash = b.rubric_hash WHERE b.batch_id = ?',
  );
  const byHash = db.prepare<[string], { json: string }>('SELECT json FROM rubric_versions WHERE hash = ?');
  const insertVersion = db.prepare(
    'INSERT INTO rubric_versions (hash, rubric_id, version, json, derived_from, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING',
  );
  const choose = db.prepare(
    'INSERT INTO batch_rubrics (batch_id, rubric_hash, chosen_at) VALUES (?, ?, ?) ON CONFLICT (batch_id) DO UPDATE SET rubric_hash = excluded.rubric_hash, chosen_at = excluded.chosen_at WHERE frozen_at IS NULL',
  );
  const freeze = db.prepare('UPDATE batch_rubrics SET frozen_at = ? WHERE batch_id = ? AND frozen_at IS NULL');

  function storeVersion(entry: RubricEntry, by: string): void {
    insertVersion.run(entry.hash, entry.rubric.id, entry.rubric.version, JSON.stringify(entry.rubric), null, now().toISOString(), by);
  }

  function current(batchId: string): BatchRubric {
    const row = stored.get(batchId);
    if (row) return { rubric: JSON.parse(row.json) as Rubric, hash: row.hash, sourceName: '', frozen: row.frozenAt !== null };
    const batch = batchOf.get(batchId);
    if (!batch) throw new AppError('NOT_FOUND', `没有评审批次「${batchId}」`);
    return { ...catalogue.choose(batch.policy, batch.stage), frozen: false };
  }

  return {
    current,
    rubricOf(hash: string): Rubric {
      const row = byHash.get(hash);
      if (!row) throw new Error(`rubric version ${hash} is not stored`);
      return JSON.parse(row.json) as Rubric;
    },
    /** Before the first score: stores the rubric in use and freezes it. Answers whether it froze now. */
    freeze(batchId: string, by: string): { rubric: BatchRubric; frozeNow: boolean } {
      const entry = current(batchId);
      if (entry.frozen) return { rubric: entry, frozeNow: false };
      storeVersion(entry, by);
      choose.run(batchId, entry.hash, now().toISOString());
      freeze.run(now().toISOString(), batchId);
      return { rubric: { ...entry, frozen: true }, frozeNow: true };
    },
    /** Edits of the existing items (title, maximum, description, guidance); items left out are dropped. */
    adjust(batchId: string, items: readonly ItemEditInput[], by: string): BatchRubric {
      const base = current(batchId);
      if (base.frozen) throw new AppError('CONFLICT', '本批次已开始评分，评分标准已冻结，不能再调整');
      const byId = new Map(base.rubric.items.map((item) => [item.id, item]));
      const unknown = items.filter((item) => !byId.has(item.id)).map((item) => item.id);
      if (unknown.length > 0) throw new AppError('BAD_INPUT', `评分标准「${base.rubric.name}」中没有评分项「${unknown.join('、')}」；调整只能修改或删除已有评分项`);
      const known = new Set(items.map((item) => item.id));
      const derived = catalogue.derive(base, {
        edit: Object.fromEntries(items.map(({ id, ...edit }) => [id, edit])),
        remove: base.rubric.items.filter((item) => !known.has(item.id)).map((item) => item.id),
      });
      // The base is stored first, since the derived version names it.
      storeVersion(base, by);
      insertVersion.run(derived.hash, derived.rubric.id, derived.rubric.version, JSON.stringify(derived.rubric), base.hash, now().toISOString(), by);
      choose.run(batchId, derived.hash, now().toISOString());
      return { ...derived, frozen: false };
    },
  };
}

export type BatchRubrics = ReturnType<typeof createBatchRubrics>;
