import type { Severity, VerificationFinding, VPayment } from './types';

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

/** The worst severity among findings, or null when there are none. */
export function worstSeverity(findings: readonly { severity: Severity }[]): Severity | null {
  let worst: Severity | null = null;
  for (const f of findings) if (worst === null || SEVERITY_ORDER[f.severity] > SEVERITY_ORDER[worst]) worst = f.severity;
  return worst;
}

export interface VerifiedPayment {
  rowNo: number;
  voucherNo: string;
  paidOn: string;
  payer: string;
  payee: string;
  amount: string;
  contractNo: string;
  findings: VerificationFinding[];
  severity: Severity | null;
}

/** Every row of the 付款 sheet, in sheet order, with what the checks found on it (empty when clean). */
export function verifiedPayments(payments: readonly VPayment[], findings: ReadonlyMap<number, VerificationFinding[]>): VerifiedPayment[] {
  return payments.map((p) => {
    const own = findings.get(p.rowNo) ?? [];
    return {
      rowNo: p.rowNo,
      voucherNo: p.voucherNo,
      paidOn: p.paidOn,
      payer: p.payer,
      payee: p.payee,
      amount: p.amount,
      contractNo: p.contractNo,
      findings: own,
      severity: worstSeverity(own),
    };
  });
}
