import { formatYuan, maxMoney, minMoney, subtractMoney, sumMoney } from '../domain/money';
import { checkAmountInWords } from './check-amount-in-words';
import { checkArithmetic } from './check-arithmetic';
import { checkAttachments } from './check-attachments';
import { checkContracts } from './check-contracts';
import { checkDates } from './check-dates';
import { checkDuplicates } from './check-duplicates';
import { checkEInvoiceLines } from './check-einvoice-lines';
import { checkNumbers } from './check-numbers';
import { checkParties } from './check-parties';
import { checkPayments } from './check-payments';
import { checkRedInvoices } from './check-red-invoices';
import { checkSpending } from './check-spending';
import { FindingSink } from './findings';
import { indexProject, type ProjectIndex } from './project-index';
import { linkRedInvoices } from './red-links';
import type { VerificationContext, VerificationFinding, VProject } from './types';

export interface ProjectFindings {
  /** By invoice rowNo; every row has a list (empty when clean). */
  invoices: Map<number, VerificationFinding[]>;
  /** By contract number as written on the 合同 sheet; every contract has a list. */
  contracts: Map<string, VerificationFinding[]>;
  /** By payment rowNo; every row has a list. */
  payments: Map<number, VerificationFinding[]>;
}

/**
 * Runs every offline check on one project. The project is indexed once
 * (amounts parsed, contracts resolved, keys grouped), so the whole run is
 * linear in the number of rows. A caller that also computes the verified investment passes the
 * index it built, so the amounts are parsed once.
 */
export function verifyProject(project: VProject, context: VerificationContext, index: ProjectIndex = indexProject(project)): ProjectFindings {
  const sink = new FindingSink(project);
  const { spending } = context;
  checkNumbers(index, sink);
  checkDuplicates(index, sink, context.duplicatesElsewhere);
  checkDates(index, sink, spending);
  checkArithmetic(index, sink);
  checkAmountInWords(index, sink);
  checkParties(index, sink);
  checkContracts(index, sink, spending);
  checkSpending(index, sink, spending);
  checkRedInvoices(linkRedInvoices(index), sink);
  checkPayments(index, sink);
  checkAttachments(index, sink);
  checkEInvoiceLines(index, sink, spending);
  return { invoices: sink.invoices, contracts: sink.contracts, payments: sink.payments };
}

export interface SuggestedDecision {
  kind: 'accept' | 'reject' | 'review';
  reason: string;
  /** With findings proposing a 核减 (现场核查): what would count after it, for the reviewer to decide. */
  reduceTo?: string;
}

const SHOWN = 3;

function summarise(findings: readonly VerificationFinding[]): string {
  const shown = findings
    .slice(0, SHOWN)
    .map((f) => f.message)
    .join('；');
  return findings.length > SHOWN ? `${shown}（等 ${findings.length} 项）` : shown;
}

/**
 * What the findings of one invoice suggest: any error → reject (不予认定), else
 * any warning → review (需人工核实), else accept. Notices (info) never stand in
 * the way: a red invoice and its original are accepted and net out. Only a
 * suggestion — the reviewer decides and may 核减 instead. Given the invoice's amount, findings that
 * propose a 核减 (现场核查) suggest it: review, with the amount that would count.
 */
export function suggestDecision(findings: readonly VerificationFinding[], amount?: string): SuggestedDecision {
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) return { kind: 'reject', reason: `不予认定：${summarise(errors)}` };
  const proposals = findings.filter((f) => f.proposedCut !== undefined);
  if (proposals.length > 0 && amount !== undefined) {
    const cut = minMoney(sumMoney(proposals.map((f) => f.proposedCut ?? '0.00')), maxMoney(amount, '0.00'));
    return { kind: 'review', reason: `建议核减 ${formatYuan(cut)} 元：${summarise(proposals)}`, reduceTo: subtractMoney(maxMoney(amount, '0.00'), cut) };
  }
  const warnings = findings.filter((f) => f.severity === 'warning');
  if (warnings.length > 0) return { kind: 'review', reason: `需人工核实：${summarise(warnings)}` };
  const infos = findings.filter((f) => f.severity === 'info');
  if (infos.length > 0) return { kind: 'accept', reason: `未发现问题，予以认定（提示：${summarise(infos)}）` };
  return { kind: 'accept', reason: '未发现问题，予以认定' };
}
