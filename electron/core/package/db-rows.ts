import { fenToMoney } from '../../../shared/domain/fen';
import type { VContract, VInvoice, VPayment } from '../../../shared/verification/types';
import type { ContractRecord, IndicatorRecord, InvoiceRecord, PaymentRecord, ProjectRecord } from './records';

/** Column shapes of the package tables (migration 0002), as better-sqlite3 returns them. */
export interface ProjectRow {
  pk: number;
  batch_id: string;
  project_id: string;
  name: string;
  applicant: string;
  credit_code: string;
  industry_code: string | null;
  tier: 'point' | 'line' | 'area' | null;
  chain_leader: 0 | 1 | null;
  supporting_enterprises: number | null;
  region_kind: string | null;
  planned_investment_fen: number | null;
  period_start: string | null;
  period_end: string | null;
  district: string;
  contact: string;
  phone: string;
  extra: string;
}

export interface ContractRow {
  row_no: number;
  contract_no: string;
  name: string;
  supplier_name: string;
  supplier_code: string;
  signed_on: string | null;
  amount_fen: number;
  category: string;
  domestic: 0 | 1 | null;
  attachments: string;
  extra: string;
}

export interface InvoiceDbRow {
  row_no: number;
  invoice_key: string;
  code: string;
  number: string;
  issued_on: string;
  kind: string;
  seller_name: string;
  seller_tax_id: string;
  buyer_name: string;
  buyer_tax_id: string;
  item_name: string;
  amount_fen: number;
  tax_rate: string;
  tax_fen: number | null;
  total_fen: number;
  total_in_words: string;
  contract_no: string;
  attachments: string;
  extra: string;
}

export interface PaymentRow {
  row_no: number;
  voucher_no: string;
  paid_on: string;
  payer: string;
  payee: string;
  amount_fen: number;
  contract_no: string;
  attachments: string;
  extra: string;
}

export interface IndicatorRow {
  row_no: number;
  category: string;
  name: string;
  unit: string;
  target: string;
  achieved: string;
  evidence: string;
}

export const splitNames = (joined: string): string[] => (joined === '' ? [] : joined.split(';'));
export const fromBool = (value: 0 | 1 | null): boolean | null => (value === null ? null : value === 1);

/** An invoice row as the API and the checks see it: money as decimal strings, attachments as names. */
export function invoiceFromRow(i: InvoiceDbRow): VInvoice {
  return {
    rowNo: i.row_no,
    key: i.invoice_key,
    code: i.code,
    number: i.number,
    issuedOn: i.issued_on,
    kind: i.kind,
    sellerName: i.seller_name,
    sellerTaxId: i.seller_tax_id,
    buyerName: i.buyer_name,
    buyerTaxId: i.buyer_tax_id,
    itemName: i.item_name,
    amount: fenToMoney(i.amount_fen),
    taxRate: i.tax_rate,
    tax: i.tax_fen === null ? null : fenToMoney(i.tax_fen),
    total: fenToMoney(i.total_fen),
    totalInWords: i.total_in_words,
    contractNo: i.contract_no,
    attachments: splitNames(i.attachments),
  };
}

export function contractFromRow(c: ContractRow): VContract & { domestic: boolean | null; attachments: string[] } {
  return {
    rowNo: c.row_no,
    contractNo: c.contract_no,
    name: c.name,
    supplierName: c.supplier_name,
    supplierCode: c.supplier_code,
    signedOn: c.signed_on,
    amount: fenToMoney(c.amount_fen),
    category: c.category,
    domestic: fromBool(c.domestic),
    attachments: splitNames(c.attachments),
  };
}

export function paymentFromRow(r: PaymentRow): VPayment & { attachments: string[] } {
  return {
    rowNo: r.row_no,
    voucherNo: r.voucher_no,
    paidOn: r.paid_on,
    payer: r.payer,
    payee: r.payee,
    amount: fenToMoney(r.amount_fen),
    contractNo: r.contract_no,
    attachments: splitNames(r.attachments),
  };
}

const extraOf = (json: string) => JSON.parse(json) as Record<string, string>;

/** Rows back into the records the importer writes, for the change report of a re-import. */
export function projectRecordFromRow(p: ProjectRow): ProjectRecord {
  return {
    projectId: p.project_id,
    name: p.name,
    applicant: p.applicant,
    creditCode: p.credit_code,
    industryCode: p.industry_code,
    tier: p.tier,
    chainLeader: fromBool(p.chain_leader),
    supportingEnterprises: p.supporting_enterprises,
    regionKind: p.region_kind,
    plannedInvestmentFen: p.planned_investment_fen,
    periodStart: p.period_start,
    periodEnd: p.period_end,
    district: p.district,
    contact: p.contact,
    phone: p.phone,
    extra: extraOf(p.extra),
  };
}

export function contractRecordFromRow(r: ContractRow): ContractRecord {
  return {
    rowNo: r.row_no,
    contractNo: r.contract_no,
    name: r.name,
    supplierName: r.supplier_name,
    supplierCode: r.supplier_code,
    signedOn: r.signed_on,
    amountFen: r.amount_fen,
    category: r.category,
    domestic: fromBool(r.domestic),
    attachments: splitNames(r.attachments),
    extra: extraOf(r.extra),
  };
}

export function invoiceRecordFromRow(r: InvoiceDbRow): InvoiceRecord {
  return {
    rowNo: r.row_no,
    invoiceKey: r.invoice_key,
    code: r.code,
    number: r.number,
    issuedOn: r.issued_on,
    kind: r.kind,
    sellerName: r.seller_name,
    sellerTaxId: r.seller_tax_id,
    buyerName: r.buyer_name,
    buyerTaxId: r.buyer_tax_id,
    itemName: r.item_name,
    amountFen: r.amount_fen,
    taxRate: r.tax_rate,
    taxFen: r.tax_fen,
    totalFen: r.total_fen,
    totalInWords: r.total_in_words,
    contractNo: r.contract_no,
    attachments: splitNames(r.attachments),
    extra: extraOf(r.extra),
  };
}

export function paymentRecordFromRow(r: PaymentRow): PaymentRecord {
  return {
    rowNo: r.row_no,
    voucherNo: r.voucher_no,
    paidOn: r.paid_on,
    payer: r.payer,
    payee: r.payee,
    amountFen: r.amount_fen,
    contractNo: r.contract_no,
    attachments: splitNames(r.attachments),
    extra: extraOf(r.extra),
  };
}

export function indicatorRecordFromRow(r: IndicatorRow): IndicatorRecord {
  return { rowNo: r.row_no, category: r.category, name: r.name, unit: r.unit, target: r.target, achieved: r.achieved, evidence: r.evidence };
}
