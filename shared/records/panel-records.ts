import { z } from 'zod';
import { Dec } from '../domain/decimal';
import { CONSOLIDATION_METHODS } from '../scoring/consolidate';
import { formatPoints } from '../scoring/half-points';
import { VERDICTS } from '../scoring/verdict';
import { code, column, defineTable, int, plain, text, type RecordOf } from './table';

/*
 * The panel's records (tables of migration 0007), declared once like the package records in
 * stored-records.ts: scores, recusals, rubric versions, expert files and the chair's settings.
 * Like invoice decisions they are placed by the batch's and project's natural ids (scope columns).
 */

/**
 * An item score: a decimal string in records and the API ("18.5"), integer half points at rest
 * (37) — exact like money in fen, and what the table's CHECK bounds.
 */
export const halfPoints = (db: string) =>
  column(
    db,
    z.string(),
    z.string(),
    (score: string) => new Dec(score).times(2).toNumber(),
    (halves: unknown) => formatPoints(new Dec(halves as number).dividedBy(2)),
    (score: string) => score,
  );

/** Every rubric a batch was scored against, by the SHA-256 of the canonical JSON kept beside it. */
export const rubricVersionsTable = defineTable('rubric_versions', [], {
  hash: text('hash'),
  rubricId: text('rubric_id'),
  version: int('version'),
  json: text('json'),
  /** The version a chair's adjustment started from. */
  derivedFrom: text('derived_from').nullable(),
  createdAt: text('created_at'),
  createdBy: text('created_by'),
});

/** The rubric a batch uses; frozen once scoring starts. */
export const batchRubricsTable = defineTable('batch_rubrics', ['batch_id'], {
  rubricHash: text('rubric_hash'),
  chosenAt: text('chosen_at'),
  frozenAt: text('frozen_at').nullable(),
});

/** 回避声明 of one reviewer on one project; `none` declares no conflict. */
export const recusalsTable = defineTable('recusals', ['batch_id'], {
  projectId: text('project_id'),
  reviewerId: text('reviewer_id'),
  kind: plain('kind', z.enum(['none', 'employer', 'shareholding', 'family', 'cooperation', 'other'])),
  note: text('note'),
  declaredAt: text('declared_at'),
});

/** One reviewer's score sheet on one project: the rubric version it was given under, verdict and opinion. */
export const projectScoresTable = defineTable('project_scores', ['batch_id'], {
  projectId: text('project_id'),
  reviewerId: text('reviewer_id'),
  rubricHash: text('rubric_hash'),
  verdict: code('verdict', VERDICTS).nullable(),
  opinion: text('opinion'),
  updatedAt: text('updated_at'),
});

/** One item of a score sheet; a comment may be typed before the score (score null). */
export const itemScoresTable = defineTable('item_scores', ['batch_id'], {
  projectId: text('project_id'),
  reviewerId: text('reviewer_id'),
  itemId: text('item_id'),
  score: halfPoints('score_halves').nullable(),
  comment: text('comment'),
  attachment: text('attachment').nullable(),
  page: int('page').nullable(),
  updatedAt: text('updated_at'),
});

/** The last expert file applied per batch and expert (its signed content, canonical JSON). */
export const expertFilesTable = defineTable('expert_files', ['batch_id'], {
  reviewerId: text('reviewer_id'),
  version: int('version'),
  fingerprint: text('fingerprint'),
  packageSha256: text('package_sha256'),
  exportedAt: text('exported_at'),
  importedAt: text('imported_at'),
  content: text('content'),
});

/** A checked expert file waiting for the chair's approval of its change list. */
export const pendingExpertFilesTable = defineTable('pending_expert_files', [], {
  id: text('id'),
  batchId: text('batch_id'),
  reviewerId: text('reviewer_id'),
  version: int('version'),
  file: text('file'),
  checkedAt: text('checked_at'),
});

/** The own reviewer's export counter per batch. */
export const expertFileExportsTable = defineTable('expert_file_exports', ['batch_id'], {
  version: int('version'),
  exportedAt: text('exported_at'),
});

/** The chair's consolidation settings per batch. */
export const batchConsolidationTable = defineTable('batch_consolidation', ['batch_id'], {
  method: code('method', CONSOLIDATION_METHODS),
  /** A decimal string of points (default 15). */
  divergencePoints: text('divergence_points'),
  chosenBy: text('chosen_by'),
  chosenAt: text('chosen_at'),
});

/** 专家组意见 per project, as the chair saved it. */
export const panelOpinionsTable = defineTable('panel_opinions', ['batch_id'], {
  projectId: text('project_id'),
  verdict: code('verdict', VERDICTS),
  opinion: text('opinion'),
  savedBy: text('saved_by'),
  savedAt: text('saved_at'),
});

export type RubricVersionRecord = RecordOf<typeof rubricVersionsTable.columns>;
export type RecusalRecord = RecordOf<typeof recusalsTable.columns>;
export type ProjectScoreRecord = RecordOf<typeof projectScoresTable.columns>;
export type ItemScoreRecord = RecordOf<typeof itemScoresTable.columns>;
