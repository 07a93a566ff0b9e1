import type { Migration } from '../migration';

/**
 * Settings and the audit trail. The audit trail is the reviewers' due-diligence record
 * (000_985b87a7ad46cc56.txt 尽职免责): who did what, when, to which subject.
 */
export const migration0001: Migration = {
  version: 1,
  name: 'settings-and-audit-log',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        id       INTEGER PRIMARY KEY,
        at       TEXT NOT NULL,
        actor    TEXT NOT NULL,
        action   TEXT NOT NULL,
        subject  TEXT NOT NULL,
        details  TEXT NOT NULL DEFAULT '{}'
      ) STRICT;
      CREATE INDEX audit_log_by_subject ON audit_log (subject, at);
    `);
  },
};
