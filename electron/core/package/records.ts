import type { PackageProblem } from '@shared/package/problem';
import type { ContractRecord, IndicatorRecord, InvoiceRecord, PaymentRecord, ProjectRecord } from '@shared/records/stored-records';

/**
 * A project's workbook after reading and type conversion, ready to store. The record shapes are
 * declared once with their tables (shared/records/stored-records.ts): money is integer fen, and
 * every row keeps its sheet row number so findings can point at the cell a reviewer sees.
 */
export type { ContractRecord, IndicatorRecord, InvoiceRecord, PaymentRecord, ProjectRecord };

export interface ParsedProject {
  project: ProjectRecord;
  contracts: ContractRecord[];
  invoices: InvoiceRecord[];
  payments: PaymentRecord[];
  indicators: IndicatorRecord[];
}

export interface ParsedWorkbook {
  parsed: ParsedProject | null;
  problems: PackageProblem[];
}
