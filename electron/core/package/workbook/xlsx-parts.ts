import { promisify } from 'node:util';
import { crc32, inflateRaw } from 'node:zlib';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { formatBytes } from '../container/limits';
import type { WorkbookLimits } from './workbook-limits';
import { libraryErrorReason } from '@core/library-error';

const inflate = promisify(inflateRaw);
const RATIO_CHECK_MIN_BYTES = 1024 * 1024;
const FLAG_ENCRYPTED = 0x0001;

/**
 * The parts of an xlsx the reader needs: the workbook, its relationships, styles (date formats),
 * shared strings and the worksheets. Everything else — pictures in xl/media, embedded objects,
 * printer settings, macros, drawings, comments — is never inflated, whatever size it claims.
 */
const NEEDED_PART =
  /^(?:\[Content_Types\]\.xml|_rels\/\.rels|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/sharedStrings\.xml|xl\/worksheets\/sheet\d+\.xml)$/;

export type XlsxPartsResult = { ok: true; parts: Map<string, Buffer> } | { ok: false; message: string };

/**
 * Unpacks the needed parts of a workbook within {@link WorkbookLimits}: the entry count and every
 * part's declared size and compression ratio are judged from the zip's directory before anything is
 * inflated, and inflating stops at the limit whatever the headers claim (`maxOutputLength`), so a
 * workbook hiding a bomb or lying about its sizes costs no more memory than the limit.
 */
export async function readXlsxParts(content: Buffer, limits: WorkbookLimits): Promise<XlsxPartsResult> {
  let zipfile: ZipFile;
  try {
    zipfile = await yauzl.fromBufferPromise(content, { lazyEntries: true, validateEntrySizes: false, strictFileNames: false });
  } catch (error) {
    return { ok: false, message: `文件不是有效的 Excel 工作簿（.xlsx），${libraryErrorReason(error)}；请用 Excel 或 WPS 另存为 .xlsx` };
  }
  try {
    if (zipfile.entryCount > limits.maxEntries) {
      return { ok: false, message: `工作簿内部有 ${String(zipfile.entryCount)} 个部件，超过上限 ${String(limits.maxEntries)} 个，不是正常的申报表` };
    }
    const needed: Entry[] = [];
    let declaredTotal = 0;
    for await (const entry of zipfile.eachEntry()) {
      const name = entry.fileName.replace(/^\//, '');
      if (!NEEDED_PART.test(name)) continue;
      const refusal = judgeEntry(entry, limits);
      if (refusal !== undefined) return { ok: false, message: `工作簿部件 ${name}：${refusal}` };
      declaredTotal += entry.uncompressedSize;
      if (declaredTotal > limits.maxTotalBytes) {
        return { ok: false, message: `工作簿解压后超过 ${formatBytes(limits.maxTotalBytes)}（上限），未读取` };
      }
      needed.push(entry);
    }
    const parts = new Map<string, Buffer>();
    let inflatedTotal = 0;
    for (const entry of needed) {
      const name = entry.fileName.replace(/^\//, '');
      const data = await readPart(zipfile, content, entry, Math.min(limits.maxPartBytes, limits.maxTotalBytes - inflatedTotal));
      if (typeof data === 'string') return { ok: false, message: `工作簿部件 ${name}：${data}` };
      inflatedTotal += data.length;
      parts.set(name, data);
    }
    return { ok: true, parts };
  } catch (error) {
    return { ok: false, message: `工作簿的压缩结构已损坏，无法读取（${libraryErrorReason(error)}）` };
  } finally {
    zipfile.close();
  }
}

function judgeEntry(entry: Entry, limits: WorkbookLimits): string | undefined {
  if ((entry.generalPurposeBitFlag & FLAG_ENCRYPTED) !== 0) return '已加密（设置了密码），请提供未加密的申报表';
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    return `使用了不支持的压缩方式（编号 ${String(entry.compressionMethod)}），请用 Excel 或 WPS 另存为 .xlsx`;
  }
  if (entry.uncompressedSize > limits.maxPartBytes) {
    return `解压后 ${formatBytes(entry.uncompressedSize)}，超过单个部件上限 ${formatBytes(limits.maxPartBytes)}`;
  }
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
  if (entry.uncompressedSize > RATIO_CHECK_MIN_BYTES && ratio > limits.maxCompressionRatio) {
    return `压缩比约 ${ratio.toFixed(0)}:1，超过上限 ${String(limits.maxCompressionRatio)}:1，疑似压缩炸弹（zip bomb）`;
  }
  return undefined;
}

/** The inflated part, or why not (a Chinese reason). */
async function readPart(zipfile: ZipFile, content: Buffer, entry: Entry, maxBytes: number): Promise<Buffer | string> {
  const { fileDataStart } = await zipfile.readLocalFileHeaderPromise(entry, { minimal: true });
  const stored = content.subarray(fileDataStart, fileDataStart + entry.compressedSize);
  let data: Buffer;
  if (entry.compressionMethod === 0) data = stored;
  else {
    try {
      // One byte more than allowed: reaching it means the data is longer than the limit.
      data = await inflate(stored, { maxOutputLength: Math.max(1, Math.min(maxBytes, entry.uncompressedSize) + 1) });
    } catch (error) {
      if (error instanceof RangeError) return '实际解压出的数据超过文件头声明的大小或上限（文件头被篡改或已损坏），已停止解压';
      return `数据已损坏，无法解压（${libraryErrorReason(error)}）`;
    }
  }
  if (data.length !== entry.uncompressedSize) {
    return data.length > entry.uncompressedSize
      ? '实际解压出的数据超过文件头声明的大小（文件头被篡改或已损坏），已停止解压'
      : '解压出的数据少于文件头声明的大小，工作簿已损坏';
  }
  if (crc32(data) !== entry.crc32) return '解压后的数据与记录的 CRC 校验值不符，工作簿已损坏';
  return data;
}
