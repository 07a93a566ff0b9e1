import type Database from 'better-sqlite3';
import { attachmentsTable, contractsTable, invoicesTable, paymentsTable, projectsTable, type ProjectRecord } from '@shared/records/stored-records';
import type { DuplicateLocation, EInvoiceData, VContract, VInvoice, VPayment, VProject } from '@shared/verification/types';
import { prepareSelect } from '../db/table-statements';
import { INVOICE_FINGERPRINT_COLUMNS, INVOICE_FINGERPRINT_VERSION, invoiceFingerprint } from './invoice-fingerprint';

export interface LoadedProject {
  pk: number;
  project: ProjectRecord;
  invoices: VInvoice[];
  contracts: VContract[];
  payments: VPayment[];
  attachments: { path: string; sha256: string }[];
  /** Occurrence number of each invoice's key within the project (1 for the first), by row. */
  occurrences: Map<number, number>;
}

/**
 * The project as the checks take it: its rows — the corrected ones where given (更正) — and its
 * e-invoice attachments as read (einvoice-cache.ts `readAll`).
 */
export function checkedProject(
  loaded: LoadedProject,
  ref: { batchId: string; projectId: string },
  einvoices: { parsed: ReadonlyMap<string, EInvoiceData>; unreadable: ReadonlyMap<string, string> },
  rows: Pick<VProject, 'invoices' | 'contracts'> = loaded,
): VProject {
  return {
    ...ref,
    applicant: loaded.project.applicant,
    applicantCode: loaded.project.creditCode,
    invoices: rows.invoices,
    contracts: rows.contracts,
    payments: loaded.payments,
    attachmentNames: new Set(loaded.attachments.map((a) => a.path)),
    einvoices: einvoices.parsed,
    einvoiceErrors: einvoices.unreadable,
  };
}

const byProject = 'WHERE project_pk = ? ORDER BY row_no';
const invoiceRows = invoicesTable.omit('extra');
const contractRows = contractsTable.omit('extra');
const paymentRows = paymentsTable.omit('extra');
const fingerprintColumns = INVOICE_FINGERPRINT_COLUMNS[INVOICE_FINGERPRINT_VERSION];

/** Reads one project's rows in the shape the verification checks take. */
export function createProjectLoader(db: Database.Database) {
  const statements = {
    project: db.prepare<[string, string], unknown[]>(`SELECT pk, ${projectsTable.selectList()} FROM projects WHERE batch_id = ? AND project_id = ?`).raw(true),
    invoices: prepareSelect<typeof invoiceRows, [number]>(db, invoiceRows, byProject),
    contracts: prepareSelect<typeof contractRows, [number]>(db, contractRows, byProject),
    payments: prepareSelect<typeof paymentRows, [number]>(db, paymentRows, byProject),
    attachments: prepareSelect<typeof attachmentsTable, [number]>(db, attachmentsTable, 'WHERE project_pk = ?'),
    fingerprinted: db.prepare<[number], unknown[]>(`SELECT row_no, ${fingerprintColumns.join(', ')} FROM invoices ${byProject}`).raw(true),
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
      const pk = row[0] as number;
      const occurrences = new Map<number, number>();
      const seen = new Map<string, number>();
      const invoices = statements.invoices.api(pk);
      for (const invoice of invoices) {
        const occurrence = (seen.get(invoice.key) ?? 0) + 1;
        seen.set(invoice.key, occurrence);
        occurrences.set(invoice.rowNo, occurrence);
      }
      return {
        pk,
        project: projectsTable.fromDb(row, 1),
        invoices,
        contracts: statements.contracts.api(pk),
        payments: statements.payments.api(pk),
        attachments: statements.attachments.all(pk),
        occurrences,
      };
    },
    /** The current fingerprint (INVOICE_FINGERPRINT_VERSION) of each invoice of a project, by row. */
    fingerprints(pk: number): Map<number, string> {
      return new Map(statements.fingerprinted.all(pk).map(([rowNo, ...values]) => [rowNo as number, invoiceFingerprint(values)]));
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
