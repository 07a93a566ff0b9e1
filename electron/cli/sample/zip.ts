import { createHash } from 'node:crypto';
import yazl from 'yazl';

/** Zip plumbing for reproducible packages: fixed timestamps, hashes, one archive in memory. */

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function dosDateTime(date: Date): { date: number; time: number } {
  return {
    date: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
  };
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/**
 * Sets every entry's modification time to `date`, in the local headers and the central
 * directory. exceljs stamps its entries with the current time, which would make the same seed
 * give different bytes (and SHA-256) from one run to the next. Patches in place and returns the
 * buffer; an archive it cannot walk is returned unchanged.
 */
export function normalizeZipTimestamps(zip: Buffer, date: Date): Buffer {
  const { date: dosDate, time: dosTime } = dosDateTime(date);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i -= 1) {
    if (zip.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return zip;
  const entries = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n += 1) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== CENTRAL_SIGNATURE) return zip;
    zip.writeUInt16LE(dosTime, offset + 12);
    zip.writeUInt16LE(dosDate, offset + 14);
    const local = zip.readUInt32LE(offset + 42);
    if (local + 30 <= zip.length && zip.readUInt32LE(local) === LOCAL_SIGNATURE) {
      zip.writeUInt16LE(dosTime, local + 10);
      zip.writeUInt16LE(dosDate, local + 12);
    }
    offset += 46 + zip.readUInt16LE(offset + 28) + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return zip;
}

export interface ZipInput {
  path: string;
  data: Buffer;
}

/** Already-compressed formats are stored; text is deflated. */
function worthCompressing(path: string): boolean {
  return !/\.(?:xlsx|pdf|ofd|jpe?g|png|zip)$/iu.test(path);
}

/** A zip of the given files, in the given order, every entry flagged UTF-8 and dated `mtime`. */
export function zipFiles(files: readonly ZipInput[], mtime: Date): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const file of files) {
    zip.addBuffer(file.data, file.path, { mtime, compress: worthCompressing(file.path), forceDosTimestamp: true });
  }
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}
