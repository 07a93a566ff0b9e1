import fs from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';

/**
 * The file back end yauzl reads a zip through. yauzl's own (its bundled fd-slicer) queues every read
 * of a zip on one line, and a read stream destroyed while its next read waits in that line still runs
 * the read afterwards against the released file: an uncaught TypeError ("reading 'fd'") that ends the
 * process. We destroy entry streams early on purpose — a header that lies about its size, a bomb,
 * damaged data — while other entries are being read, so we hand yauzl {@link RangeStream}s instead:
 * destroying one waits for its read in flight and then simply stops.
 *
 * The file is closed by {@link shutdown}, only after every stream and read handed out has settled,
 * never by yauzl's reference count alone: a stream the consumer abandoned without destroying would
 * otherwise keep the file open forever, and a file closed under a read in flight could let that read
 * land in whatever file reuses the descriptor.
 */
export class FileRangeReader extends yauzl.RandomAccessReader {
  private readonly streams = new Set<Readable>();
  private readsInFlight = 0;
  private readonly readsSettled: (() => void)[] = [];
  private shuttingDown: Promise<void> | undefined;

  constructor(private readonly handle: FileHandle) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    if (this.shuttingDown) {
      const closed = new Readable({ read: () => undefined });
      closed.destroy(new Error('zip file already closed'));
      return closed;
    }
    const stream = new RangeStream(this.handle.fd, start, end);
    this.streams.add(stream);
    stream.once('close', () => this.streams.delete(stream));
    return stream;
  }

  /** Positional reads (headers, the central directory) without a stream per read; answers like `fs.read`. */
  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null) => void): void {
    const answer = callback as (err: Error | null, bytesRead?: number) => void;
    if (this.shuttingDown) {
      setImmediate(answer, new Error('zip file already closed'));
      return;
    }
    this.readsInFlight += 1;
    fs.read(this.handle.fd, buffer, offset, length, position, (error, bytesRead) => {
      this.readsInFlight -= 1;
      if (this.readsInFlight === 0) for (const settle of this.readsSettled.splice(0)) settle();
      answer(error, bytesRead);
    });
  }

  /** yauzl calls this when its count of users reaches zero; the file is closed by {@link shutdown}. */
  override close(callback: (err: Error | null) => void): void {
    setImmediate(callback, null);
  }

  /** Stops every stream still open, waits for reads in flight, then closes the file. Idempotent. */
  shutdown(): Promise<void> {
    this.shuttingDown ??= (async () => {
      const streamsClosed = [...this.streams].map(
        (stream) =>
          new Promise<void>((resolve) => {
            stream.once('close', resolve);
            stream.destroy();
          }),
      );
      const readsDone = this.readsInFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => this.readsSettled.push(resolve));
      await Promise.all([...streamsClosed, readsDone]);
      await this.handle.close();
    })();
    return this.shuttingDown;
  }
}

/**
 * Bytes `start` to `end` (exclusive) of an open file, by positional reads, one at a time. Unlike
 * `fs.createReadStream({ fd })` it never closes the file, which many streams share; destroying it
 * during a read completes the destroy (and emits 'close') only when that read has come back.
 */
class RangeStream extends Readable {
  private position: number;
  private reading = false;
  private afterRead: (() => void) | undefined;

  constructor(
    private readonly fd: number,
    start: number,
    private readonly end: number,
  ) {
    super({ highWaterMark: 64 * 1024 });
    this.position = start;
  }

  override _read(size: number): void {
    const length = Math.min(size, this.end - this.position);
    if (length <= 0) {
      this.push(null);
      return;
    }
    const buffer = Buffer.allocUnsafe(length);
    this.reading = true;
    fs.read(this.fd, buffer, 0, length, this.position, (error, bytesRead) => {
      this.reading = false;
      if (this.afterRead) {
        this.afterRead();
        return;
      }
      if (error) this.destroy(error);
      else if (bytesRead === 0)
        this.push(null); // yauzl reports the missing bytes
      else {
        this.position += bytesRead;
        this.push(buffer.subarray(0, bytesRead));
      }
    });
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (this.reading) this.afterRead = () => callback(error);
    else callback(error);
  }
}
