import type { FindingCode, Severity, VerificationFinding, VProject } from './types';
import { normalizeContractNo } from './names';

/** What makes a finding more than advice: see VerificationFinding. */
export type FindingFlags = Pick<VerificationFinding, 'statutory' | 'needsConfirmation'>;

/**
 * Where the checks put their findings: one list per invoice row, per contract
 * number and per payment row. Every row has a list, empty when nothing was
 * found, so the UI can tell "checked, clean" from "not checked".
 */
export class FindingSink {
  readonly invoices = new Map<number, VerificationFinding[]>();
  readonly contracts = new Map<string, VerificationFinding[]>();
  readonly payments = new Map<number, VerificationFinding[]>();
  /** Folded contract number → the number as written on the 合同 sheet (the key of `contracts`). */
  private readonly contractNames = new Map<string, string>();

  constructor(project: VProject) {
    for (const invoice of project.invoices) this.invoices.set(invoice.rowNo, []);
    for (const payment of project.payments) this.payments.set(payment.rowNo, []);
    for (const contract of project.contracts) {
      const folded = normalizeContractNo(contract.contractNo);
      if (!this.contractNames.has(folded)) this.contractNames.set(folded, contract.contractNo);
      this.contracts.set(this.contractNames.get(folded) ?? contract.contractNo, []);
    }
  }

  invoice(rowNo: number, code: FindingCode, severity: Severity, message: string, flags: FindingFlags = {}): void {
    push(this.invoices, rowNo, { code, severity, message, ...flags });
  }

  /** `contractNo` as written on any sheet; it is filed under the 合同 sheet's spelling. */
  contract(contractNo: string, code: FindingCode, severity: Severity, message: string, flags: FindingFlags = {}): void {
    const key = this.contractNames.get(normalizeContractNo(contractNo)) ?? contractNo;
    push(this.contracts, key, { code, severity, message, ...flags });
  }

  payment(rowNo: number, code: FindingCode, severity: Severity, message: string): void {
    push(this.payments, rowNo, { code, severity, message });
  }
}

function push<K>(map: Map<K, VerificationFinding[]>, key: K, finding: VerificationFinding): void {
  const list = map.get(key);
  if (list) list.push(finding);
  else map.set(key, [finding]);
}
