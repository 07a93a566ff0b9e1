import type ExcelJS from 'exceljs';
import { exactNumber, isDecimalString } from './exact-number';
import { safeText } from './safe-text';
import { displayWidth } from './text-width';

/**
 * One table of an exported workbook, laid out the way every export of the product is: title lines,
 * one bold header row frozen and repeated on every printed page, an auto-filter over the table,
 * landscape A4 fitted to the page width with 第 X 页 共 Y 页 in the footer, columns as wide as
 * their Chinese text, numbers as numbers in the column's format, and text as text.
 */

export type ColumnKind =
  /** Text; from packages or people, so never a formula. */
  | 'text'
  /** Text that wraps (findings, opinions, traces). */
  | 'longText'
  /** Yuan with two decimals, thousands separated. */
  | 'money'
  /** Whole numbers (counts, ranks, row numbers). */
  | 'count'
  /** Rubric item scores in half points. */
  | 'score'
  /** Consolidated figures, rounded to 0.01. */
  | 'figure'
  /** A fraction shown as a percentage: 0.13 → 13%. */
  | 'percent'
  /** Counted or invoiced quantities (2, 2.5, 0.8333): shown with the digits they have. */
  | 'quantity';

export interface TableColumn {
  header: string;
  kind: ColumnKind;
}

/**
 * A cell: text as a string; numbers as decimal strings (money, scores, rates) or integers (counts).
 * In a number column a string that is not a decimal (回避, 未评分, a reason) is written as text.
 */
export type TableValue = string | number | null;

export interface TableSpec {
  /** Worksheet name (at most 31 characters, no []:*?/\). */
  name: string;
  /** Lines above the header: the title first (bold), then what the table is about. */
  title: readonly string[];
  columns: readonly TableColumn[];
  rows: readonly (readonly TableValue[])[];
  /** Lines under the table (合计), bold and outside the auto-filter so sorting leaves them last. */
  totals?: readonly (readonly TableValue[])[];
  /** Columns kept in view when scrolling right (e.g. the project). */
  frozenColumns?: number;
}

export const NUMBER_FORMAT: Readonly<Record<Exclude<ColumnKind, 'text' | 'longText' | 'percent'>, string>> = {
  money: '#,##0.00',
  count: '0',
  score: '0.0',
  figure: '0.00',
  // General shows 2 as 2 and 2.5 as 2.5; a fixed pattern like 0.#### would show 2 as "2.".
  quantity: 'General',
};

const MAX_WIDTH: Readonly<Record<ColumnKind, number>> = { text: 36, longText: 60, money: 20, count: 10, score: 12, figure: 12, percent: 10, quantity: 12 };
const MIN_WIDTH = 6;

/** 13% as 0%, 1.5% as 0.0%: a rate shows the digits it has. */
function percentFormat(value: number): string {
  return Number.isInteger(Math.round(value * 1e6) / 1e4) ? '0%' : '0.0#%';
}

/** What the cell shows, to size its column. */
function shownText(value: TableValue, kind: ColumnKind): string {
  if (value === null) return '';
  if (typeof value === 'number' || (isDecimalString(value) && kind !== 'text' && kind !== 'longText')) {
    const n = Number(value);
    if (kind === 'money') return n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    if (kind === 'percent') return `${String(n * 100)}%`;
    return String(value);
  }
  return value;
}

function writeCell(cell: ExcelJS.Cell, value: TableValue, column: TableColumn, where: string): void {
  if (value === null) return;
  if (column.kind === 'text' || column.kind === 'longText' || (typeof value === 'string' && !isDecimalString(value))) {
    cell.value = safeText(String(value));
    return;
  }
  if (column.kind === 'count') {
    const n = typeof value === 'number' ? value : exactNumber(value, where);
    if (!Number.isInteger(n)) throw new Error(`${where}应为整数：${String(value)}`);
    cell.value = n;
    cell.numFmt = NUMBER_FORMAT.count;
    return;
  }
  const n = typeof value === 'number' ? exactNumber(String(value), where) : exactNumber(value, where);
  cell.value = n;
  cell.numFmt = column.kind === 'percent' ? percentFormat(n) : NUMBER_FORMAT[column.kind];
}

export function addTableSheet(workbook: ExcelJS.Workbook, spec: TableSpec): ExcelJS.Worksheet {
  const headerRow = spec.title.length + 1;
  const sheet = workbook.addWorksheet(spec.name, {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: spec.frozenColumns ?? 0 }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${String(headerRow)}:${String(headerRow)}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页 共 &N 页', evenFooter: '&C第 &P 页 共 &N 页' },
  });
  spec.title.forEach((line, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = safeText(line);
    cell.font = i === 0 ? { bold: true, size: 14 } : { size: 10 };
  });
  const header = sheet.getRow(headerRow);
  spec.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = safeText(column.header);
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    cell.border = { bottom: { style: 'thin' } };
  });

  const widths = spec.columns.map((column) => displayWidth(column.header));
  const totals = spec.totals ?? [];
  [...spec.rows, ...totals].forEach((values, r) => {
    const row = sheet.getRow(headerRow + 1 + r);
    spec.columns.forEach((column, c) => {
      const value = values[c] ?? null;
      writeCell(row.getCell(c + 1), value, column, `「${spec.name}」第 ${String(headerRow + 1 + r)} 行「${column.header}」`);
      widths[c] = Math.max(widths[c] ?? 0, displayWidth(shownText(value, column.kind)));
    });
    if (r >= spec.rows.length) row.font = { bold: true };
  });
  spec.columns.forEach((column, c) => {
    const sheetColumn = sheet.getColumn(c + 1);
    const wanted = (widths[c] ?? 0) + 2;
    sheetColumn.width = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH[column.kind], wanted));
    // Text wider than its column wraps rather than being cut at the next cell.
    if (column.kind === 'longText' || (column.kind === 'text' && wanted > MAX_WIDTH.text)) sheetColumn.alignment = { wrapText: true, vertical: 'top' };
  });

  const lastRow = headerRow + Math.max(spec.rows.length, 1);
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: lastRow, column: spec.columns.length } };
  return sheet;
}
