import crypto from 'node:crypto';

/**
 * What a reviewer's decision on an invoice rests on. A decision remembers the fingerprint of these
 * fields when it was taken; after a re-import, a different fingerprint marks it for review (stale).
 *
 * The list is explicit and versioned so that a column added to `invoices` later changes nothing:
 * it holds every field the checks and the reviewer read — the invoice's identity (key, code,
 * number, kind, date), the parties, the amounts, tax rate, total and its words, the item (spending
 * rules), the contract it is booked on and its attached files. Left out on purpose: the sheet row
 * number (a row that only moved is the same invoice) and `extra`, the columns the format does not
 * interpret. Columns are named as at rest so a migration can fingerprint rows with plain SQL.
 *
 * A released version never changes; a new list is a new version plus a migration that re-fingerprints
 * decisions still current under the old one (as 0005 did for version 1, `SELECT *`).
 */
export const INVOICE_FINGERPRINT_COLUMNS = {
  2: [
    'invoice_key',
    'code',
    'number',
    'issued_on',
    'kind',
    'seller_name',
    'seller_tax_id',
    'buyer_name',
    'buyer_tax_id',
    'item_name',
    'amount_fen',
    'tax_rate',
    'tax_fen',
    'total_fen',
    'total_in_words',
    'contract_no',
    'attachments',
  ],
} as const;

export const INVOICE_FINGERPRINT_VERSION = 2;

/** Fingerprint of the at-rest values of the version's columns, in list order. */
export function invoiceFingerprint(values: readonly unknown[]): string {
  return crypto.createHash('sha1').update(JSON.stringify(values)).digest('hex');
}
