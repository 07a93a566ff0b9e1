import type { InvoiceDecision, VerificationFinding } from './types';

/** The first finding by which the policy text excludes a row, whatever a reviewer decides. */
export function statutoryFinding(findings: readonly VerificationFinding[]): VerificationFinding | undefined {
  return findings.find((f) => f.statutory !== undefined);
}

/**
 * What counts for an invoice: a statutory finding overrides every decision (Xiamen §五(一)(二) say
 * such spending is no investment); else the reviewer's decision; else, before one, rows with an
 * error count nothing, rows waiting for a reviewer's confirmation (an open category) count nothing
 * yet (undefined: pending), and the others count as accepted.
 */
export function effectiveDecision(findings: readonly VerificationFinding[], decided: InvoiceDecision | undefined): InvoiceDecision | undefined {
  const statutory = statutoryFinding(findings);
  if (statutory) {
    const source = statutory.statutory ?? '';
    return { kind: 'reject', statutory: statutory.message.includes(source) ? statutory.message : `${statutory.message}（${source}）` };
  }
  if (decided) return decided;
  if (findings.some((f) => f.severity === 'error')) return { kind: 'reject' };
  if (findings.some((f) => f.needsConfirmation === true)) return undefined;
  return { kind: 'accept' };
}
