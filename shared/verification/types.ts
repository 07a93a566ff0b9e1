import type { DecisionKind, FindingCode, Severity } from '../codes/codes';
import type { ContractDto, InvoiceDto, PaymentDto } from '../records/stored-records';
import type { Spending } from '../rules/rule-set-schema';

/**
 * The inputs and outputs of offline invoice verification (issue: 发票核验). Pure data: the core
 * reads it from the database, the checks in this folder compute findings and the verified
 * investment, and the UI shows them. Money is yuan decimal strings with two decimals.
 */

export { FINDING_CODES, type FindingCode, type Severity, type DecisionKind } from '../codes/codes';

export interface VerificationFinding {
  code: FindingCode;
  severity: Severity;
  /** Chinese, naming the values compared, e.g. 「金额 1,000.00 + 税额 130.00 = 1,130.00，与价税合计 1,131.00 不符」. */
  message: string;
  /**
   * Set when the policy text itself excludes the row (e.g. Xiamen §五(一)(二): invoice outside the
   * window, land or buildings, no contract or payment): the source paragraph. No decision counts it;
   * only a correction (更正) of the data can change the finding.
   */
  statutory?: string;
  /** The row counts only after a reviewer's explicit 认定 (an open category, an unstipulated tail). */
  needsConfirmation?: boolean; /**
   * A 核减 the finding proposes for the reviewer to decide (现场核查: the part of the equipment not
   * seen on site), the amount to take off this row excluding tax. Never applied by itself.
   */
  proposedCut?: string;
}

/** An invoice row as the checks see it (money as yuan strings); declared with its table. */
export type VInvoice = Omit<InvoiceDto, 'extra'>;

/** File names from a row's 附件 cell are optional: checks compare them with attachmentNames when passed. */
type WithOptionalAttachments<T extends { attachments: string[] }> = Omit<T, 'attachments' | 'extra'> & { attachments?: string[] };

export type VContract = Omit<WithOptionalAttachments<ContractDto>, 'domestic'>;

export type VPayment = WithOptionalAttachments<PaymentDto>;

/** Data read from an attached e-invoice file (数电 XML, OFD, or a QR payload), to compare with its row. */
export interface EInvoiceData {
  /** Which reader produced it, for messages: 数电XML / OFD / 二维码. */
  source: string;
  fileName: string;
  number: string;
  code?: string;
  issuedOn?: string;
  sellerName?: string;
  sellerTaxId?: string;
  buyerName?: string;
  buyerTaxId?: string;
  amount?: string;
  tax?: string;
  total?: string;
  totalInWords?: string;
  red?: boolean;
  /** For a red invoice: the blue invoice it reverses. */
  originalNumber?: string;
  /** The invoice's lines (明细) as the file lists them; absent when the file shows none. */
  lines?: EInvoiceLine[];
  /** What kind of document it is when not a VAT invoice proper, e.g. 铁路电子客票. */
  documentKind?: string;
  /** A PDF whose QR code was decoded and compared with its text. */
  qrChecked?: boolean;
  /** How the QR code disagrees with the printed text (an edited page), when it does. */
  qrMismatch?: string;
}

/** One line (明细) of an e-invoice; every value as the file writes it, amounts as yuan strings. */
export interface EInvoiceLine {
  /** 项目名称, usually `*税收分类简称*品名`. */
  name: string;
  spec?: string;
  unit?: string;
  quantity?: string;
  unitPrice?: string;
  amount?: string;
  taxRate?: string;
  tax?: string;
}

export interface VProject {
  batchId: string;
  projectId: string;
  applicant: string;
  applicantCode: string;
  invoices: VInvoice[];
  contracts: VContract[];
  payments: VPayment[];
  /** Names of the files present under the project's 附件/ folder. */
  attachmentNames: ReadonlySet<string>;
  /** Parsed e-invoice attachments by file name (files that could not be read are absent). */
  einvoices: ReadonlyMap<string, EInvoiceData>;
  /** Why an attachment that looks like an e-invoice could not be read, by file name. */
  einvoiceErrors?: ReadonlyMap<string, string>;
}

/** Where else an invoice key occurs in the database (other projects or batches). */
export interface DuplicateLocation {
  batchId: string;
  projectId: string;
  rowNo: number;
}
export type DuplicateLookup = (key: string) => readonly DuplicateLocation[];

export interface VerificationContext {
  /** The rule set's spending rules; undefined for a policy without them (window and tail not checked). */
  spending: Spending | undefined;
  duplicatesElsewhere: DuplicateLookup;
}

export interface InvoiceDecision {
  kind: DecisionKind;
  /** For `reduce`: the amount (excluding tax) that counts. */
  amount?: string;
  /** The invoice is excluded by the policy text whatever the decision: why, with its paragraph. */
  statutory?: string;
}

export interface ContractReconciliation {
  contractNo: string;
  supplierName: string;
  category: string;
  contractAmount: string;
  /** Sum of amounts excluding tax of all invoices on the contract (red ones netted). */
  invoiced: string;
  /** Sum of accepted amounts (after 核减) of invoices on it. */
  accepted: string;
  paid: string;
  /** Invoiced (including tax) minus paid, not below zero. */
  unpaid: string;
  /** What counts toward the verified investment from this contract. */
  counted: string;
  eligible: boolean;
  /** Chinese steps a reviewer can follow, in order. */
  trace: string[];
}

export interface VerifiedInvestment {
  total: string;
  contracts: ContractReconciliation[];
  /** Accepted invoices without a (known) contract: counted 0, listed for the reviewer. */
  withoutContract: { rowNo: number; key: string; amount: string }[];
  trace: string[];
}
