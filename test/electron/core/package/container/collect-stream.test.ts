import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { collectStream } from '@core/package/container/collect-stream';
import { sha256 } from './support/package-fixture';

/** A stream that never ends on its own, counting what it was asked for. */
function endless(chunk = Buffer.alloc(64 * 1024)): { stream: Readable; produced: () => number } {
  let produced = 0;
  const stream = new Readable({
    read() {
      produced += chunk.length;
      this.push(chunk);
    },
  });
  return { stream, produced: () => produced };
}

describe('collectStream', () => {
  it('returns the bytes and their SHA-256', async () => {
    const data = Buffer.from('合同 HT-001 '.repeat(10_000));
    const result = await collectStream(Readable.from([data.subarray(0, 1000), data.subarray(1000)]), {
      maxBytes: data.length,
      declaredBytes: data.length,
      crc32: crc32(data),
    });
    expect(result.ok && result.data.equals(data) && result.sha256).toBe(sha256(data));
  });

  it('stops an endless stream just past the declared size (a lying header)', async () => {
    const { stream, produced } = endless();
    const result = await collectStream(stream, { maxBytes: 200 * 1024 * 1024, declaredBytes: 1000 });
    expect(result).toMatchObject({ ok: false, reason: 'longer-than-declared' });
    expect(produced()).toBeLessThan(1024 * 1024);
    expect(stream.destroyed).toBe(true);
  });

  it('stops an endless stream just past maxBytes', async () => {
    const { stream, produced } = endless();
    const result = await collectStream(stream, { maxBytes: 300_000, declaredBytes: Number.MAX_SAFE_INTEGER });
    expect(result).toMatchObject({ ok: false, reason: 'too-large' });
    expect(produced()).toBeLessThan(1024 * 1024);
  });

  it('notices fewer bytes than declared and a wrong CRC', async () => {
    const data = Buffer.from('abc');
    expect(await collectStream(Readable.from([data]), { maxBytes: 10, declaredBytes: 4 })).toMatchObject({ reason: 'shorter-than-declared' });
    expect(await collectStream(Readable.from([data]), { maxBytes: 10, declaredBytes: 3, crc32: crc32(data) ^ 1 })).toEqual({ ok: false, reason: 'crc-mismatch' });
  });

  it('reports a stream error instead of throwing', async () => {
    const stream = new Readable({
      read() {
        this.destroy(new Error('invalid stored block lengths'));
      },
    });
    const result = await collectStream(stream, { maxBytes: 10, declaredBytes: 3 });
    expect(result).toMatchObject({ ok: false, reason: 'read-failed', error: { message: 'invalid stored block lengths' } });
  });
});
