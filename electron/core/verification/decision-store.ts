import type Database from 'better-sqlite3';
import { decisionsTable, type DecisionRecord } from '@shared/records/stored-records';
import { prepareInsert, prepareSelect } from '../db/table-statements';

export type StoredDecision = DecisionRecord;

/** One reviewer's current decision per invoice occurrence; the history lives in the audit log. */
export function createDecisionStore(db: Database.Database) {
  const select = prepareSelect<typeof decisionsTable, [string, string, string]>(db, decisionsTable, 'WHERE batch_id = ? AND project_id = ? AND reviewer_id = ?');
  const upsert = prepareInsert(db, decisionsTable, { conflict: ['batch_id', 'project_id', 'invoice_key', 'occurrence', 'reviewer_id'] });
  const removeReviewer = db.prepare('DELETE FROM invoice_decisions WHERE batch_id = ? AND reviewer_id = ?');
  const remove = db.prepare('DELETE FROM invoice_decisions WHERE batch_id = ? AND project_id = ? AND invoice_key = ? AND occurrence = ? AND reviewer_id = ?');

  return {
    /** By `key#occurrence`. */
    forProject(batchId: string, projectId: string, reviewerId: string): Map<string, StoredDecision> {
      return new Map(select.all(batchId, projectId, reviewerId).map((d) => [decisionKey(d.invoiceKey, d.occurrence), d]));
    },
    save(batchId: string, projectId: string, reviewerId: string, decision: StoredDecision): void {
      upsert.run({ batch_id: batchId, project_id: projectId, reviewer_id: reviewerId }, decision);
    },
    /** Every decision of one reviewer on a batch (before an approved expert file replaces them). */
    clearReviewer(batchId: string, reviewerId: string): void {
      removeReviewer.run(batchId, reviewerId);
    },
    clear(batchId: string, projectId: string, reviewerId: string, invoiceKey: string, occurrence: number): void {
      remove.run(batchId, projectId, invoiceKey, occurrence, reviewerId);
    },
  };
}

export const decisionKey = (invoiceKey: string, occurrence: number) => `${invoiceKey}#${String(occurrence)}`;
