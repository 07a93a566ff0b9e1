import type Database from 'better-sqlite3';
import { AppError } from '@shared/api/errors';
import type { Stage } from '@shared/domain/enums';
import { batchRubricsTable, rubricVersionsTable } from '@shared/records/panel-records';
import type { Rubric } from '@shared/scoring/rubric-schema';
import { prepareInsert, prepareSelect } from '../db/table-statements';
import type { RubricCatalogue, RubricEntry } from '../scoring/rubric-catalogue';

export interface ItemEditInput {
  readonly id: string;
  readonly title: string;
  readonly max: string;
  readonly description: string;
  readonly guidance: { from: string; to: string; text: string }[];
  /** The evidence the item asks for; required for an item the chair adds, kept as is when left out. */
  readonly evidence?: string[];
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
  const chosen = prepareSelect<typeof batchRubricsTable, [string]>(db, batchRubricsTable, 'WHERE batch_id = ?');
  const byHash = prepareSelect<typeof rubricVersionsTable, [string]>(db, rubricVersionsTable, 'WHERE hash = ?');
  // A version is content-addressed: storing it again keeps when and by whom it was first stored.
  const insertVersion = prepareInsert(db, rubricVersionsTable, { conflict: ['hash'], ignore: true });
  const choose = prepareInsert(db, batchRubricsTable, { conflict: ['batch_id'] });

  function storeVersion(entry: RubricEntry, by: string, derivedFrom: string | null = null): void {
    const { rubric, hash } = entry;
    insertVersion.run(
      {},
      { hash, rubricId: rubric.id, version: rubric.version, json: JSON.stringify(rubric), derivedFrom, createdAt: now().toISOString(), createdBy: by },
    );
  }

  function current(batchId: string): BatchRubric {
    const row = chosen.get(batchId);
    const version = row && byHash.get(row.rubricHash);
    if (row && version) return { rubric: JSON.parse(version.json) as Rubric, hash: version.hash, sourceName: '', frozen: row.frozenAt !== null };
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
      const at = now().toISOString();
      choose.run({ batch_id: batchId }, { rubricHash: entry.hash, chosenAt: chosen.get(batchId)?.chosenAt ?? at, frozenAt: at });
      return { rubric: { ...entry, frozen: true }, frozeNow: true };
    },
    /**
     * The chair's rubric: existing items edited (title, maximum, description, guidance, evidence),
     * items left out dropped, items with a new id added (they cite the chair's adjustment as their
     * source). The result gets the next version number and must again sum to 100.
     */
    adjust(batchId: string, items: readonly ItemEditInput[], by: string): BatchRubric {
      const base = current(batchId);
      if (base.frozen) throw new AppError('CONFLICT', '本批次已开始评分，评分标准已冻结，不能再调整；如需不同的评分标准，请在评分前调整');
      const byId = new Map(base.rubric.items.map((item) => [item.id, item]));
      const added = items.filter((item) => !byId.has(item.id));
      const missingEvidence = added.filter((item) => (item.evidence ?? []).length === 0).map((item) => `「${item.title}」`);
      if (missingEvidence.length > 0) throw new AppError('BAD_INPUT', `新增的评分项${missingEvidence.join('、')}须列出评分所依据的佐证材料`);
      const known = new Set(items.map((item) => item.id));
      const day = now().toISOString().slice(0, 10);
      const derived = catalogue.derive(base, {
        edit: Object.fromEntries(
          items.filter((item) => byId.has(item.id)).map(({ id, evidence, ...edit }) => [id, evidence && evidence.length > 0 ? { ...edit, evidence } : edit]),
        ),
        remove: base.rubric.items.filter((item) => !known.has(item.id)).map((item) => item.id),
        add: added.map(({ evidence, ...item }) => ({ ...item, evidence: evidence ?? [], source: `组长于 ${day} 调整评分标准时增设` })),
        order: items.map((item) => item.id),
      });
      // The base is stored first, since the derived version names it.
      storeVersion(base, by);
      storeVersion(derived, by, base.hash);
      choose.run({ batch_id: batchId }, { rubricHash: derived.hash, chosenAt: now().toISOString(), frozenAt: null });
      return { ...derived, frozen: false };
    },
  };
}

export type BatchRubrics = ReturnType<typeof createBatchRubrics>;
