import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { DuplicateLocation, VContract, VInvoice, VPayment } from '../../../shared/verification/types';
import { contractFromRow, invoiceFromRow, paymentFromRow, type ContractRow, type InvoiceDbRow, type PaymentRow, type ProjectRow } from '../package/db-rows';

export interface LoadedProject {
  pk: number;
  row: ProjectRow;
  invoices: VInvoice[];
  contracts: VContract[];
  payments: VPayment[];
  attachments: { path: string; sha256: string }[];
  /** Occurrence number of each invoice's key within the project (1 for the first), by row. */
  occurrences: Map<number, number>;
  /** Content fingerprint of each invoice row, by row: a decision on a changed row is stale. */
  fingerprints: Map<number, string>;
}

/** Reads one project's rows in the shape the verification checks take. */
export function createProjectLoader(db: Database.Database) {
  const statements = {
    project: db.prepare<[string, string], ProjectRow>('SELECT * FROM projects WHERE batch_id = ? AND project_id = ?'),
    invoices: db.prepare<[number], InvoiceDbRow>('SELECT * FROM invoices WHERE project_pk = ? ORDER BY row_no'),
    contracts: db.prepare<[number], ContractRow>('SELECT * FROM contracts WHERE project_pk = ? ORDER BY row_no'),
    payments: db.prepare<[number], PaymentRow>('SELECT * FROM payments WHERE project_pk = ? ORDER BY row_no'),
    attachments: db.prepare<[number], { path: string; sha256: string }>('SELECT path, sha256 FROM attachments WHERE project_pk = ?'),
    elsewhere: db.prepare<[number, number], { key: string; batchId: string; projectId: string; rowNo: number }>(`
      SELECT i.invoice_key AS key, p.batch_id AS batchId, p.project_id AS projectId, i.row_no AS rowNo
      FROM invoices i JOIN projects p ON p.pk = i.project_pk
      WHERE i.invoice_key IN (SELECT invoice_key FROM invoices WHERE project_pk = ?) AND i.project_pk <> ?
      ORDER BY p.batch_id, p.project_id, i.row_no`),
  };

  return {
    load(batchId: string, projectId: string): LoadedProject | undefined {
      const row = statements.project.get(batchId, projectId);
      if (!row) return undefined;
      const occurrences = new Map<number, number>();
      const fingerprints = new Map<number, string>();
      const seen = new Map<string, number>();
      const invoices = statements.invoices.all(row.pk).map((i): VInvoice => {
        const occurrence = (seen.get(i.invoice_key) ?? 0) + 1;
        seen.set(i.invoice_key, occurrence);
        occurrences.set(i.row_no, occurrence);
        const { row_no: _rowNo, ...content } = i as InvoiceDbRow & { pk?: number; project_pk?: number };
        delete content.pk;
        delete content.project_pk;
        fingerprints.set(i.row_no, crypto.createHash('sha1').update(JSON.stringify(content)).digest('hex'));
        return invoiceFromRow(i);
      });
      return {
        pk: row.pk,
        row,
        invoices,
        contracts: statements.contracts.all(row.pk).map(contractFromRow),
        payments: statements.payments.all(row.pk).map(paymentFromRow),
        attachments: statements.attachments.all(row.pk),
        occurrences,
        fingerprints,
      };
    },
    /** Where the project's invoice keys occur in other projects and batches, by key. */
    duplicatesElsewhere(pk: number): Map<string, DuplicateLocation[]> {
      const byKey = new Map<string, DuplicateLocation[]>();
      for (const hit of statements.elsewhere.all(pk, pk)) {
        const list = byKey.get(hit.key) ?? [];
        list.push({ batchId: hit.batchId, projectId: hit.projectId, rowNo: hit.rowNo });
        byKey.set(hit.key, list);
      }
      return byKey;
    },
  };
}
