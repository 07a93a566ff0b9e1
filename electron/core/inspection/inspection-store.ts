import type Database from 'better-sqlite3';
import {
  indicatorObservationsTable,
  inspectionPhotosTable,
  lineObservationsTable,
  observationPhotosTable,
  type IndicatorObservationRecord,
  type InspectionPhotoRecord,
  type LineObservationRecord,
} from '@shared/records/inspection-records';
import { prepareDelete, prepareInsert, prepareSelect } from '../db/table-statements';

/** A line observation with its photos' hashes in the order shown. */
export interface StoredLineObservation extends LineObservationRecord {
  photos: string[];
}

/**
 * Bumped on every observation written by this process, per database: the verification's cached
 * findings include it in their version (a write by another connection changes SQLite's data_version).
 */
const revisions = new WeakMap<Database.Database, number>();
export function inspectionRevision(db: Database.Database): number {
  return revisions.get(db) ?? 0;
}
const bump = (db: Database.Database) => revisions.set(db, inspectionRevision(db) + 1);

/**
 * The on-site inspection's rows (migration 0010): every reviewer's current observation per line and
 * per indicator, and the photos by hash. Writes belong in the caller's transaction, with their audit
 * entry; the expert file and the chair's merge use the same functions with the expert's id.
 */
export function createInspectionStore(db: Database.Database) {
  const scope = (batchId: string, projectId: string) => ({ batch_id: batchId, project_id: projectId });
  const statements = {
    lines: prepareSelect<typeof lineObservationsTable, [string, string]>(
      db,
      lineObservationsTable,
      'WHERE batch_id = ? AND project_id = ? ORDER BY observed_at, reviewer_id',
    ),
    linePhotos: prepareSelect<typeof observationPhotosTable, [string, string]>(db, observationPhotosTable, 'WHERE batch_id = ? AND project_id = ? ORDER BY position'),
    indicators: prepareSelect<typeof indicatorObservationsTable, [string, string]>(
      db,
      indicatorObservationsTable,
      'WHERE batch_id = ? AND project_id = ? ORDER BY observed_at, reviewer_id',
    ),
    upsertLine: prepareInsert(db, lineObservationsTable, { conflict: ['batch_id', 'project_id', 'line_id', 'reviewer_id'] }),
    insertLinePhoto: prepareInsert(db, observationPhotosTable),
    removeLinePhotos: prepareDelete<[string, string, string, string]>(
      db,
      observationPhotosTable,
      'WHERE batch_id = ? AND project_id = ? AND line_id = ? AND reviewer_id = ?',
    ),
    removeLine: prepareDelete<[string, string, string, string]>(db, lineObservationsTable, 'WHERE batch_id = ? AND project_id = ? AND line_id = ? AND reviewer_id = ?'),
    upsertIndicator: prepareInsert(db, indicatorObservationsTable, { conflict: ['batch_id', 'project_id', 'indicator_id', 'reviewer_id'] }),
    removeIndicator: prepareDelete<[string, string, string, string]>(
      db,
      indicatorObservationsTable,
      'WHERE batch_id = ? AND project_id = ? AND indicator_id = ? AND reviewer_id = ?',
    ),
    photo: prepareSelect<typeof inspectionPhotosTable, [string]>(db, inspectionPhotosTable, 'WHERE sha256 = ?'),
    projectPhotos: prepareSelect<typeof inspectionPhotosTable, [string, string]>(
      db,
      inspectionPhotosTable,
      `WHERE sha256 IN (SELECT photo_sha256 FROM inspection_observation_photos WHERE batch_id = ? AND project_id = ?) ORDER BY added_at, sha256`,
    ),
    insertPhoto: prepareInsert(db, inspectionPhotosTable, { conflict: ['sha256'], ignore: true }),
    reviewersOfBatch: db.prepare<[string, string], string>(
      `SELECT reviewer_id FROM inspection_line_observations WHERE batch_id = ? UNION SELECT reviewer_id FROM inspection_indicator_observations WHERE batch_id = ?`,
    ),
    clearReviewerLines: db.prepare('DELETE FROM inspection_line_observations WHERE batch_id = ? AND reviewer_id = ?'),
    clearReviewerIndicators: db.prepare('DELETE FROM inspection_indicator_observations WHERE batch_id = ? AND reviewer_id = ?'),
  };

  return {
    /** Every reviewer's line observations on a project (photos in order), oldest first. */
    lineObservations(batchId: string, projectId: string): StoredLineObservation[] {
      const photos = new Map<string, string[]>();
      for (const link of statements.linePhotos.all(batchId, projectId)) {
        const key = `${link.lineId}\u0000${link.reviewerId}`;
        photos.set(key, [...(photos.get(key) ?? []), link.photoSha256]);
      }
      return statements.lines.all(batchId, projectId).map((o) => ({ ...o, photos: photos.get(`${o.lineId}\u0000${o.reviewerId}`) ?? [] }));
    },
    /** Every reviewer's indicator observations on a project, oldest first. */
    indicatorObservations(batchId: string, projectId: string): IndicatorObservationRecord[] {
      return statements.indicators.all(batchId, projectId);
    },
    /** Records (or replaces) one reviewer's observation of a line with its photos, which must be stored already. */
    saveLineObservation(batchId: string, projectId: string, observation: StoredLineObservation): void {
      const { photos, ...record } = observation;
      statements.upsertLine.run(scope(batchId, projectId), record);
      statements.removeLinePhotos.run(batchId, projectId, record.lineId, record.reviewerId);
      photos.forEach((photoSha256, index) =>
        statements.insertLinePhoto.run(scope(batchId, projectId), { lineId: record.lineId, reviewerId: record.reviewerId, position: index + 1, photoSha256 }),
      );
      bump(db);
    },
    /** Withdraws one reviewer's observation of a line (its photo links go with it; the photos stay stored). */
    clearLineObservation(batchId: string, projectId: string, lineId: string, reviewerId: string): boolean {
      const removed = statements.removeLine.run(batchId, projectId, lineId, reviewerId) > 0;
      bump(db);
      return removed;
    },
    saveIndicatorObservation(batchId: string, projectId: string, observation: IndicatorObservationRecord): void {
      statements.upsertIndicator.run(scope(batchId, projectId), observation);
      bump(db);
    },
    clearIndicatorObservation(batchId: string, projectId: string, indicatorId: string, reviewerId: string): boolean {
      const removed = statements.removeIndicator.run(batchId, projectId, indicatorId, reviewerId) > 0;
      bump(db);
      return removed;
    },
    /** Every reviewer who observed something in a batch. */
    reviewersOfBatch(batchId: string): string[] {
      return statements.reviewersOfBatch.all(batchId, batchId);
    },
    /** Removes one reviewer's observations of a batch (before an approved expert file replaces them). */
    clearReviewer(batchId: string, reviewerId: string): void {
      statements.clearReviewerLines.run(batchId, reviewerId);
      statements.clearReviewerIndicators.run(batchId, reviewerId);
      bump(db);
    },
    photo(sha256: string): InspectionPhotoRecord | undefined {
      return statements.photo.get(sha256);
    },
    /** The photos any observation of a project shows (for the expert file and the report). */
    projectPhotos(batchId: string, projectId: string): InspectionPhotoRecord[] {
      return statements.projectPhotos.all(batchId, projectId);
    },
    /** Stores a photo's row once; a photo already stored keeps its first row (name, time, who added it). */
    savePhoto(photo: InspectionPhotoRecord): void {
      statements.insertPhoto.run({}, photo);
    },
  };
}

export type InspectionStore = ReturnType<typeof createInspectionStore>;
