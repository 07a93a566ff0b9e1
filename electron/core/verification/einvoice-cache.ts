import type { Result } from '@shared/domain/result';
import type { EInvoiceData } from '@shared/verification/types';
import { readEInvoiceFile } from '../einvoice/read-einvoice-file';
import type { BlobStore } from '../package/import/blob-store';

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
  };
}

export type EInvoiceCache = ReturnType<typeof createEInvoiceCache>;
