import type { Font } from 'fontkit';
import { AppError } from '@shared/api/errors';

/**
 * A character without a glyph prints as an empty box or nothing at all; in a signed report that
 * silently changes what a name or an amount says. So every string is checked before it is drawn.
 */

/** Characters of `text` the font has no glyph for, each once, in order of appearance (white space is never drawn). */
export function missingGlyphs(font: Font, text: string): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    if (ch.trim() === '' || missing.has(ch)) continue;
    if (!font.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0)) missing.add(ch);
  }
  return [...missing];
}

function characterName(ch: string): string {
  const code = (ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return `「${ch}」（U+${code}）`;
}

/** Throws a Chinese BAD_INPUT error naming the characters (and where they occur) the font cannot draw. */
export function assertGlyphCoverage(font: Font, text: string, where: string): void {
  const missing = missingGlyphs(font, text);
  if (missing.length === 0) return;
  const shown = missing.slice(0, 10).map(characterName).join('、');
  const more = missing.length > 10 ? ` 等 ${String(missing.length)} 个字符` : '';
  throw new AppError('BAD_INPUT', `${where}中的字符${shown}${more}在字体 ${font.familyName} 中没有字形，无法写入 PDF；请改用常用汉字或去掉这些字符`);
}
