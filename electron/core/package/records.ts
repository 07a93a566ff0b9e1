import type { PackageProblem } from '../../../shared/package/problem';

/**
 * Rows of a project's workbook after reading and type conversion, ready to store. Money is integer
 * fen; every row keeps its sheet row number so findings can point at the cell a reviewer sees.
 * Text the format does not interpret (extra columns) is kept in `extra`.
 */
export interface ProjectRecord {
  projectId: string;
  name: string;
  applicant: string;
  creditCode: string;
  industryCode: string | null;
  tier: 'point' | 'line' | 'area' | null;
  chainLeader: boolean | null;
  supportingEnterprises: number | null;
  regionKind: string | null;
  plannedInvestmentFen: number | null;
  periodStart: string | null;
  periodEnd: string | null;
  district: string;
  contact: string;
  phone: string;
  extra: Record<string, string>;
}

export interface ContractRecord {
  rowNo: number;
  contractNo: string;
  name: string;
  supplierName: string;
  supplierCode: string;
  signedOn: string | null;
  amountFen: number;
  category: string;
  domestic: boolean | null;
  attachments: string[];
  extra: Record<string, string>;
}

export interface InvoiceRecord {
  rowNo: number;
  invoiceKey: string;
  code: string;
  number: string;
  issuedOn: string;
  kind: string;
  sellerName: string;
  sellerTaxId: string;
  buyerName: string;
  buyerTaxId: string;
  itemName: string;
  amountFen: number;
  /** A fraction such as "0.13", or 免税 / 不征税. */
  taxRate: string;
  taxFen: number | null;
  totalFen: number;
  totalInWords: string;
  contractNo: string;
  attachments: string[];
  extra: Record<string, string>;
}

export interface PaymentRecord {
  rowNo: number;
  voucherNo: string;
  paidOn: string;
  payer: string;
  payee: string;
  amountFen: number;
  contractNo: string;
  attachments: string[];
  extra: Record<string, string>;
}

export interface IndicatorRecord {
  rowNo: number;
  category: string;
  name: string;
  unit: string;
  target: string;
  achieved: string;
  evidence: string;
}

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
