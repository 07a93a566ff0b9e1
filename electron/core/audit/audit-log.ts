import type Database from 'better-sqlite3';
import { auditActionLabel } from '@shared/audit/audit-action';

/** Newest first; `subject` narrows to one batch or project (`project:BATCH/PROJECT`, `batch:BATCH`). */
export function createAuditReader(db: Database.Database) {
  const columns = 'id, at, actor_id AS actorId, actor, action, subject, details';
  const all = db.prepare<[number], AuditRow>(`SELECT ${columns} FROM audit_log ORDER BY id DESC LIMIT ?`);
  const bySubject = db.prepare<[string, number], AuditRow>(`SELECT ${columns} FROM audit_log WHERE subject = ? ORDER BY id DESC LIMIT ?`);
  return {
    list: (subject: string | undefined, limit: number) =>
      (subject ? bySubject.all(subject, limit) : all.all(limit)).map((row) => ({ ...row, actionCode: row.action, action: auditActionLabel(row.action) })),
  };
}

interface AuditRow {
  id: number;
  at: string;
  actorId: string;
  actor: string;
  action: string;
  subject: string;
  details: string;
}
