import type { CellValue } from 'exceljs';

/** What every cell becomes before interpretation: one plain value, whatever exceljs returned. */
export type PlainCell = string | number | boolean | Date | null;

/** Cells longer than this are refused: no field of the format needs more, and huge cells are an attack. */
export const MAX_CELL_TEXT_LENGTH = 10_000;

/**
 * Rich text is joined, formulas give their stored result, hyperlinks their text, error values their
 * code (so the message can show it). Merged cells already give their first cell's value in exceljs.
 */
export function normalizeCell(value: CellValue | undefined): PlainCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((part) => part.text).join('');
    if ('result' in value || 'formula' in value || 'sharedFormula' in value) {
      return normalizeCell((value as { result?: CellValue }).result);
    }
    if ('hyperlink' in value && 'text' in value) return normalizeCell(value.text as CellValue);
    if ('error' in value) return String(value.error);
  }
  return null;
}

export function isEmptyCell(cell: PlainCell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/** Text as a reviewer typed it, for text fields (names, numbers kept as text). */
export function cellText(cell: PlainCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  return String(cell).trim();
}

/** Excel column letter for a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(column: number): string {
  let letters = '';
  let n = column;
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
