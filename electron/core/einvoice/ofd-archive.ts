import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { fail, ok, type Result } from '@shared/domain/result';
import { ofdDocRoot, ofdDocumentLinks, ofdInvoiceAttachment, ofdTagFiles } from '@shared/einvoice/ofd-structure';
import { OFD_ENTRY_PATHS, type OfdXmlParts } from '@shared/einvoice/read-ofd-xml';
import { collectStream } from '../package/container/collect-stream';
import { formatBytes } from '../package/container/limits';
import { decodeXmlBytes } from './xml-bytes';
import { libraryErrorReason } from '@core/library-error';

/**
 * Unzips the few XML parts of an OFD invoice in memory. An OFD comes from an applicant's package,
 * so the zip is judged from its central directory before anything is inflated, only the parts the
 * references of OFD.xml lead to are inflated, and each is cut off as soon as it passes its limit
 * (collectStream counts the bytes really produced, so a header that lies about sizes does not help).
 */
export const OFD_LIMITS = {
  /** A real OFD invoice is 20–200 KB. */
  maxArchiveBytes: 20 * 1024 * 1024,
  maxEntries: 2_000,
  /** Uncompressed bytes of one part. */
  maxEntryBytes: 20 * 1024 * 1024,
  /** Declared uncompressed bytes of all entries together. */
  maxTotalBytes: 100 * 1024 * 1024,
  /** Uncompressed ÷ compressed, judged for entries above 1 MB (small XML legitimately compresses well). */
  maxCompressionRatio: 200,
} as const;

const RATIO_MIN_BYTES = 1024 * 1024;

export async function readOfdArchive(content: Buffer): Promise<Result<OfdXmlParts>> {
  if (content.length > OFD_LIMITS.maxArchiveBytes) {
    return fail(`OFD 文件有 ${formatBytes(content.length)}，超过上限 ${formatBytes(OFD_LIMITS.maxArchiveBytes)}，远大于正常的电子发票，未读取`);
  }
  let zipfile: ZipFile;
  try {
    zipfile = await yauzl.fromBufferPromise(content, { lazyEntries: true, validateEntrySizes: false });
  } catch (error) {
    return fail(`不是有效的 OFD 文件（${libraryErrorReason(error)}）`);
  }
  try {
    if (zipfile.entryCount > OFD_LIMITS.maxEntries) {
      return fail(`OFD 压缩包中有 ${String(zipfile.entryCount)} 个条目，超过上限 ${String(OFD_LIMITS.maxEntries)} 个，不是正常的电子发票`);
    }
    /** Entries by lower-cased name: names are compared ignoring case (Windows tools write either). */
    const entries = new Map<string, Entry>();
    let totalBytes = 0;
    for await (const entry of zipfile.eachEntry()) {
      totalBytes += entry.uncompressedSize;
      if (totalBytes > OFD_LIMITS.maxTotalBytes) {
        return fail(`OFD 压缩包解压后超过 ${formatBytes(OFD_LIMITS.maxTotalBytes)}，疑似压缩炸弹（zip bomb），未读取`);
      }
      const name = entry.fileName.replace(/^\/+/u, '').toLowerCase();
      if (!entries.has(name)) entries.set(name, entry);
    }
    const read = async (path: string | undefined): Promise<Result<string | undefined>> => {
      const entry = path === undefined ? undefined : entries.get(path.toLowerCase());
      if (entry === undefined) return ok(undefined);
      const text = await readEntry(zipfile, entry);
      return text.ok ? text : fail(`OFD 中的 ${entry.fileName}：${text.message}`);
    };
    return await followReferences(read);
  } catch (error) {
    return fail(`OFD 文件结构已损坏，无法读取（${libraryErrorReason(error)}）`);
  } finally {
    zipfile.close();
  }
}

type PartReader = (path: string | undefined) => Promise<Result<string | undefined>>;

/**
 * OFD.xml → DocRoot → Document.xml → CustomTags / Attachments / first page, each by the name the
 * referring file gives (ofd-structure.ts). Where a reference is missing, the conventional path
 * (OFD_ENTRY_PATHS) is tried, as older issuers rely on it.
 */
async function followReferences(read: PartReader): Promise<Result<OfdXmlParts>> {
  const parts: OfdXmlParts = {};
  const ofd = await read(OFD_ENTRY_PATHS.ofd);
  if (!ofd.ok) return ofd;
  if (ofd.value !== undefined) parts.ofd = ofd.value;
  const docRoot = (ofd.value === undefined ? undefined : ofdDocRoot(ofd.value)) ?? 'Doc_0/Document.xml';
  const document = await read(docRoot);
  if (!document.ok) return document;
  const links = document.value === undefined ? undefined : ofdDocumentLinks(document.value, docRoot);

  const page = await read(links?.pages[0] ?? OFD_ENTRY_PATHS.pageContent);
  if (!page.ok) return page;
  if (page.value !== undefined) parts.pageContent = page.value;

  let attachmentPath: string | undefined;
  if (links?.attachments !== undefined) {
    const index = await read(links.attachments);
    if (!index.ok) return index;
    if (index.value !== undefined) attachmentPath = ofdInvoiceAttachment(index.value, links.attachments);
  }
  attachmentPath ??= OFD_ENTRY_PATHS.originalInvoice;
  const attachment = await read(attachmentPath);
  if (!attachment.ok) return attachment;
  if (attachment.value !== undefined) {
    parts.originalInvoice = attachment.value;
    parts.originalInvoicePath = attachmentPath;
  }

  const tagFiles: string[] = [];
  if (links?.customTags !== undefined) {
    const index = await read(links.customTags);
    if (!index.ok) return index;
    if (index.value !== undefined) tagFiles.push(...ofdTagFiles(index.value, links.customTags));
  }
  tagFiles.push(OFD_ENTRY_PATHS.customTag);
  for (const tagFile of tagFiles.slice(0, MAX_TAG_FILES)) {
    const tags = await read(tagFile);
    if (!tags.ok) return tags;
    if (tags.value !== undefined) {
      parts.customTag = tags.value;
      break;
    }
  }
  return ok(parts);
}

/** A tag index naming more files than this is not an invoice's; the first readable one is used. */
const MAX_TAG_FILES = 8;

async function readEntry(zipfile: ZipFile, entry: Entry): Promise<Result<string>> {
  if (entry.uncompressedSize > OFD_LIMITS.maxEntryBytes) {
    return fail(`解压后有 ${formatBytes(entry.uncompressedSize)}，超过单个文件上限 ${formatBytes(OFD_LIMITS.maxEntryBytes)}，未读取`);
  }
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
  if (entry.uncompressedSize > RATIO_MIN_BYTES && ratio > OFD_LIMITS.maxCompressionRatio) {
    return fail(`压缩比约 ${ratio.toFixed(0)}:1，超过上限 ${String(OFD_LIMITS.maxCompressionRatio)}:1，疑似压缩炸弹（zip bomb），未解压`);
  }
  if ((entry.generalPurposeBitFlag & 0x1) !== 0) return fail('已加密，无法读取');
  const stream = await zipfile.openReadStreamPromise(entry);
  const collected = await collectStream(stream, {
    maxBytes: OFD_LIMITS.maxEntryBytes,
    declaredBytes: entry.uncompressedSize,
    crc32: entry.crc32,
  });
  if (!collected.ok) {
    switch (collected.reason) {
      case 'too-large':
      case 'longer-than-declared':
        return fail('解压出的数据超过文件头声明的大小（文件头被篡改或压缩包已损坏），已停止解压');
      case 'shorter-than-declared':
        return fail('解压出的数据少于文件头声明的大小，压缩包已损坏');
      case 'crc-mismatch':
        return fail('解压后的数据与压缩包记录的 CRC 校验值不符，压缩包已损坏');
      case 'read-failed':
        return fail(`数据已损坏，无法解压（${libraryErrorReason(collected.error)}）`);
    }
  }
  return decodeXmlBytes(collected.data, '该文件');
}
