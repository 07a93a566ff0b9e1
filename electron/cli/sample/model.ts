import type { IndicatorCategory, InvestmentCategory, InvoiceType, IsoDate, ProjectType, RegionType } from '@shared/domain';
import type { City, Industry, ItemSpec } from './catalog';

/**
 * The generated data before it becomes cells and files. Money is integer fen throughout (exact,
 * fast for 100,000 invoices); rows refer to the objects they belong to, so a defect that changes a
 * contract's supplier changes what every row of that contract shows.
 */

export interface Company {
  name: string;
  /** 字号, the distinctive part of the name: 宏达 in 厦门宏达精密机械有限公司. */
  tradeName: string;
  /** 18-character unified social credit code, check character computed. */
  code: string;
  city: City;
  district: string;
  /** GB/T 2260 division, positions 3-8 of the code. */
  division: string;
  address: string;
  phone: string;
  bank: string;
  bankAccount: string;
  /** 小规模纳税人: issues ordinary invoices at 1% or 3%. */
  smallScale: boolean;
  legalRep: string;
}

export interface InvoiceLine {
  spec: string;
  quantity: number;
  /** Unit price in fen (excluding tax); amountFen = quantity × unitPriceFen. */
  unitPriceFen: number;
  amountFen: number;
  taxFen: number;
}

/** What an invoice document (XML, PDF) states; equals the row unless a defect makes them differ. */
export interface InvoiceDocument {
  lines: InvoiceLine[];
  amountFen: number;
  taxFen: number;
  totalFen: number;
  words: string;
}

export interface Invoice {
  /** Stable identity for the generator (not written). */
  id: number;
  /** 发票代码: '' for 数电. */
  code: string;
  number: string;
  issuedOn: IsoDate;
  /** Seconds into the issue day, for the XML IssueTime. */
  issueSecond: number;
  type: InvoiceType;
  seller: Company;
  buyer: Company;
  contract: Contract | null;
  item: ItemSpec;
  /** Rate in percent: 13, 6, 1 … (16 only through the tax-rate-unknown defect). */
  ratePercent: number;
  lines: InvoiceLine[];
  /** Row values. */
  amountFen: number;
  taxFen: number;
  totalFen: number;
  words: string;
  /** Set on a red invoice: the blue invoice it reverses. */
  reverses?: Invoice;
  redFormNumber?: string;
  /** Set when the attachment states other figures than the row (attachment-mismatch defect). */
  document?: InvoiceDocument;
  drawer: string;
  attachments: string[];
  /** The files named in 附件 are deliberately left out of the package (missing-attachment defect). */
  attachmentsMissing?: boolean;
  /** Touched by a defect: left alone by other defects and by attachment selection. */
  locked: boolean;
  /** Excel row, set when the sheet is laid out. */
  row: number;
}

export interface Contract {
  id: number;
  no: string;
  name: string;
  supplier: Company;
  signedOn: IsoDate;
  category: InvestmentCategory;
  domestic: boolean;
  items: readonly ItemSpec[];
  /** Contract amount including tax, set once the invoices are final. */
  amountFen: number;
  /** A second project's copy of this contract takes its amount (duplicate-invoice defect). */
  amountFrom?: Contract;
  /** Generation directives set by defects. */
  overinvoiced: boolean;
  underpaid: boolean;
  /** 约定尾款 (PACKAGE.md 1.1): set with the payments; '' when the contract stipulates none. */
  agreedTail: string;
  attachments: string[];
  locked: boolean;
  row: number;
}

export interface Payment {
  voucherNo: string;
  paidOn: IsoDate;
  payer: Company;
  payee: Company;
  amountFen: number;
  contract: Contract;
  purpose: string;
  attachments: string[];
  row: number;
}

export interface Indicator {
  category: IndicatorCategory;
  categoryLabel: string;
  name: string;
  unit: string;
  target: number;
  achieved: number | null;
  evidence: string;
  row: number;
}

/** How one project's workbook is spelled: realistic variety that the format allows. */
export interface WorkbookStyle {
  /** A title row above the header row of the table sheets. */
  titleRow: boolean;
  /** 0: canonical names; 1: names with units as the template writes them; 2: aliases. */
  headerVariant: 0 | 1 | 2;
  /** 计划总投资 in 万元. */
  plannedInWan: boolean;
  /** Share of amount cells written as text (`1,234.50`). */
  textAmountShare: number;
  /** Share of date cells written as text in one of the allowed spellings. */
  textDateShare: number;
  /** Rates as percent-formatted numbers, or as text `13%`. */
  ratesAsText: boolean;
  /** 数电 invoice types written as printed on the invoice (电子发票（增值税专用发票）). */
  printedInvoiceTypes: boolean;
  /** 圆 as invoices print it, or 元 as many hand-filled sheets do (both legal). */
  yuanChar: '圆' | '元';
  /** 发票号码 placed before 发票代码. */
  numberFirst: boolean;
}

export interface Project {
  index: number;
  id: string;
  name: string;
  applicant: Company;
  industry: Industry;
  projectType?: ProjectType;
  regionType?: RegionType;
  chainLeader: boolean;
  supportingEnterprises: number;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  contact: string;
  contactPhone: string;
  plannedFen: number;
  contracts: Contract[];
  invoices: Invoice[];
  payments: Payment[];
  indicators: Indicator[];
  style: WorkbookStyle;
}

export interface Batch {
  id: string;
  name: string;
  policy: string;
  stage: 'application' | 'midterm' | 'acceptance';
  issuer: string;
  createdAt: IsoDate;
  /** Last day invoices and payments may carry: the package is made after it. */
  cutoff: IsoDate;
}
