import type Database from 'better-sqlite3';

export interface AuditEntry {
  actor: string;
  action: string;
  subject: string;
  details?: Record<string, unknown>;
}

/** Appends to the due-diligence record; call inside the transaction of the change it records. */
export function createAuditLog(db: Database.Database, now: () => Date) {
  const insert = db.prepare('INSERT INTO audit_log (at, actor, action, subject, details) VALUES (?, ?, ?, ?, ?)');
  return {
    record(entry: AuditEntry): void {
      insert.run(now().toISOString(), entry.actor, entry.action, entry.subject, JSON.stringify(entry.details ?? {}));
    },
  };
}

/** Newest first; `subject` narrows to one batch or project (`project:BATCH/PROJECT`, `batch:BATCH`). */
export function createAuditReader(db: Database.Database) {
  const all = db.prepare<[number], AuditRow>('SELECT id, at, actor, action, subject, details FROM audit_log ORDER BY id DESC LIMIT ?');
  const bySubject = db.prepare<[string, number], AuditRow>('SELECT id, at, actor, action, subject, details FROM audit_log WHERE subject = ? ORDER BY id DESC LIMIT ?');
  return {
    list: (subject: string | undefined, limit: number): AuditRow[] => (subject ? bySubject.all(subject, limit) : all.all(limit)),
  };
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  details: string;
}
