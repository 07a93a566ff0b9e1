import { deflateRawSync, crc32 } from 'node:zlib';

/** One entry for {@link buildRawZip}: every field a hostile or old tool could set is settable. */
export interface RawZipEntry {
  /** A string is written as UTF-8; a Buffer is written byte for byte (GBK names, garbage). */
  name: string | Buffer;
  data?: Buffer;
  /** General-purpose bit 11; defaults to true for string names and false for Buffer names. */
  utf8Flag?: boolean;
  deflate?: boolean;
  /** Sets the "traditional encryption" bit; the data is written as given. */
  encrypted?: boolean;
  /** Unix mode in the external attributes (e.g. 0o120777 for a symlink), made by "Unix". */
  unixMode?: number;
  compressionMethod?: number;
  extraFields?: { id: number; data: Buffer }[];
  /** Uncompressed size written in both headers instead of the true one: a lying header. */
  declaredSize?: number;
  /** Uncompressed size written in the local header only (the central directory keeps `declaredSize` or the truth). */
  localDeclaredSize?: number;
  /** CRC-32 written in both headers instead of the true one. */
  crc32?: number;
  /** Bytes written as the entry's data instead of `data` (deflated or not): damaged compressed data. */
  body?: Buffer;
}

/**
 * A minimal zip writer for tests (no zip64, no data descriptors), because yazl always writes UTF-8
 * names with bit 11 set and honest sizes, and some tests need exactly the opposite.
 */
export function buildRawZip(entries: readonly RawZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = typeof entry.name === 'string' ? Buffer.from(entry.name, 'utf8') : entry.name;
    const data = entry.data ?? Buffer.alloc(0);
    const body = entry.body ?? (entry.deflate ? deflateRawSync(data) : data);
    const utf8 = entry.utf8Flag ?? typeof entry.name === 'string';
    const flags = (utf8 ? 0x0800 : 0) | (entry.encrypted ? 0x0001 : 0);
    const method = entry.compressionMethod ?? (entry.deflate ? 8 : 0);
    const crc = entry.crc32 ?? crc32(data);
    const size = entry.declaredSize ?? data.length;
    const extra = Buffer.concat(
      (entry.extraFields ?? []).map((field) => {
        const header = Buffer.alloc(4);
        header.writeUInt16LE(field.id, 0);
        header.writeUInt16LE(field.data.length, 2);
        return Buffer.concat([header, field.data]);
      }),
    );

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x5821, 12); // 2024-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.localDeclaredSize ?? size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    locals.push(local, name, extra, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(entry.unixMode === undefined ? 20 : (3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x5821, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt16LE(0, 32);
    central.writeUInt16LE(0, 34);
    central.writeUInt16LE(0, 36);
    central.writeUInt32LE(entry.unixMode === undefined ? 0 : (entry.unixMode << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name, extra);

    offset += local.length + name.length + extra.length + body.length;
  }
  const centralDirectory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDirectory, end]);
}

/** An Info-ZIP Unicode Path extra field (0x7075) naming `utf8Name` for an entry whose header name is `rawName`. */
export function unicodePathField(rawName: Buffer, utf8Name: string, crcOf: Buffer = rawName): { id: number; data: Buffer } {
  const head = Buffer.alloc(5);
  head.writeUInt8(1, 0);
  head.writeUInt32LE(crc32(crcOf), 1);
  return { id: 0x7075, data: Buffer.concat([head, Buffer.from(utf8Name, 'utf8')]) };
}
