import type Database from 'better-sqlite3';
import { AppError } from '@shared/api/errors';
import type { BatchSummary, InvoiceRow, ProjectDetail, ProjectListItem } from '@shared/api/batches-contract';
import { fenToMoney } from '@shared/domain/fen';
import { attachmentsTable, contractsTable, indicatorsTable, invoicesTable, paymentsTable, projectsTable } from '@shared/records/stored-records';
import { prepareSelect } from '../db/table-statements';

const money = (fen: number | null) => (fen === null ? null : fenToMoney(fen));
const byProject = 'WHERE project_pk = ? ORDER BY row_no';
// Workbook columns the format does not interpret stay out of row lists (the project detail shows the project's).
const contractRows = contractsTable.omit('extra');
const paymentRows = paymentsTable.omit('extra');
const invoiceRows = invoicesTable.omit('extra');

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
    projects: db.prepare<
      [string | null, string | null],
      Omit<ProjectListItem, 'plannedInvestment' | 'invoiceAmountTotal' | 'state'> & { plannedFen: number | null; invoiceFen: number; decided: number }
    >(`
      SELECT p.batch_id AS batchId, p.project_id AS id, p.name, p.applicant, p.planned_investment_fen AS plannedFen,
        (SELECT count(*) FROM contracts c WHERE c.project_pk = p.pk) AS contracts,
        (SELECT count(*) FROM invoices i WHERE i.project_pk = p.pk) AS invoices,
        (SELECT coalesce(sum(i.amount_fen), 0) FROM invoices i WHERE i.project_pk = p.pk) AS invoiceFen,
        (SELECT count(*) FROM invoice_decisions d WHERE d.batch_id = p.batch_id AND d.project_id = p.project_id
           AND EXISTS (SELECT 1 FROM invoices i WHERE i.project_pk = p.pk AND i.invoice_key = d.invoice_key)) AS decided
      FROM projects p WHERE (? IS NULL OR p.batch_id = ?) ORDER BY p.batch_id, p.project_id`),
    projectPk: db.prepare<[string, string], { pk: number }>('SELECT pk FROM projects WHERE batch_id = ? AND project_id = ?'),
    project: prepareSelect<typeof projectsTable, [number]>(db, projectsTable, 'WHERE pk = ?'),
    contracts: db
      .prepare<[number], unknown[]>(
        `
      SELECT ${contractRows.selectList('c')},
        (SELECT coalesce(sum(i.amount_fen), 0) FROM invoices i WHERE i.project_pk = c.project_pk AND i.contract_no = c.contract_no) AS invoiced_fen,
        (SELECT count(*) FROM invoices i WHERE i.project_pk = c.project_pk AND i.contract_no = c.contract_no) AS invoice_count,
        (SELECT coalesce(sum(r.amount_fen), 0) FROM payments r WHERE r.project_pk = c.project_pk AND r.contract_no = c.contract_no) AS paid_fen
      FROM contracts c WHERE c.project_pk = ? ORDER BY c.row_no`,
      )
      .raw(true),
    payments: prepareSelect<typeof paymentRows, [number]>(db, paymentRows, byProject),
    indicators: prepareSelect<typeof indicatorsTable, [number]>(db, indicatorsTable, byProject),
    attachments: prepareSelect<typeof attachmentsTable, [number]>(db, attachmentsTable, 'WHERE project_pk = ? ORDER BY path'),
    attachment: prepareSelect<typeof attachmentsTable, [number, string]>(db, attachmentsTable, 'WHERE project_pk = ? AND path = ?'),
    invoices: prepareSelect<typeof invoiceRows, [number]>(db, invoiceRows, byProject),
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
      const project = statements.project.get(pk);
      if (!project) throw new AppError('NOT_FOUND', `批次「${batchId}」中没有项目「${projectId}」`);
      const sums = Object.keys(contractRows.columns).length;
      return {
        batch,
        project: projectsTable.toApi(project),
        contracts: statements.contracts.all(pk).map((row) => ({
          ...contractRows.apiFromDb(row),
          invoiced: fenToMoney(row[sums] as number),
          invoiceCount: row[sums + 1] as number,
          paid: fenToMoney(row[sums + 2] as number),
        })),
        payments: statements.payments.api(pk),
        indicators: statements.indicators.all(pk).map((r) => ({ ...r, shortfall: shortfall(r.target, r.achieved) })),
        attachments: statements.attachments.all(pk),
      };
    },
    listInvoices(batchId: string, projectId: string): InvoiceRow[] {
      const pk = projectPk(batchId, projectId);
      return statements.invoices.api(pk);
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
