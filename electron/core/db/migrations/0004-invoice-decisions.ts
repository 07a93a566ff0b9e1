import type { Migration } from '../migration';

/**
 * A reviewer's decision on each invoice (认定 / 核减 / 不予认定). Keyed by the invoice's natural key
 * (batch, project, invoice key and its occurrence) rather than a row id, so that re-importing a later
 * version of the batch keeps the work; the row fingerprint taken when deciding shows whether the
 * invoice changed since. Every decision is also written to the audit log.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'invoice-decisions',
  up(db) {
    db.exec(`
      CREATE TABLE invoice_decisions (
        id              INTEGER PRIMARY KEY,
        batch_id        TEXT NOT NULL,
        project_id      TEXT NOT NULL,
        invoice_key     TEXT NOT NULL,
        occurrence      INTEGER NOT NULL DEFAULT 1,
        kind            TEXT NOT NULL CHECK (kind IN ('accept', 'reduce', 'reject')),
        amount_fen      INTEGER,
        reason          TEXT NOT NULL DEFAULT '',
        reviewer        TEXT NOT NULL,
        decided_at      TEXT NOT NULL,
        row_fingerprint TEXT NOT NULL,
        UNIQUE (batch_id, project_id, invoice_key, occurrence),
        CHECK (kind <> 'reduce' OR amount_fen IS NOT NULL),
        CHECK (kind = 'accept' OR reason <> '')
      ) STRICT;
    `);
  },
};
