import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { BatchSummary, InvoiceRow, ProjectDetail, ProjectListItem } from '../../../shared/api/batches-contract';
import { fenToMoney } from '../../../shared/domain/fen';
import { contractFromRow, invoiceFromRow, paymentFromRow, projectRecordFromRow, type ContractRow, type IndicatorRow, type InvoiceDbRow, type PaymentRow, type ProjectRow } from './db-rows';

const money = (fen: number | null) => (fen === null ? null : fenToMoney(fen));

/** Read side of the package data, shaped for the API (money as decimal strings). */
export function createBatchQueries(db: Database.Database) {
  const batchSelect = `
    SELECT b.id, b.name, b.policy, b.stage, b.issuer, b.created_on AS createdOn, b.imported_at AS importedAt,
      (SELECT count(*) FROM projects p WHERE p.batch_id = b.id) AS projects,
      (SELECT count(*) FROM invoices i JOIN projects p ON p.pk = i.project_pk WHERE p.batch_id = b.id) AS invoices
    FROM batches b`;
  const statements = {
    batches: db.prepare<[], BatchSummary>(`${batchSelect} ORDER BY b.imported_at DESC`),
    batch: db.prepare<[string], BatchSummary>(`${batchSelect} WHERE b.id = ?`),
    projects: db.prepare<[string | null, string | null], Omit<ProjectListItem, 'plannedInvestment' | 'invoiceAmountTotal' | 'state'> & { plannedFen: number | null; invoiceFen: number; decided: number }>(`
      SELECT p.batch_id AS batchId, p.project_id AS id, p.name, p.applicant, p.planned_investment_fen AS plannedFen,
        (SELECT count(*) FROM contracts c WHERE c.project_pk = p.pk) AS contracts,
        (SELECT count(*) FROM invoices i WHERE i.project_pk = p.pk) AS invoices,
        (SELECT coalesce(sum(i.amount_fen), 0) FROM invoices i WHERE i.project_pk = p.pk) AS invoiceFen,
        (SELECT count(*) FROM invoice_decisions d WHERE d.batch_id = p.batch_id AND d.project_id = p.project_id
           AND EXISTS (SELECT 1 FROM invoices i WHERE i.project_pk = p.pk AND i.invoice_key = d.invoice_key)) AS decided
      FROM projects p WHERE (? IS NULL OR p.batch_id = ?) ORDER BY p.batch_id, p.project_id`),
    projectPk: db.prepare<[string, string], { pk: number }>('SELECT pk FROM projects WHERE batch_id = ? AND project_id = ?'),
    project: db.prepare<[number], ProjectRow>('SELECT * FROM projects WHERE pk = ?'),
    contracts: db.prepare<[number], ContractRow & { invoiced_fen: number; invoice_count: number; paid_fen: number }>(`
      SELECT c.*,
        (SELECT coalesce(sum(i.amount_fen), 0) FROM invoices i WHERE i.project_pk = c.project_pk AND i.contract_no = c.contract_no) AS invoiced_fen,
        (SELECT count(*) FROM invoices i WHERE i.project_pk = c.project_pk AND i.contract_no = c.contract_no) AS invoice_count,
        (SELECT coalesce(sum(r.amount_fen), 0) FROM payments r WHERE r.project_pk = c.project_pk AND r.contract_no = c.contract_no) AS paid_fen
      FROM contracts c WHERE c.project_pk = ? ORDER BY c.row_no`),
    payments: db.prepare<[number], PaymentRow>('SELECT * FROM payments WHERE project_pk = ? ORDER BY row_no'),
    indicators: db.prepare<[number], IndicatorRow>('SELECT * FROM indicators WHERE project_pk = ? ORDER BY row_no'),
    attachments: db.prepare<[number], ProjectDetail['attachments'][number]>('SELECT path, size, media_type AS mediaType, sha256 FROM attachments WHERE project_pk = ? ORDER BY path'),
    attachment: db.prepare<[number, string], { path: string; size: number; mediaType: string; sha256: string }>(
      'SELECT path, size, media_type AS mediaType, sha256 FROM attachments WHERE project_pk = ? AND path = ?',
    ),
    invoices: db.prepare<[number], InvoiceDbRow>('SELECT * FROM invoices WHERE project_pk = ? ORDER BY row_no'),
  };

  function projectPk(batchId: string, projectId: string): number {
    const row = statements.projectPk.get(batchId, projectId);
    if (!row) throw new AppError('NOT_FOUND', `批次「${batchId}」中没有项目「${projectId}」`);
    return row.pk;
  }

  return {
    projectPk,
    listBatches: () => statements.batches.all(),
    listProjects(batchId: string | undefined): ProjectListItem[] {
      const id = batchId ?? null;
      return statements.projects.all(id, id).map(({ plannedFen, invoiceFen, decided, ...rest }) => ({
        ...rest,
        state: reviewState(decided, rest.invoices),
        plannedInvestment: money(plannedFen),
        invoiceAmountTotal: fenToMoney(invoiceFen),
      }));
    },
    getProject(batchId: string, projectId: string): ProjectDetail {
      const pk = projectPk(batchId, projectId);
      const batch = statements.batch.get(batchId) as BatchSummary;
      const { projectId: id, plannedInvestmentFen, ...project } = projectRecordFromRow(statements.project.get(pk) as ProjectRow);
      return {
        batch,
        project: { id, ...project, plannedInvestment: money(plannedInvestmentFen) },
        contracts: statements.contracts.all(pk).map((c) => ({
          ...contractFromRow(c),
          invoiced: fenToMoney(c.invoiced_fen),
          paid: fenToMoney(c.paid_fen),
          invoiceCount: c.invoice_count,
        })),
        payments: statements.payments.all(pk).map(paymentFromRow),
        indicators: statements.indicators.all(pk).map((r) => ({
          rowNo: r.row_no,
          category: r.category,
          name: r.name,
          unit: r.unit,
          target: r.target,
          achieved: r.achieved,
          evidence: r.evidence,
          shortfall: shortfall(r.target, r.achieved),
        })),
        attachments: statements.attachments.all(pk),
      };
    },
    listInvoices(batchId: string, projectId: string): InvoiceRow[] {
      const pk = projectPk(batchId, projectId);
      return statements.invoices.all(pk).map(invoiceFromRow);
    },
    attachment(batchId: string, projectId: string, path: string) {
      const row = statements.attachment.get(projectPk(batchId, projectId), path);
      if (!row) throw new AppError('NOT_FOUND', `项目「${projectId}」没有附件「${path}」`);
      return row;
    },
  };
}

/** Where the invoice review of a project stands, for the project list. */
function reviewState(decided: number, invoices: number): ProjectListItem['state'] {
  if (decided === 0) return { code: 'pending', decided };
  return { code: decided < invoices ? 'in-progress' : 'done', decided };
}

/** Numeric target and achieved values compare; a lower achieved value is a shortfall. */
function shortfall(target: string, achieved: string): boolean | null {
  const number = /^-?\d+(\.\d+)?$/;
  const t = target.replace(/[,%\s]/g, '');
  const a = achieved.replace(/[,%\s]/g, '');
  if (!number.test(t) || !number.test(a)) return null;
  return Number(a) < Number(t);
}
