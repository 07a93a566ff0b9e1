import { NEGATIVE_PREFIX } from '../domain/amount-in-words';
import { compactText } from '../domain/text';
import { attachmentList, createAttachmentResolver } from './attachments';
import { normalizeCode, normalizeName } from './names';
import type { IndexedInvoice, ProjectIndex } from './project-index';

/**
 * Which blue invoice each red (红字) invoice reverses, DOMAIN.md §2: the 数电
 * XML of a red invoice names its original (SpecificInformation/RedEInvoice);
 * without it, a blue invoice of the same seller and the same amount, issued no
 * later than the red one, is taken (each blue at most once). Used by the
 * RED_INVOICE check and by the verified investment, which nets the pair.
 */

export interface RedLink {
  readonly red: IndexedInvoice;
  readonly blue: IndexedInvoice | undefined;
  readonly via: 'attachment' | 'amount' | undefined;
  /** The original number the attachment names, even when that invoice is not in the project. */
  readonly originalNumber?: string;
}

/** Red by amounts, by 「（负数）」 words, or by its e-invoice's label. */
export function isRedRow(row: IndexedInvoice, einvoiceSaysRed: boolean): boolean {
  if (row.red || einvoiceSaysRed) return true;
  // Most words start with a digit word; fold only those that could carry a prefix.
  const first = row.invoice.totalInWords.trimStart().charAt(0);
  if (first !== '(' && first !== '（' && first !== '负') return false;
  const words = compactText(row.invoice.totalInWords);
  // compactText folds the full-width 「（负数）」 (NEGATIVE_PREFIX) to (负数).
  return words.startsWith(compactText(NEGATIVE_PREFIX)) || words.startsWith('负');
}

function sellerKey(row: IndexedInvoice): string {
  const code = normalizeCode(row.invoice.sellerTaxId);
  return code !== '' ? code : `名称:${normalizeName(row.invoice.sellerName)}`;
}

function foldNumber(number: string): string {
  return /^\d+$/u.test(number) ? number : compactText(number).toUpperCase();
}

export function linkRedInvoices(index: ProjectIndex): Map<number, RedLink> {
  const resolve = createAttachmentResolver(index.project);
  const links = new Map<number, RedLink>();
  const reds: { row: IndexedInvoice; originalNumber: string | undefined }[] = [];
  const blues: IndexedInvoice[] = [];
  for (const row of index.invoices) {
    let originalNumber: string | undefined;
    let einvoiceRed = false;
    if (row.invoice.attachments.length > 0) {
      for (const name of attachmentList(row.invoice.attachments)) {
        const data = resolve(name).einvoice;
        if (data?.red === true) {
          einvoiceRed = true;
          if (data.originalNumber !== undefined && data.originalNumber.trim() !== '') originalNumber = data.originalNumber;
        }
      }
    }
    if (isRedRow(row, einvoiceRed)) reds.push({ row, originalNumber });
    else blues.push(row);
  }
  if (reds.length === 0) return links;

  const byNumber = new Map<string, IndexedInvoice[]>();
  const byAmount = new Map<string, IndexedInvoice[]>();
  const namesOriginals = reds.some((r) => r.originalNumber !== undefined);
  for (const blue of blues) {
    if (namesOriginals) {
      // By key (20 digits, or code-number) and by the bare 8-digit number of a tax-control invoice.
      const number = foldNumber(blue.invoice.number);
      for (const n of number === blue.key ? [number] : [blue.key, number]) {
        if (n === '') continue;
        const list = byNumber.get(n);
        if (list) list.push(blue);
        else byNumber.set(n, [blue]);
      }
    }
    if (blue.amount === undefined) continue;
    const k = `${sellerKey(blue)}|${blue.amount.abs().toFixed(2)}`;
    const list = byAmount.get(k);
    if (list) list.push(blue);
    else byAmount.set(k, [blue]);
  }

  const used = new Set<IndexedInvoice>();
  // Reds that name their original first, so that amount matching does not take that blue away.
  const ordered = [...reds.filter((r) => r.originalNumber !== undefined), ...reds.filter((r) => r.originalNumber === undefined)];
  for (const { row, originalNumber } of ordered) {
    if (originalNumber !== undefined) {
      const candidates = byNumber.get(foldNumber(originalNumber)) ?? [];
      const blue = candidates.find((c) => sellerKey(c) === sellerKey(row)) ?? candidates[0];
      if (blue) used.add(blue);
      links.set(row.rowNo, { red: row, blue, via: blue ? 'attachment' : undefined, originalNumber });
      continue;
    }
    let blue: IndexedInvoice | undefined;
    if (row.amount !== undefined) {
      const candidates = byAmount.get(`${sellerKey(row)}|${row.amount.abs().toFixed(2)}`) ?? [];
      const date = row.invoice.issuedOn;
      blue = candidates.find((c) => !used.has(c) && c.invoice.issuedOn <= date) ?? candidates.find((c) => !used.has(c));
    }
    if (blue) used.add(blue);
    links.set(row.rowNo, { red: row, blue, via: blue ? 'amount' : undefined });
  }
  return links;
}
