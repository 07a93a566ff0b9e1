import type Database from 'better-sqlite3';
import type { DecisionKind } from '../../../shared/verification/types';

export interface StoredDecision {
  invoiceKey: string;
  occurrence: number;
  kind: DecisionKind;
  amountFen: number | null;
  reason: string;
  reviewer: string;
  decidedAt: string;
  rowFingerprint: string;
}

/** Current decision per invoice occurrence; the history lives in the audit log. */
export function createDecisionStore(db: Database.Database) {
  const select = db.prepare<[string, string], StoredDecision>(`
    SELECT invoice_key AS invoiceKey, occurrence, kind, amount_fen AS amountFen, reason, reviewer,
      decided_at AS decidedAt, row_fingerprint AS rowFingerprint
    FROM invoice_decisions WHERE batch_id = ? AND project_id = ?`);
  const upsert = db.prepare(`
    INSERT INTO invoice_decisions (batch_id, project_id, invoice_key, occurrence, kind, amount_fen, reason, reviewer, decided_at, row_fingerprint)
    VALUES (@batchId, @projectId, @invoiceKey, @occurrence, @kind, @amountFen, @reason, @reviewer, @decidedAt, @rowFingerprint)
    ON CONFLICT (batch_id, project_id, invoice_key, occurrence) DO UPDATE SET kind = excluded.kind, amount_fen = excluded.amount_fen,
      reason = excluded.reason, reviewer = excluded.reviewer, decided_at = excluded.decided_at, row_fingerprint = excluded.row_fingerprint`);
  const remove = db.prepare('DELETE FROM invoice_decisions WHERE batch_id = ? AND project_id = ? AND invoice_key = ? AND occurrence = ?');

  return {
    /** By `key#occurrence`. */
    forProject(batchId: string, projectId: string): Map<string, StoredDecision> {
      return new Map(select.all(batchId, projectId).map((d) => [`${d.invoiceKey}#${String(d.occurrence)}`, d]));
    },
    save(batchId: string, projectId: string, decision: StoredDecision): void {
      upsert.run({ batchId, projectId, ...decision });
    },
    clear(batchId: string, projectId: string, invoiceKey: string, occurrence: number): void {
      remove.run(batchId, projectId, invoiceKey, occurrence);
    },
  };
}
