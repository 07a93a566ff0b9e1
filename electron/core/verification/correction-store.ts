import type Database from 'better-sqlite3';
import { correctionsTable } from '@shared/records/stored-records';
import type { Correction } from '@shared/verification/corrections';
import { prepareInsert, prepareSelect } from '../db/table-statements';

/** One reviewer's current correction per field of a row; the history lives in the audit log. */
export function createCorrectionStore(db: Database.Database) {
  const select = prepareSelect<typeof correctionsTable, [string, string, string]>(
    db,
    correctionsTable,
    'WHERE batch_id = ? AND project_id = ? AND reviewer_id = ? ORDER BY id',
  );
  const upsert = prepareInsert(db, correctionsTable, { conflict: ['batch_id', 'project_id', 'reviewer_id', 'target', 'target_key', 'occurrence', 'field'] });
  const remove = db.prepare(
    'DELETE FROM data_corrections WHERE batch_id = ? AND project_id = ? AND reviewer_id = ? AND target = ? AND target_key = ? AND occurrence = ? AND field = ?',
  );
  return {
    forProject(batchId: string, projectId: string, reviewerId: string): Correction[] {
      return select.all(batchId, projectId, reviewerId);
    },
    save(batchId: string, projectId: string, reviewerId: string, correction: Correction): void {
      upsert.run({ batch_id: batchId, project_id: projectId, reviewer_id: reviewerId }, correction);
    },
    withdraw(batchId: string, projectId: string, reviewerId: string, c: Pick<Correction, 'target' | 'targetKey' | 'occurrence' | 'field'>): boolean {
      return remove.run(batchId, projectId, reviewerId, c.target, c.targetKey, c.occurrence, c.field).changes > 0;
    },
  };
}
