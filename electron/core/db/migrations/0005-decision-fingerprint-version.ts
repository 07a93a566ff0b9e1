import crypto from 'node:crypto';
import { INVOICE_FINGERPRINT_COLUMNS, invoiceFingerprint } from '../../verification/invoice-fingerprint';
import type { Migration } from '../migration';

/**
 * Decisions remember which fingerprint version they were taken under. Version 1 hashed the whole
 * invoice row (`SELECT *` without pk, project_pk and row_no), so any column added to `invoices`
 * would have marked every decision stale; version 2 hashes an explicit list of fields.
 *
 * A decision whose version-1 fingerprint still matches its invoice is re-fingerprinted under
 * version 2 (it stays current); any other keeps version 1, which never equals a current
 * fingerprint (it stays stale). Runs right after 0004, when `SELECT *` is still the version-1 row.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'decision-fingerprint-version',
  up(db) {
    db.exec('ALTER TABLE invoice_decisions ADD COLUMN fingerprint_version INTEGER NOT NULL DEFAULT 1');
    const decisions = db
      .prepare<[], { id: number; batch_id: string; project_id: string; invoice_key: string; occurrence: number; row_fingerprint: string }>(
        'SELECT id, batch_id, project_id, invoice_key, occurrence, row_fingerprint FROM invoice_decisions',
      )
      .all();
    const rows = db.prepare<[string, string, string], Record<string, unknown>>(`
      SELECT i.* FROM invoices i JOIN projects p ON p.pk = i.project_pk
      WHERE p.batch_id = ? AND p.project_id = ? AND i.invoice_key = ? ORDER BY i.row_no`);
    const update = db.prepare('UPDATE invoice_decisions SET row_fingerprint = ?, fingerprint_version = 2 WHERE id = ?');
    for (const d of decisions) {
      const row = rows.all(d.batch_id, d.project_id, d.invoice_key)[d.occurrence - 1];
      if (!row || versionOne(row) !== d.row_fingerprint) continue;
      update.run(invoiceFingerprint(INVOICE_FINGERPRINT_COLUMNS[2].map((column) => row[column])), d.id);
    }
  },
};

/** The version-1 fingerprint, as load-project computed it up to schema version 4. */
function versionOne(row: Record<string, unknown>): string {
  const { pk: _pk, project_pk: _projectPk, row_no: _rowNo, ...content } = row;
  return crypto.createHash('sha1').update(JSON.stringify(content)).digest('hex');
}
