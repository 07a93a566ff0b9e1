import type { CoreContext } from '../../core-context';
import type { BlobStore } from './blob-store';

/**
 * Stored files younger than this are never collected: another process on the same data folder (the
 * command line beside the desktop app) writes an import's files before committing the rows that
 * reference them, and that takes seconds, not minutes.
 */
export const BLOB_GRACE_MS = 10 * 60 * 1000;

/**
 * Every table whose rows reference stored files by hash. A table added later that keeps files in the
 * blob store must be listed here, or its files would be collected as garbage.
 */
const REFERENCES = ['SELECT sha256 FROM attachments', 'SELECT sha256 FROM inspection_photos', 'SELECT thumbnail_sha256 FROM inspection_photos'] as const;

/** Removes stored files no row references; run only when no import of this process is storing. */
export async function collectUnreferencedBlobs(ctx: CoreContext, blobs: BlobStore, graceMs = BLOB_GRACE_MS): Promise<void> {
  try {
    const referenced = new Set<string>();
    for (const query of REFERENCES) for (const sha256 of ctx.db.prepare<[], string>(query).pluck().all()) referenced.add(sha256);
    const garbage = await blobs.collectGarbage(referenced, graceMs);
    if (garbage.removed > 0) ctx.logger.info('已清理不再使用的附件文件', { files: garbage.removed, bytes: garbage.bytes });
  } catch (error) {
    // Collection only frees disk space: a failure must never stand in the way of the user's work.
    ctx.logger.warn('清理不再使用的附件文件失败', { error: error instanceof Error ? error.message : String(error) });
  }
}
