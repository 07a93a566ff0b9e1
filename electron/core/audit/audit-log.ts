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
