import { isUtf8 } from 'node:buffer';
import { crc32 } from 'node:zlib';
import iconv from 'iconv-lite';

/** What the central directory says about one entry's name. */
export interface RawZipName {
  raw: Buffer;
  /** General-purpose bit 11: the name (and comment) are UTF-8. */
  utf8Flag: boolean;
  extraFields: readonly { id: number; data: Buffer }[];
}

export type NameEncoding = 'utf8-flag' | 'unicode-path-field' | 'ascii' | 'utf8-unflagged' | 'gbk';

export type DecodedZipName = { ok: true; name: string; encoding: NameEncoding } | { ok: false; name: string; message: string };

const UNICODE_PATH_FIELD = 0x7075;
const UTF8 = new TextDecoder('utf-8');

/**
 * Decodes the entry names of one zip.
 *
 * 1. An Info-ZIP Unicode Path extra field (0x7075, version 1) whose CRC matches the raw name wins:
 *    the writer stored the true UTF-8 name there and a legacy one in the header.
 * 2. Bit 11 set: the name is UTF-8 (APPNOTE 6.3.2).
 * 3. Otherwise the name is in the writer's legacy code page. For a package from China that is GBK
 *    (Windows Explorer, WinRAR and 360压缩 on a Chinese Windows write CP936 and no flag), but some
 *    tools (macOS Archive Utility, old Java and Python writers) write UTF-8 without setting the flag.
 *    The decision is made once per archive, because one tool wrote all of its names: if every
 *    unflagged non-ASCII name is valid UTF-8 they are read as UTF-8, otherwise all as GBK (decoded
 *    with GB18030, its superset). GBK text that happens to be valid UTF-8 is rare for one name and
 *    practically impossible for all names of a package, while UTF-8 text is never mistaken for GBK
 *    here because it is tried first.
 */
export function decodeZipEntryNames(names: readonly RawZipName[]): DecodedZipName[] {
  const fromField = names.map(unicodePathFieldName);
  const legacyUtf8 = names.every((name, i) => fromField[i] !== undefined || name.utf8Flag || isAscii(name.raw) || isUtf8(name.raw));

  return names.map((name, i): DecodedZipName => {
    const field = fromField[i];
    if (field !== undefined) {
      return isUtf8(field)
        ? { ok: true, name: UTF8.decode(field), encoding: 'unicode-path-field' }
        : { ok: false, name: UTF8.decode(field), message: '文件名的 Unicode 扩展字段（0x7075）不是有效的 UTF-8 编码' };
    }
    if (name.utf8Flag) {
      return isUtf8(name.raw)
        ? { ok: true, name: UTF8.decode(name.raw), encoding: 'utf8-flag' }
        : { ok: false, name: UTF8.decode(name.raw), message: '文件名标记为 UTF-8 编码，但内容不是有效的 UTF-8，请重新压缩' };
    }
    if (isAscii(name.raw)) return { ok: true, name: name.raw.toString('latin1'), encoding: 'ascii' };
    if (legacyUtf8) return { ok: true, name: UTF8.decode(name.raw), encoding: 'utf8-unflagged' };
    const gbk = iconv.decode(name.raw, 'gb18030');
    return gbk.includes('\uFFFD')
      ? { ok: false, name: gbk, message: '文件名编码无法识别（既不是 UTF-8 也不是 GBK），请用 UTF-8 文件名重新压缩' }
      : { ok: true, name: gbk, encoding: 'gbk' };
  });
}

/** The UTF-8 bytes of a valid Unicode Path extra field, or undefined (absent, other version, stale CRC). */
function unicodePathFieldName(name: RawZipName): Buffer | undefined {
  for (const field of name.extraFields) {
    if (field.id !== UNICODE_PATH_FIELD || field.data.length < 5 || field.data[0] !== 1) continue;
    // A CRC that does not match means the header name was changed after the field was written:
    // APPNOTE says to ignore the field then.
    if (field.data.readUInt32LE(1) !== crc32(name.raw)) continue;
    return field.data.subarray(5);
  }
  return undefined;
}

function isAscii(bytes: Buffer): boolean {
  for (const byte of bytes) if (byte > 0x7f) return false;
  return true;
}
