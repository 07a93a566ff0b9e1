import type Database from 'better-sqlite3';
import { decisionsTable, type DecisionRecord } from '@shared/records/stored-records';
import { prepareInsert, prepareSelect } from '../db/table-statements';

export type StoredDecision = DecisionRecord;

/** Current decision per invoice occurrence; the history lives in the audit log. */
export function createDecisionStore(db: Database.Database) {
  const select = prepareSelect<typeof decisionsTable, [string, string]>(db, decisionsTable, 'WHERE batch_id = ? AND project_id = ?');
  const upsert = prepareInsert(db, decisionsTable, { conflict: ['batch_id', 'project_id', 'invoice_key', 'occurrence'] });
  const remove = db.prepare('DELETE FROM invoice_decisions WHERE batch_id = ? AND project_id = ? AND invoice_key = ? AND occurrence = ?');

  return {
    /** By `key#occurrence`. */
    forProject(batchId: string, projectId: string): Map<string, StoredDecision> {
      return new Map(select.all(batchId, projectId).map((d) => [decisionKey(d.invoiceKey, d.occurrence), d]));
    },
    save(batchId: string, projectId: string, decision: StoredDecision): void {
      upsert.run({ batch_id: batchId, project_id: projectId }, decision);
    },
    clear(batchId: string, projectId: string, invoiceKey: string, occurrence: number): void {
      remove.run(batchId, projectId, invoiceKey, occurrence);
    },
  };
}

export const decisionKey = (invoiceKey: string, occurrence: number) => `${invoiceKey}#${String(occurrence)}`;
