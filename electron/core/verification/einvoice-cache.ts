import path from 'node:path';
import type { Result } from '@shared/domain/result';
import type { EInvoiceData } from '@shared/verification/types';
import { readEInvoiceFile } from '../einvoice/read-einvoice-file';
import type { BlobStore } from '../package/import/blob-store';

/** PDFs too: most enterprises attach the PDF of an e-invoice (its text layer is read). */
const E_INVOICE_EXTENSIONS = new Set(['.xml', '.ofd', '.pdf']);

/**
 * Parsed e-invoice attachments by content hash: a stored file never changes under its hash, so each
 * is read once per session, however often it is viewed or its project verified.
 */
export function createEInvoiceCache(blobs: BlobStore) {
  const cache = new Map<string, Result<EInvoiceData> | null>();
  return {
    /** The file's data, why it could not be read, or null when it is not an e-invoice file at all. */
    async read(fileName: string, sha256: string, content?: Buffer): Promise<Result<EInvoiceData> | null> {
      let result = cache.get(sha256);
      if (result === undefined) {
        result = await readEInvoiceFile(fileName, content ?? blobs.read(sha256));
        cache.set(sha256, result);
      }
      return result && result.ok ? { ok: true, value: { ...result.value, fileName } } : result;
    },
    /** Every e-invoice among a project's attachments: parsed by file name, and why the others could not be read. */
    async readAll(attachments: readonly { path: string; sha256: string }[]) {
      const parsed = new Map<string, EInvoiceData>();
      const unreadable = new Map<string, string>();
      for (const attachment of attachments) {
        if (!E_INVOICE_EXTENSIONS.has(path.extname(attachment.path).toLowerCase())) continue;
        const data = await this.read(attachment.path, attachment.sha256);
        if (data?.ok) parsed.set(attachment.path, data.value);
        else if (data) unreadable.set(attachment.path, data.message);
      }
      return { parsed, unreadable };
    },
  };
}

export type EInvoiceCache = ReturnType<typeof createEInvoiceCache>;
