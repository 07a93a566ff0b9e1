import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';

export interface CollectLimits {
  /** Stop and fail as soon as more bytes than this arrive. */
  maxBytes: number;
  /** The size the container declared; more bytes than this is a lying header, fewer a truncated entry. */
  declaredBytes: number;
  /** The CRC-32 the zip declared, checked at the end (yauzl does not check it). */
  crc32?: number;
}

export type CollectResult =
  | { ok: true; data: Buffer; sha256: string }
  | { ok: false; reason: 'too-large' | 'longer-than-declared' | 'shorter-than-declared'; bytesRead: number }
  | { ok: false; reason: 'crc-mismatch' }
  | { ok: false; reason: 'read-failed'; error: Error };

/**
 * Drains a stream into one buffer, hashing (SHA-256, and CRC-32 when asked) while the bytes arrive,
 * so reading a package costs one pass. Counting happens on the bytes actually produced: leaving the
 * loop destroys the stream, so a zip bomb or a header that lies about its size is stopped one chunk
 * past the limit instead of being inflated to the end.
 */
export async function collectStream(stream: Readable, limits: CollectLimits): Promise<CollectResult> {
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let bytesRead = 0;
  let crc = 0;
  const checkCrc = limits.crc32 !== undefined;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytesRead += chunk.length;
      if (bytesRead > limits.declaredBytes) return { ok: false, reason: 'longer-than-declared', bytesRead };
      if (bytesRead > limits.maxBytes) return { ok: false, reason: 'too-large', bytesRead };
      hash.update(chunk);
      if (checkCrc) crc = crc32(chunk, crc);
      chunks.push(chunk);
    }
  } catch (error) {
    return { ok: false, reason: 'read-failed', error: error instanceof Error ? error : new Error(String(error)) };
  }
  if (bytesRead < limits.declaredBytes) return { ok: false, reason: 'shorter-than-declared', bytesRead };
  if (checkCrc && crc !== limits.crc32) return { ok: false, reason: 'crc-mismatch' };
  return { ok: true, data: Buffer.concat(chunks, bytesRead), sha256: hash.digest('hex') };
}
