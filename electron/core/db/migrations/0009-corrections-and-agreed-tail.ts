import type { Migration } from '../migration';

/**
 * Corrections (更正) and the contract's stipulated tail (PACKAGE.md 1.1).
 *
 * - data_corrections: one reviewer's correction of a field of an invoice (by its natural key and
 *   occurrence) or of a contract (by its number): the value on the sheet, the value the attached
 *   document shows, why, and where (附件名#页). The checks run on the corrected value. Keyed, like
 *   decisions, by the batch's and project's natural ids and the reviewer's id, so re-importing the
 *   package keeps them; one current correction per field, the history lives in the audit log.
 * - contracts.agreed_tail: 约定尾款 as read from the 合同 sheet, normalised (`10%` or `35600.00`),
 *   '' for packages without the column — the reviewer then confirms the clause by a correction.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'corrections-and-agreed-tail',
  up(db) {
    db.exec(`
      ALTER TABLE contracts ADD COLUMN agreed_tail TEXT NOT NULL DEFAULT '';

      CREATE TABLE data_corrections (
        id           INTEGER PRIMARY KEY,
        batch_id     TEXT NOT NULL,
        project_id   TEXT NOT NULL,
        reviewer_id  TEXT NOT NULL,
        target       TEXT NOT NULL CHECK (target IN ('invoice', 'contract')),
        target_key   TEXT NOT NULL CHECK (target_key <> ''),
        occurrence   INTEGER NOT NULL DEFAULT 1 CHECK (occurrence >= 1),
        field        TEXT NOT NULL CHECK (field <> ''),
        old_value    TEXT NOT NULL,
        new_value    TEXT NOT NULL,
        reason       TEXT NOT NULL CHECK (reason <> ''),
        evidence     TEXT NOT NULL DEFAULT '',
        reviewer     TEXT NOT NULL,
        corrected_at TEXT NOT NULL,
        UNIQUE (batch_id, project_id, reviewer_id, target, target_key, occurrence, field)
      ) STRICT;
    `);
  },
};
