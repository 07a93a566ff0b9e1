import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { Entry, LocalFileHeader, ZipFile } from 'yauzl';
import { collectStream, type CollectResult } from './collect-stream';
import { FileRangeReader } from './file-range-reader';
import { formatBytes, RATIO_CHECK_MIN_BYTES, type PackageLimits } from './limits';
import type { EntryReadResult, ListedEntry, OpenSourceResult, PackageSource } from './package-source';
import { packageError } from './problems';
import { decodeZipEntryNames } from './zip-entry-name';
import { libraryErrorReason, notReadableAs } from '@core/library-error';

const FLAG_ENCRYPTED = 0x0001;
const FLAG_UTF8 = 0x0800;
/** Bit 3: CRC and sizes follow the data; the local header holds zeros. */
const FLAG_DATA_DESCRIPTOR = 0x0008;
/** A 32-bit size field saying "see the zip64 extra field". */
const ZIP64_PLACEHOLDER = 0xffffffff;
const METHOD_STORED = 0;
const METHOD_DEFLATED = 8;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;
const DOS_DIRECTORY = 0x10;

/**
 * Lists a zip from its central directory. Nothing is inflated here: names, sizes, flags and modes
 * are judged first, and `read` inflates one entry at a time afterwards.
 *
 * yauzl runs with `decodeStrings: false` (we decode names ourselves, see zip-entry-name.ts, and its
 * own name validation would stop the whole listing at the first bad name while we want to report
 * every one) and `validateEntrySizes: false` (collect-stream.ts checks sizes itself, with Chinese
 * messages and stopping as soon as a limit is passed). It reads the file through
 * {@link FileRangeReader}, so an entry abandoned half-way is stopped without harm to the others, and
 * `close` returns only once nothing is reading the file any more.
 */
export async function openZipSource(file: string, displayName: string, limits: PackageLimits): Promise<OpenSourceResult> {
  let reader: FileRangeReader;
  let zipfile: ZipFile;
  try {
    const handle = await open(file, 'r');
    reader = new FileRangeReader(handle);
    try {
      zipfile = await yauzl.fromRandomAccessReaderPromise(reader, (await handle.stat()).size, {
        lazyEntries: true,
        autoClose: false,
        decodeStrings: false,
        validateEntrySizes: false,
        strictFileNames: false,
      });
    } catch (error) {
      await reader.shutdown();
      throw error;
    }
  } catch (error) {
    return { ok: false, problem: notAZip(displayName, error) };
  }
  const close = async () => {
    zipfile.close();
    await reader.shutdown();
  };

  if (zipfile.entryCount > limits.maxEntries) {
    await close();
    return { ok: false, problem: tooManyEntries(displayName, zipfile.entryCount, limits.maxEntries) };
  }

  const zipEntries: Entry[] = [];
  try {
    for await (const entry of zipfile.eachEntry()) zipEntries.push(entry);
  } catch (error) {
    await close();
    return { ok: false, problem: notAZip(displayName, error) };
  }

  const names = decodeZipEntryNames(
    zipEntries.map((entry) => ({
      raw: entry.fileNameRaw,
      utf8Flag: (entry.generalPurposeBitFlag & FLAG_UTF8) !== 0,
      extraFields: entry.extraFields,
    })),
  );

  const byListed = new Map<ListedEntry, Entry>();
  const entries = zipEntries.map((entry, i) => {
    const decoded = names[i] ?? { ok: false, name: '', message: '' };
    const listed: ListedEntry = {
      name: decoded.name,
      kind: isDirectory(entry, decoded.name) ? 'directory' : 'file',
      size: entry.uncompressedSize,
      refusals: decoded.ok ? refusalsOf(entry, limits) : [decoded.message, ...refusalsOf(entry, limits)],
    };
    byListed.set(listed, entry);
    return listed;
  });

  const source: PackageSource = {
    entries,
    async read(listed, maxBytes): Promise<EntryReadResult> {
      const entry = byListed.get(listed);
      if (!entry) throw new Error(`entry ${listed.name} does not belong to this zip`);
      let stream;
      try {
        const local = await zipfile.readLocalFileHeaderPromise(entry);
        const mismatch = localHeaderMismatch(entry, local);
        if (mismatch !== undefined) return { ok: false, message: mismatch };
        // Not openReadStreamLowLevelPromise: in yauzl 3.4 it calls openReadStream with the wrong arguments.
        stream = await new Promise<Readable>((resolve, reject) => {
          zipfile.openReadStreamLowLevel(
            local.fileDataStart,
            entry.compressedSize,
            0,
            entry.compressedSize,
            entry.compressionMethod === METHOD_DEFLATED,
            entry.uncompressedSize,
            (error, opened) => (error ? reject(error) : resolve(opened)),
          );
        });
      } catch (error) {
        return { ok: false, message: `无法读取该文件的数据，压缩包可能已损坏（${libraryErrorReason(error)}）` };
      }
      return describeRead(await collectStream(stream, { maxBytes, declaredBytes: entry.uncompressedSize, crc32: entry.crc32 }), entry, maxBytes);
    },
    close,
  };
  return { ok: true, source };
}

function isDirectory(entry: Entry, name: string): boolean {
  if (name.endsWith('/') || name.endsWith('\\')) return true;
  const unixMode = (entry.externalFileAttributes >>> 16) & S_IFMT;
  if (unixMode === S_IFDIR) return true;
  return entry.uncompressedSize === 0 && (entry.externalFileAttributes & DOS_DIRECTORY) !== 0 && entry.versionMadeBy >>> 8 === 0;
}

/** What the central directory alone tells against an entry. */
function refusalsOf(entry: Entry, limits: PackageLimits): string[] {
  const refusals: string[] = [];
  if ((entry.generalPurposeBitFlag & FLAG_ENCRYPTED) !== 0) {
    refusals.push('文件已加密（设置了密码），请提供未加密的材料包');
  }
  if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) {
    refusals.push('是符号链接，材料包中不允许出现链接');
  }
  if (entry.compressionMethod !== METHOD_STORED && entry.compressionMethod !== METHOD_DEFLATED) {
    refusals.push(`使用了不支持的压缩方式（编号 ${String(entry.compressionMethod)}），请用标准 zip（Deflate）格式重新压缩`);
  }
  if (entry.compressionMethod === METHOD_STORED && (entry.generalPurposeBitFlag & FLAG_ENCRYPTED) === 0 && entry.compressedSize !== entry.uncompressedSize) {
    refusals.push(`未压缩存储的文件，其压缩前后大小却不同（${String(entry.uncompressedSize)} / ${String(entry.compressedSize)} 字节），压缩包已损坏`);
  }
  if (entry.uncompressedSize > RATIO_CHECK_MIN_BYTES) {
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (ratio > limits.maxCompressionRatio) {
      refusals.push(
        `压缩比约 ${ratio.toFixed(0)}:1（${formatBytes(entry.compressedSize)} 解压为 ${formatBytes(entry.uncompressedSize)}），` +
          `超过上限 ${String(limits.maxCompressionRatio)}:1，疑似压缩炸弹（zip bomb）`,
      );
    }
  }
  return refusals;
}

/**
 * The local header in front of the data repeats what the central directory says. Tools disagree on
 * which copy to trust, so a difference means damage or a package crafted to look different to
 * different readers: refused. Sizes and CRC are only comparable when the local header carries them
 * (no data descriptor, not deferred to a zip64 field).
 */
function localHeaderMismatch(entry: Entry, local: LocalFileHeader): string | undefined {
  if (local.compressionMethod !== entry.compressionMethod) {
    return `文件头不一致：本地文件头记录的压缩方式（${String(local.compressionMethod)}）与目录记录的（${String(entry.compressionMethod)}）不同，压缩包已损坏或被篡改`;
  }
  if ((local.generalPurposeBitFlag & FLAG_DATA_DESCRIPTOR) !== 0) return undefined;
  const differs = (localValue: number, centralValue: number) => localValue !== ZIP64_PLACEHOLDER && localValue !== centralValue;
  if (differs(local.uncompressedSize, entry.uncompressedSize) || differs(local.compressedSize, entry.compressedSize)) {
    return (
      `文件头不一致：本地文件头记录的大小（解压后 ${String(local.uncompressedSize)} 字节，压缩后 ${String(local.compressedSize)} 字节）` +
      `与目录记录的（${String(entry.uncompressedSize)} / ${String(entry.compressedSize)} 字节）不同，压缩包已损坏或被篡改`
    );
  }
  if (local.crc32 !== entry.crc32) return '文件头不一致：本地文件头与目录记录的 CRC 校验值不同，压缩包已损坏或被篡改';
  return undefined;
}

function describeRead(result: CollectResult, entry: Entry, maxBytes: number): EntryReadResult {
  if (result.ok) return result;
  switch (result.reason) {
    case 'longer-than-declared':
      return {
        ok: false,
        message: `实际解压出的数据超过文件头声明的大小 ${formatBytes(entry.uncompressedSize)}（文件头被篡改或压缩包已损坏），已停止解压`,
      };
    case 'too-large':
      return { ok: false, message: `解压后超过单个文件上限 ${formatBytes(maxBytes)}，已停止解压` };
    case 'shorter-than-declared':
      return {
        ok: false,
        message: `只解压出 ${formatBytes(result.bytesRead)}，少于文件头声明的 ${formatBytes(entry.uncompressedSize)}，压缩包已损坏`,
      };
    case 'crc-mismatch':
      return { ok: false, message: '解压后的数据与压缩包记录的 CRC 校验值不符，压缩包已损坏' };
    case 'read-failed':
      return { ok: false, message: `数据已损坏，无法解压（${libraryErrorReason(result.error)}）` };
  }
}

function notAZip(displayName: string, error: unknown) {
  return packageError(displayName, notReadableAs(displayName, ' ZIP 文件', error));
}

function tooManyEntries(displayName: string, count: number, max: number) {
  return packageError(displayName, `压缩包中有 ${String(count)} 个条目，超过上限 ${String(max)} 个，未读取`);
}
