import type Database from 'better-sqlite3';
import type { Manifest } from '@shared/package/manifest-schema';
import {
  attachmentsTable,
  batchesTable,
  contractsTable,
  indicatorsTable,
  invoicesTable,
  paymentsTable,
  projectsTable,
  type AttachmentRecord,
} from '@shared/records/stored-records';
import { prepareInsert, prepareSelect } from '../../db/table-statements';
import type { ParsedProject } from '../records';

export type StoredAttachment = AttachmentRecord;

const json = (value: unknown) => JSON.stringify(value);
const byProject = 'WHERE project_pk = ? ORDER BY row_no';

/** Reads and writes a batch's package data; callers wrap writes in one transaction. */
export function createBatchRepository(db: Database.Database) {
  const statements = {
    batchExists: db.prepare<[string], { package_sha256: string }>('SELECT package_sha256 FROM batches WHERE id = ?'),
    upsertBatch: prepareInsert(db, batchesTable, { conflict: ['id'] }),
    projectPks: db.prepare<[string], { pk: number; project_id: string }>('SELECT pk, project_id FROM projects WHERE batch_id = ?'),
    deleteProject: db.prepare('DELETE FROM projects WHERE pk = ?'),
    upsertProject: prepareInsert(db, projectsTable, { conflict: ['batch_id', 'project_id'], returning: 'pk' }),
    clearRows: ['contracts', 'invoices', 'payments', 'indicators', 'attachments'].map((t) => db.prepare(`DELETE FROM ${t} WHERE project_pk = ?`)),
    insertContract: prepareInsert(db, contractsTable),
    insertInvoice: prepareInsert(db, invoicesTable),
    insertPayment: prepareInsert(db, paymentsTable),
    insertIndicator: prepareInsert(db, indicatorsTable),
    insertAttachment: prepareInsert(db, attachmentsTable),
    insertImportLog: db.prepare('INSERT INTO import_log (batch_id, imported_at, source_name, package_sha256, summary) VALUES (?, ?, ?, ?, ?)'),
    selectProject: prepareSelect<typeof projectsTable, [number]>(db, projectsTable, 'WHERE pk = ?'),
    selectContracts: prepareSelect<typeof contractsTable, [number]>(db, contractsTable, byProject),
    selectInvoices: prepareSelect<typeof invoicesTable, [number]>(db, invoicesTable, byProject),
    selectPayments: prepareSelect<typeof paymentsTable, [number]>(db, paymentsTable, byProject),
    selectIndicators: prepareSelect<typeof indicatorsTable, [number]>(db, indicatorsTable, byProject),
  };

  function writeProject(batchId: string, parsed: ParsedProject, attachments: readonly StoredAttachment[]): number {
    const { pk } = statements.upsertProject.get<{ pk: number }>({ batch_id: batchId }, parsed.project);
    for (const clear of statements.clearRows) clear.run(pk);
    const scope = { project_pk: pk };
    for (const c of parsed.contracts) statements.insertContract.run(scope, c);
    for (const i of parsed.invoices) statements.insertInvoice.run(scope, i);
    for (const r of parsed.payments) statements.insertPayment.run(scope, r);
    for (const r of parsed.indicators) statements.insertIndicator.run(scope, r);
    for (const a of attachments) statements.insertAttachment.run(scope, a);
    return pk;
  }

  function readProject(pk: number): ParsedProject {
    const project = statements.selectProject.get(pk);
    if (!project) throw new Error(`项目记录 ${String(pk)} 不存在`);
    return {
      project,
      contracts: statements.selectContracts.all(pk),
      invoices: statements.selectInvoices.all(pk),
      payments: statements.selectPayments.all(pk),
      indicators: statements.selectIndicators.all(pk),
    };
  }

  return {
    existingPackageSha256: (batchId: string) => statements.batchExists.get(batchId)?.package_sha256 ?? null,
    /** The batch's current projects as records, keyed by project id (for the change report). */
    readBatch(batchId: string): Map<string, { pk: number; parsed: ParsedProject }> {
      return new Map(statements.projectPks.all(batchId).map((row) => [row.project_id, { pk: row.pk, parsed: readProject(row.pk) }]));
    },
    writeBatch(manifest: Manifest, importedAt: string, packageSha256: string): void {
      const b = manifest.batch;
      statements.upsertBatch.run({}, { id: b.id, name: b.name, policy: b.policy, stage: b.stage, issuer: b.issuer, createdOn: b.createdAt, importedAt, packageSha256 });
    },
    writeProject,
    deleteProject: (pk: number) => statements.deleteProject.run(pk),
    logImport(batchId: string, importedAt: string, sourceName: string, packageSha256: string, summary: unknown): void {
      statements.insertImportLog.run(batchId, importedAt, sourceName, packageSha256, json(summary));
    },
  };
}
