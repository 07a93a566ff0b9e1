/** Excel's limit on the characters of one cell. */
const MAX_CELL_CHARACTERS = 32_767;
const CUT_MARK = '…（已截断）';

/**
 * Text from a package or a person, made safe to store in a cell. It is always written as a string
 * cell (exceljs never turns a string into a formula, so 「=HYPERLINK(…)」 stays the text it is);
 * characters XML 1.0 cannot hold, which would make Excel refuse the whole file, become U+FFFD;
 * and text beyond Excel's 32,767 characters per cell is cut with a mark rather than refused.
 */
export function safeText(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters and (in u mode) lone surrogates are exactly what XML cannot hold
  const clean = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu, '\uFFFD');
  return clean.length > MAX_CELL_CHARACTERS ? `${clean.slice(0, MAX_CELL_CHARACTERS - CUT_MARK.length)}${CUT_MARK}` : clean;
}
