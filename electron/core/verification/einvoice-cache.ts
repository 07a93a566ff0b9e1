import type { EInvoiceData } from '../../../shared/verification/types';
import { readEInvoiceFile } from '../einvoice/read-einvoice-file';
import type { BlobStore } from '../package/import/blob-store';

/**
 * Parsed e-invoice attachments by content hash: files never change under a hash, so each is read
 * once per session however often a project is verified.
 */
export function createEInvoiceCache(blobs: BlobStore) {
  const cache = new Map<string, EInvoiceData | null>();
  return {
    async read(fileName: string, sha256: string): Promise<EInvoiceData | null> {
      const cached = cache.get(sha256);
      if (cached !== undefined) return cached ? { ...cached, fileName } : null;
      const result = await readEInvoiceFile(fileName, blobs.read(sha256));
      const data = result && result.ok ? result.value : null;
      cache.set(sha256, data);
      return data;
    },
  };
}
