import { isIsoDate } from '../domain/dates';
import { Dec } from '../domain/decimal';
import { invoiceKey } from '../domain/invoice-number';
import { formatYuan, isDecimalString } from '../domain/money';
import { normalizeCode, normalizeContractNo, normalizeName } from './names';
import type { VContract, VInvoice, VPayment, VProject } from './types';

/**
 * Everything the checks and the verified investment need from a project,
 * computed once: amounts parsed to Decimal, contract numbers resolved, and the
 * sums per contract. Every check then works on maps, so a project of tens of
 * thousands of invoices is verified in linear time.
 */

export const ZERO = new Dec(0);

/** A decimal string as Decimal, or undefined when it is not one (an importer bug or a missing value). */
export function readDecimal(value: string | null | undefined): Dec | undefined {
  if (value === null || value === undefined) return undefined;
  const s = value.trim();
  return isDecimalString(s) ? new Dec(s) : undefined;
}

const PLAIN_KEY = /^\d{20}$|^\d{10}(?:\d{2})?-\d{8}$/u;

/** The invoice key as given (already canonical in the common case), else folded or rebuilt from code and number. */
function foldKey(invoice: VInvoice): string {
  if (PLAIN_KEY.test(invoice.key)) return invoice.key;
  const given = normalizeCode(invoice.key);
  return given === '' ? invoiceKey(invoice.code, invoice.number) : given;
}

const dateCache = new Map<string, boolean>();

/** isIsoDate, memoised: a project has thousands of invoices but a few hundred distinct dates. */
export function isValidDate(value: string): boolean {
  let valid = dateCache.get(value);
  if (valid === undefined) {
    if (dateCache.size > 100_000) dateCache.clear();
    valid = isIsoDate(value);
    dateCache.set(value, valid);
  }
  return valid;
}

export interface IndexedInvoice {
  readonly invoice: VInvoice;
  readonly rowNo: number;
  /** The unique key: the 20-digit number, or code-number; '' when the row has no number. */
  readonly key: string;
  readonly amount: Dec | undefined;
  /** undefined when the cell is empty (`***` on a tax-exempt invoice) or unreadable. */
  readonly tax: Dec | undefined;
  readonly total: Dec | undefined;
  /** Folded contract number, '' when none was given. */
  readonly contractKey: string;
  readonly ledger: ContractLedger | undefined;
  /** A red (negative) invoice: its amount or total is below zero. */
  readonly red: boolean;
}

export interface IndexedPayment {
  readonly payment: VPayment;
  readonly rowNo: number;
  readonly amount: Dec | undefined;
  readonly contractKey: string;
  readonly ledger: ContractLedger | undefined;
}

/** One contract with what was invoiced and paid on it. */
export interface ContractLedger {
  readonly contract: VContract;
  readonly key: string;
  /** Including tax, as signed; undefined when unreadable. */
  readonly amount: Dec | undefined;
  readonly invoices: IndexedInvoice[];
  readonly payments: IndexedPayment[];
  /** Net of red invoices, excluding tax. */
  invoicedAmount: Dec;
  /** Net of red invoices, including tax (价税合计). */
  invoicedTotal: Dec;
  paid: Dec;
}

export interface ProjectIndex {
  readonly project: VProject;
  readonly applicantName: string;
  readonly applicantCode: string;
  readonly invoices: readonly IndexedInvoice[];
  readonly payments: readonly IndexedPayment[];
  /** By folded contract number: the first row of the 合同 sheet with that number. */
  readonly ledgers: ReadonlyMap<string, ContractLedger>;
  /** Contract rows whose number already occurred higher up the sheet. */
  readonly duplicateContracts: readonly VContract[];
  /** Invoice rows by key (rows without a number are left out). */
  readonly byKey: ReadonlyMap<string, readonly IndexedInvoice[]>;
}

export function indexProject(project: VProject): ProjectIndex {
  const ledgers = new Map<string, ContractLedger>();
  const duplicateContracts: VContract[] = [];
  for (const contract of project.contracts) {
    const key = normalizeContractNo(contract.contractNo);
    if (key === '') continue;
    if (ledgers.has(key)) {
      duplicateContracts.push(contract);
      continue;
    }
    ledgers.set(key, {
      contract,
      key,
      amount: readDecimal(contract.amount),
      invoices: [],
      payments: [],
      invoicedAmount: ZERO,
      invoicedTotal: ZERO,
      paid: ZERO,
    });
  }

  const byKey = new Map<string, IndexedInvoice[]>();
  const invoices: IndexedInvoice[] = [];
  for (const invoice of project.invoices) {
    const contractKey = normalizeContractNo(invoice.contractNo);
    const ledger = contractKey === '' ? undefined : ledgers.get(contractKey);
    const amount = readDecimal(invoice.amount);
    const total = readDecimal(invoice.total);
    const key = foldKey(invoice);
    const indexed: IndexedInvoice = {
      invoice,
      rowNo: invoice.rowNo,
      key,
      amount,
      tax: readDecimal(invoice.tax),
      total,
      contractKey,
      ledger,
      red: (amount?.isNegative() === true && !amount.isZero()) || (total?.isNegative() === true && !total.isZero()),
    };
    invoices.push(indexed);
    if (key !== '') {
      const same = byKey.get(key);
      if (same) same.push(indexed);
      else byKey.set(key, [indexed]);
    }
    if (ledger) {
      ledger.invoices.push(indexed);
      if (amount) ledger.invoicedAmount = ledger.invoicedAmount.plus(amount);
      if (total) ledger.invoicedTotal = ledger.invoicedTotal.plus(total);
    }
  }

  const payments: IndexedPayment[] = [];
  for (const payment of project.payments) {
    const contractKey = normalizeContractNo(payment.contractNo);
    const ledger = contractKey === '' ? undefined : ledgers.get(contractKey);
    const amount = readDecimal(payment.amount);
    const indexed: IndexedPayment = { payment, rowNo: payment.rowNo, amount, contractKey, ledger };
    payments.push(indexed);
    if (ledger) {
      ledger.payments.push(indexed);
      if (amount) ledger.paid = ledger.paid.plus(amount);
    }
  }

  return {
    project,
    applicantName: normalizeName(project.applicant),
    applicantCode: normalizeCode(project.applicantCode),
    invoices,
    payments,
    ledgers,
    duplicateContracts,
    byKey,
  };
}

/** Money for a message: 「1,234.50 元」. */
export function yuan(value: Dec | string): string {
  return `${formatYuan(typeof value === 'string' ? value : money(value))} 元`;
}

/** Two decimals, half-up, never -0.00: how money leaves this module. */
export function money(value: Dec): string {
  const fixed = value.toFixed(2, Dec.ROUND_HALF_UP);
  return fixed === '-0.00' ? '0.00' : fixed;
}
