import type { DefectName, PendingDefect } from './defects';
import { isDigital } from './invoice-numbers';
import { makeLine, wordsOf } from './invoice-math';
import type { Invoice, Project } from './model';
import type { Rng } from './prng';
import type { SampleContext } from './build-data';
import { AppError } from '@shared/api/errors';

/**
 * Which rows get attachment files. Rendering a PDF with an embedded CJK font subset costs about
 * 50-100 ms, so files go to a bounded number of rows: per project a few PDF slots (at least one,
 * at most six, about 24 PDFs per package) taken in turn by a 数电 invoice (PDF + XML), a
 * contract, a bank receipt, a tax-control invoice, a second contract and a second 数电 invoice;
 * two more 数电 invoices get their XML data file alone (cheap, and it is what the importer
 * compares). A red invoice always carries its own files, and the attachment defects add theirs.
 * All other rows leave 附件 empty, as many real applications do, so a package of 100,000
 * invoices still builds in seconds.
 */

export const MAX_PDFS_PER_PACKAGE = 24;
const PDF_SLOTS = ['digital', 'contract', 'payment', 'tax-control', 'contract', 'digital'] as const;
const XML_ONLY_PER_PROJECT = 2;

export function pdfSlotsPerProject(projects: number): number {
  return Math.max(1, Math.min(PDF_SLOTS.length, Math.floor(MAX_PDFS_PER_PACKAGE / projects)));
}

export function invoiceFileNames(invoice: Invoice): string[] {
  const base = invoice.code === '' ? invoice.number : `${invoice.code}-${invoice.number}`;
  return isDigital(invoice.type) ? [`${base}.pdf`, `${base}.xml`] : [`${base}.pdf`];
}

/** Marks the rows that carry attachments. Returns the attachment defects it planted. */
export function planAttachments(context: SampleContext, projects: readonly Project[], requested: readonly DefectName[]): PendingDefect[] {
  const slots = PDF_SLOTS.slice(0, pdfSlotsPerProject(projects.length));
  for (const project of projects) {
    const rng = context.rng.fork(`attachments/${String(project.index)}`);
    const unlocked = project.invoices.filter((invoice) => !invoice.locked && invoice.totalFen > 0);
    const digital = rng.shuffled(unlocked.filter((invoice) => isDigital(invoice.type)));
    const taxControl = rng.shuffled(unlocked.filter((invoice) => !isDigital(invoice.type)));
    const contracts = [...project.contracts];
    const payments = [...project.payments];
    for (const slot of slots) {
      if (slot === 'contract') {
        const contract = contracts.shift();
        if (contract) contract.attachments = [`${contract.no}.pdf`];
      } else if (slot === 'payment') {
        const payment = payments.shift();
        if (payment) payment.attachments = [`回单-${payment.voucherNo}.pdf`];
      } else {
        const invoice = (slot === 'digital' ? digital : taxControl).shift();
        if (invoice) invoice.attachments = invoiceFileNames(invoice);
      }
    }
    for (const invoice of digital.slice(0, XML_ONLY_PER_PROJECT)) {
      invoice.attachments = invoiceFileNames(invoice).filter((name) => name.endsWith('.xml'));
    }
    for (const invoice of project.invoices) {
      if (invoice.reverses !== undefined) invoice.attachments = invoiceFileNames(invoice);
    }
  }

  const pending: PendingDefect[] = [];
  if (requested.includes('attachment-mismatch')) pending.push(plantMismatch(context, projects, requested));
  if (requested.includes('missing-attachment')) pending.push(plantMissing(context, projects, requested));
  return pending;
}

function startOf(projects: readonly Project[], requested: readonly DefectName[], defect: DefectName): number {
  return Math.max(0, requested.indexOf(defect)) % projects.length;
}

function eachProject(projects: readonly Project[], start: number): Project[] {
  return projects.map((_, k) => projects[(start + k) % projects.length]).filter((p): p is Project => p !== undefined);
}

/**
 * The XML data file (and the PDF printed from it) state a lower amount than the row: the row was
 * inflated after the invoice was issued. The document stays consistent in itself.
 */
function plantMismatch(context: SampleContext, projects: readonly Project[], requested: readonly DefectName[]): PendingDefect {
  const rng = context.rng.fork('defect/attachment-mismatch');
  for (const project of eachProject(projects, startOf(projects, requested, 'attachment-mismatch'))) {
    const attached = project.invoices.filter((i) => !i.locked && isDigital(i.type) && i.attachments.some((name) => name.endsWith('.xml')));
    const candidates = attached.length > 0 ? attached : project.invoices.filter((i) => !i.locked && i.totalFen > 0 && isDigital(i.type));
    if (candidates.length === 0) continue;
    const invoice = rng.pick(candidates);
    invoice.attachments = invoiceFileNames(invoice);
    setLowerDocument(invoice, rng);
    invoice.locked = true;
    const document = invoice.document;
    return {
      defect: 'attachment-mismatch',
      project,
      target: { sheet: '发票', invoice },
      detail: `XML 附件价税合计为 ${wordsOf(document?.totalFen ?? 0)}，表中为 ${wordsOf(invoice.totalFen)}`,
    };
  }
  throw tooFew('attachment-mismatch');
}

function setLowerDocument(invoice: Invoice, rng: Rng): void {
  const factor = 0.82 + rng.next() * 0.13;
  const lines = invoice.lines.map((line) => makeLine(line.spec, line.quantity, Math.max(100, Math.round((line.unitPriceFen * factor) / 100) * 100), invoice.ratePercent));
  const amountFen = lines.reduce((sum, line) => sum + line.amountFen, 0);
  const taxFen = lines.reduce((sum, line) => sum + line.taxFen, 0);
  invoice.document = { lines, amountFen, taxFen, totalFen: amountFen + taxFen, words: wordsOf(amountFen + taxFen) };
}

/** The row names a file that is neither in the package nor in its manifest. */
function plantMissing(context: SampleContext, projects: readonly Project[], requested: readonly DefectName[]): PendingDefect {
  const rng = context.rng.fork('defect/missing-attachment');
  for (const project of eachProject(projects, startOf(projects, requested, 'missing-attachment'))) {
    const candidates = project.invoices.filter((i) => !i.locked && i.totalFen > 0 && i.attachments.length === 0);
    if (candidates.length === 0) continue;
    const invoice = rng.pick(candidates);
    const [pdf = `${invoice.number}.pdf`] = invoiceFileNames(invoice);
    invoice.attachments = [pdf];
    invoice.attachmentsMissing = true;
    invoice.locked = true;
    return { defect: 'missing-attachment', project, target: { sheet: '发票', invoice }, detail: `附件「${pdf}」不在材料包中` };
  }
  throw tooFew('missing-attachment');
}

function tooFew(defect: DefectName): AppError {
  return new AppError('BAD_INPUT', `发票数量太少，无法注入缺陷「${defect}」；请增加 --invoices`);
}
