import type Database from 'better-sqlite3';
import type { Manifest } from '../../../../shared/package/manifest-schema';
import {
  contractRecordFromRow,
  indicatorRecordFromRow,
  invoiceRecordFromRow,
  paymentRecordFromRow,
  projectRecordFromRow,
  type ContractRow,
  type IndicatorRow,
  type InvoiceDbRow,
  type PaymentRow,
  type ProjectRow,
} from '../db-rows';
import type { ParsedProject } from '../records';

export interface StoredAttachment {
  path: string;
  sha256: string;
  size: number;
  mediaType: string;
}

const json = (value: unknown) => JSON.stringify(value);
const bool = (value: boolean | null) => (value === null ? null : value ? 1 : 0);

/** Reads and writes a batch's package data; callers wrap writes in one transaction. */
export function createBatchRepository(db: Database.Database) {
  const statements = {
    batchExists: db.prepare<[string], { package_sha256: string }>('SELECT package_sha256 FROM batches WHERE id = ?'),
    upsertBatch: db.prepare(`
      INSERT INTO batches (id, name, policy, stage, issuer, created_on, imported_at, package_sha256)
      VALUES (@id, @name, @policy, @stage, @issuer, @createdOn, @importedAt, @packageSha256)
      ON CONFLICT (id) DO UPDATE SET name = excluded.name, policy = excluded.policy, stage = excluded.stage,
        issuer = excluded.issuer, created_on = excluded.created_on, imported_at = excluded.imported_at,
        package_sha256 = excluded.package_sha256`),
    projectPks: db.prepare<[string], { pk: number; project_id: string }>('SELECT pk, project_id FROM projects WHERE batch_id = ?'),
    deleteProject: db.prepare('DELETE FROM projects WHERE pk = ?'),
    upsertProject: db.prepare(`
      INSERT INTO projects (batch_id, project_id, name, applicant, credit_code, industry_code, tier, chain_leader,
        supporting_enterprises, region_kind, planned_investment_fen, period_start, period_end, district, contact, phone, extra)
      VALUES (@batchId, @projectId, @name, @applicant, @creditCode, @industryCode, @tier, @chainLeader,
        @supportingEnterprises, @regionKind, @plannedInvestmentFen, @periodStart, @periodEnd, @district, @contact, @phone, @extra)
      ON CONFLICT (batch_id, project_id) DO UPDATE SET name = excluded.name, applicant = excluded.applicant,
        credit_code = excluded.credit_code, industry_code = excluded.industry_code, tier = excluded.tier,
        chain_leader = excluded.chain_leader, supporting_enterprises = excluded.supporting_enterprises,
        region_kind = excluded.region_kind, planned_investment_fen = excluded.planned_investment_fen,
        period_start = excluded.period_start, period_end = excluded.period_end, district = excluded.district,
        contact = excluded.contact, phone = excluded.phone, extra = excluded.extra
      RETURNING pk`),
    clearContracts: db.prepare('DELETE FROM contracts WHERE project_pk = ?'),
    clearInvoices: db.prepare('DELETE FROM invoices WHERE project_pk = ?'),
    clearPayments: db.prepare('DELETE FROM payments WHERE project_pk = ?'),
    clearIndicators: db.prepare('DELETE FROM indicators WHERE project_pk = ?'),
    clearAttachments: db.prepare('DELETE FROM attachments WHERE project_pk = ?'),
    insertContract: db.prepare(`
      INSERT INTO contracts (project_pk, row_no, contract_no, name, supplier_name, supplier_code, signed_on, amount_fen, category, domestic, attachments, extra)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertInvoice: db.prepare(`
      INSERT INTO invoices (project_pk, row_no, invoice_key, code, number, issued_on, kind, seller_name, seller_tax_id, buyer_name,
        buyer_tax_id, item_name, amount_fen, tax_rate, tax_fen, total_fen, total_in_words, contract_no, attachments, extra)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertPayment: db.prepare(`
      INSERT INTO payments (project_pk, row_no, voucher_no, paid_on, payer, payee, amount_fen, contract_no, attachments, extra)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertIndicator: db.prepare(`
      INSERT INTO indicators (project_pk, row_no, category, name, unit, target, achieved, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    insertAttachment: db.prepare('INSERT INTO attachments (project_pk, path, sha256, size, media_type) VALUES (?, ?, ?, ?, ?)'),
    insertImportLog: db.prepare(
      'INSERT INTO import_log (batch_id, imported_at, source_name, package_sha256, summary) VALUES (?, ?, ?, ?, ?)',
    ),
    selectProject: db.prepare<[number], ProjectRow>('SELECT * FROM projects WHERE pk = ?'),
    selectContracts: db.prepare<[number], ContractRow>('SELECT * FROM contracts WHERE project_pk = ? ORDER BY row_no'),
    selectInvoices: db.prepare<[number], InvoiceDbRow>('SELECT * FROM invoices WHERE project_pk = ? ORDER BY row_no'),
    selectPayments: db.prepare<[number], PaymentRow>('SELECT * FROM payments WHERE project_pk = ? ORDER BY row_no'),
    selectIndicators: db.prepare<[number], IndicatorRow>('SELECT * FROM indicators WHERE project_pk = ? ORDER BY row_no'),
  };

  function writeProject(batchId: string, parsed: ParsedProject, attachments: readonly StoredAttachment[]): number {
    const p = parsed.project;
    const { pk } = statements.upsertProject.get({
      batchId,
      projectId: p.projectId,
      name: p.name,
      applicant: p.applicant,
      creditCode: p.creditCode,
      industryCode: p.industryCode,
      tier: p.tier,
      chainLeader: bool(p.chainLeader),
      supportingEnterprises: p.supportingEnterprises,
      regionKind: p.regionKind,
      plannedInvestmentFen: p.plannedInvestmentFen,
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      district: p.district,
      contact: p.contact,
      phone: p.phone,
      extra: json(p.extra),
    }) as { pk: number };
    for (const clear of [statements.clearContracts, statements.clearInvoices, statements.clearPayments, statements.clearIndicators, statements.clearAttachments]) {
      clear.run(pk);
    }
    for (const c of parsed.contracts) {
      statements.insertContract.run(pk, c.rowNo, c.contractNo, c.name, c.supplierName, c.supplierCode, c.signedOn, c.amountFen, c.category, bool(c.domestic), c.attachments.join(';'), json(c.extra));
    }
    for (const i of parsed.invoices) {
      statements.insertInvoice.run(pk, i.rowNo, i.invoiceKey, i.code, i.number, i.issuedOn, i.kind, i.sellerName, i.sellerTaxId, i.buyerName, i.buyerTaxId, i.itemName, i.amountFen, i.taxRate, i.taxFen, i.totalFen, i.totalInWords, i.contractNo, i.attachments.join(';'), json(i.extra));
    }
    for (const r of parsed.payments) {
      statements.insertPayment.run(pk, r.rowNo, r.voucherNo, r.paidOn, r.payer, r.payee, r.amountFen, r.contractNo, r.attachments.join(';'), json(r.extra));
    }
    for (const r of parsed.indicators) {
      statements.insertIndicator.run(pk, r.rowNo, r.category, r.name, r.unit, r.target, r.achieved, r.evidence);
    }
    for (const a of attachments) statements.insertAttachment.run(pk, a.path, a.sha256, a.size, a.mediaType);
    return pk;
  }

  function readProject(pk: number): ParsedProject {
    return {
      project: projectRecordFromRow(statements.selectProject.get(pk) as ProjectRow),
      contracts: statements.selectContracts.all(pk).map(contractRecordFromRow),
      invoices: statements.selectInvoices.all(pk).map(invoiceRecordFromRow),
      payments: statements.selectPayments.all(pk).map(paymentRecordFromRow),
      indicators: statements.selectIndicators.all(pk).map(indicatorRecordFromRow),
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
      statements.upsertBatch.run({ id: b.id, name: b.name, policy: b.policy, stage: b.stage, issuer: b.issuer, createdOn: b.createdAt, importedAt, packageSha256 });
    },
    writeProject,
    deleteProject: (pk: number) => statements.deleteProject.run(pk),
    logImport(batchId: string, importedAt: string, sourceName: string, packageSha256: string, summary: unknown): void {
      statements.insertImportLog.run(batchId, importedAt, sourceName, packageSha256, json(summary));
    },
  };
}
