/**
 * Text clean-up shared by the parsers. Chinese input methods switch between
 * full-width and half-width forms freely, so every parser compares text only
 * after folding it.
 */

/** Full-width ASCII variants (U+FF01..U+FF5E) and the ideographic space become their ASCII forms. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) {
      out += String.fromCodePoint(code - 0xfee0);
    } else if (code === 0x3000) {
      out += ' ';
    } else {
      out += ch;
    }
  }
  return out;
}

// Includes NBSP and zero-width characters that survive copy-paste from PDFs and web pages.
const INVISIBLE_OR_SPACE = /[\s\u00a0\u200b-\u200d\u2060\ufeff]/gu;

export function removeSpaces(text: string): string {
  return text.replace(INVISIBLE_OR_SPACE, '');
}

/** Half-width and without any spaces: the form parsers work on. */
export function compactText(text: string): string {
  return removeSpaces(toHalfWidth(text));
}

/** A cell with nothing meaningful in it: absent, or only spaces. */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return removeSpaces(value) === '';
  return false;
}

/** Shows a raw cell value inside a message, e.g. 「12,3a4.00」. */
export function quote(value: unknown): string {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? '「无效日期」' : `「${value.toISOString()}」`;
  }
  if (typeof value === 'string') return `「${value}」`;
  if (value === null || value === undefined) return '「（空）」';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return `「${String(value)}」`;
  }
  return '「（无法识别的值）」';
}
