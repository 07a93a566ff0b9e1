import { z } from 'zod';
import { PROJECT_TYPES, REGION_TYPES, STAGES } from '../domain/enums';
import { bool, code, defineTable, extra, fen, int, names, plain, text, type ApiOf, type RecordOf } from './table';

/*
 * Every record the database keeps about an application package and its review, declared once
 * (tables of migrations 0002 and 0004). Field order is the order of the SELECT column lists.
 * Codes whose stored values are the ids of a closed list are typed by that list; the 投资类别,
 * 发票类型 and 指标类别 columns keep the label the workbook showed, so they stay text.
 */

export const batchesTable = defineTable('batches', [], {
  id: text('id'),
  name: text('name'),
  policy: text('policy'),
  stage: code('stage', STAGES),
  issuer: text('issuer'),
  createdOn: text('created_on'),
  importedAt: text('imported_at'),
  packageSha256: text('package_sha256'),
});

export const projectsTable = defineTable('projects', ['batch_id'], {
  id: text('project_id'),
  name: text('name'),
  applicant: text('applicant'),
  creditCode: text('credit_code'),
  industryCode: text('industry_code').nullable(),
  tier: code('tier', PROJECT_TYPES).nullable(),
  chainLeader: bool('chain_leader').nullable(),
  supportingEnterprises: int('supporting_enterprises').nullable(),
  regionKind: code('region_kind', REGION_TYPES).nullable(),
  plannedInvestment: fen('planned_investment_fen').nullable(),
  periodStart: text('period_start').nullable(),
  periodEnd: text('period_end').nullable(),
  district: text('district'),
  contact: text('contact'),
  phone: text('phone'),
  extra: extra('extra'),
});

export const contractsTable = defineTable('contracts', ['project_pk'], {
  rowNo: int('row_no'),
  contractNo: text('contract_no'),
  name: text('name'),
  supplierName: text('supplier_name'),
  supplierCode: text('supplier_code'),
  signedOn: text('signed_on').nullable(),
  /** Including tax, as signed. */
  amount: fen('amount_fen'),
  /** 设备 / 软件 / 工艺 / 平台 / 咨询 / 测试 / 土建 / 土地 / 其他 */
  category: text('category'),
  domestic: bool('domestic').nullable(),
  /** 约定尾款 (PACKAGE.md 1.1): the tail or retention the contract stipulates, normalised `10%` or `35600.00`; '' when not given. */
  agreedTail: text('agreed_tail'),
  attachments: names('attachments'),
  extra: extra('extra'),
});

export const invoicesTable = defineTable('invoices', ['project_pk'], {
  rowNo: int('row_no'),
  /** 20-digit number, or `code-number`. */
  key: text('invoice_key'),
  code: text('code'),
  number: text('number'),
  issuedOn: text('issued_on'),
  kind: text('kind'),
  sellerName: text('seller_name'),
  sellerTaxId: text('seller_tax_id'),
  buyerName: text('buyer_name'),
  buyerTaxId: text('buyer_tax_id'),
  itemName: text('item_name'),
  /** Excluding tax; red invoices are negative. */
  amount: fen('amount_fen'),
  /** A fraction such as "0.13", or 免税 / 不征税, or '' when unreadable. */
  taxRate: text('tax_rate'),
  tax: fen('tax_fen').nullable(),
  total: fen('total_fen'),
  totalInWords: text('total_in_words'),
  contractNo: text('contract_no'),
  attachments: names('attachments'),
  extra: extra('extra'),
});

export const paymentsTable = defineTable('payments', ['project_pk'], {
  rowNo: int('row_no'),
  voucherNo: text('voucher_no'),
  paidOn: text('paid_on'),
  payer: text('payer'),
  payee: text('payee'),
  amount: fen('amount_fen'),
  contractNo: text('contract_no'),
  attachments: names('attachments'),
  extra: extra('extra'),
});

export const indicatorsTable = defineTable('indicators', ['project_pk'], {
  rowNo: int('row_no'),
  category: text('category'),
  name: text('name'),
  unit: text('unit'),
  target: text('target'),
  achieved: text('achieved'),
  evidence: text('evidence'),
});

export const attachmentsTable = defineTable('attachments', ['project_pk'], {
  path: text('path'),
  sha256: text('sha256'),
  size: int('size'),
  mediaType: text('media_type'),
});

/** A reviewer's current decision on one invoice occurrence (migration 0004, fingerprint version 0005, per reviewer 0006). */
export const decisionsTable = defineTable('invoice_decisions', ['batch_id', 'project_id', 'reviewer_id'], {
  invoiceKey: text('invoice_key'),
  occurrence: int('occurrence'),
  kind: plain('kind', z.enum(['accept', 'reduce', 'reject'])),
  /** For 核减: the amount (excluding tax) that counts. */
  amount: fen('amount_fen').nullable(),
  reason: text('reason'),
  reviewer: text('reviewer'),
  decidedAt: text('decided_at'),
  /** The invoice's fingerprint when decided, in the field list of `fingerprintVersion`. */
  fingerprint: text('row_fingerprint'),
  fingerprintVersion: int('fingerprint_version'),
});

/** One reviewer's current correction (更正) of a field of an invoice or a contract (shared/verification/corrections.ts). */
export const correctionsTable = defineTable('data_corrections', ['batch_id', 'project_id', 'reviewer_id'], {
  target: plain('target', z.enum(['invoice', 'contract'])),
  targetKey: text('target_key'),
  occurrence: int('occurrence'),
  field: text('field'),
  oldValue: text('old_value'),
  newValue: text('new_value'),
  reason: text('reason'),
  /** 附件名#页. */
  evidence: text('evidence'),
  reviewer: text('reviewer'),
  correctedAt: text('corrected_at'),
});

export type BatchRecord = RecordOf<typeof batchesTable.columns>;
export type ProjectRecord = RecordOf<typeof projectsTable.columns>;
export type ContractRecord = RecordOf<typeof contractsTable.columns>;
export type InvoiceRecord = RecordOf<typeof invoicesTable.columns>;
export type PaymentRecord = RecordOf<typeof paymentsTable.columns>;
export type IndicatorRecord = RecordOf<typeof indicatorsTable.columns>;
export type AttachmentRecord = RecordOf<typeof attachmentsTable.columns>;
export type DecisionRecord = RecordOf<typeof decisionsTable.columns>;

export type InvoiceDto = ApiOf<typeof invoicesTable.columns>;
export type ContractDto = ApiOf<typeof contractsTable.columns>;
export type PaymentDto = ApiOf<typeof paymentsTable.columns>;
