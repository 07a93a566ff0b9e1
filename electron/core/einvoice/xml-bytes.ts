import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { fail, ok, type Result } from '@shared/domain/result';

/**
 * Bytes of an XML file → text, by its byte-order mark or its declared encoding. Invoice data files
 * are UTF-8; GBK is accepted because Chinese tools still write it. A file that claims UTF-8 (or
 * claims nothing) but is not valid UTF-8 is refused rather than read with replacement characters,
 * which would silently change names.
 */
export function decodeXmlBytes(bytes: Buffer, what: string): Result<string> {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3), what);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return ok(iconv.decode(bytes.subarray(2), 'utf-16le'));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return ok(iconv.decode(bytes.subarray(2), 'utf-16be'));

  const declared = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']/u.exec(bytes.subarray(0, 200).toString('latin1'))?.[1];
  const encoding = declared?.toLowerCase();
  if (encoding === undefined || encoding === 'utf-8' || encoding === 'utf8') return utf8(bytes, what);
  if (['gbk', 'gb2312', 'gb18030', 'cp936'].includes(encoding)) return ok(iconv.decode(bytes, 'gb18030'));
  if (iconv.encodingExists(encoding)) return ok(iconv.decode(bytes, encoding));
  return fail(`${what}声明的字符编码「${declared ?? ''}」无法识别，应为 UTF-8`);
}

function utf8(bytes: Buffer, what: string): Result<string> {
  return isUtf8(bytes) ? ok(bytes.toString('utf8')) : fail(`${what}不是有效的 UTF-8 文本，文件可能已损坏或不是 XML`);
}
