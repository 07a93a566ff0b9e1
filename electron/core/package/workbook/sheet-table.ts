import type { Worksheet } from 'exceljs';
import { findHeaderRow, matchHeaderRow, type MatchedColumn, type SheetName } from '@shared/domain/header-match';
import type { PackageProblem } from '@shared/package/problem';
import { columnLimitMessage } from './check-sheet-extents';
import { MAX_CELL_TEXT_LENGTH, columnLetter, isEmptyCell, normalizeCell, type PlainCell } from './normalize-cell';

/** How far down title rows may push the header row. */
const HEADER_SEARCH_ROWS = 20;

export interface SheetRow {
  /** 1-based, as Excel shows it. */
  rowNumber: number;
  /** 0-based by column: cells[0] is column A. */
  cells: PlainCell[];
}

export interface SheetTable {
  sheet: SheetName;
  columns: Map<string, MatchedColumn>;
  /** Columns the format does not know: kept as extra text, not interpreted. */
  extraColumns: { index: number; name: string }[];
  rows: SheetRow[];
}

/**
 * Every non-empty row of a worksheet as plain cells; over-long cells are reported and blanked. Only
 * cells with content are visited (a row with one cell in column XFD costs one cell, not 16,384), and
 * content right of `maxColumns` is refused, reported once per sheet at its first cell.
 */
export function readSheetRows(worksheet: Worksheet, file: string, problems: PackageProblem[], maxColumns: number): SheetRow[] {
  const rows: SheetRow[] = [];
  let beyond: { row: number; column: number; rows: number } | undefined;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: PlainCell[] = [];
    let outside = false;
    row.eachCell({ includeEmpty: false }, (excelCell, column) => {
      let cell = normalizeCell(excelCell.value);
      if (typeof cell === 'string' && cell.length > MAX_CELL_TEXT_LENGTH) {
        problems.push({
          severity: 'error',
          file,
          sheet: worksheet.name,
          row: rowNumber,
          column: columnLetter(column),
          message: `单元格内容过长（${String(cell.length)} 个字符），每个单元格最多 ${String(MAX_CELL_TEXT_LENGTH)} 个字符`,
        });
        cell = null;
      }
      if (isEmptyCell(cell)) return;
      if (column > maxColumns) {
        outside = true;
        beyond ??= { row: rowNumber, column, rows: 0 };
        return;
      }
      cells[column - 1] = cell;
    });
    if (outside && beyond) beyond.rows += 1;
    if (cells.length === 0) return;
    // Holes (empty cells between filled ones) become null, as consumers expect; at most maxColumns wide.
    for (let i = 0; i < cells.length; i++) cells[i] ??= null;
    rows.push({ rowNumber, cells });
  });
  if (beyond) {
    problems.push({
      severity: 'error',
      file,
      sheet: worksheet.name,
      row: beyond.row,
      column: columnLetter(beyond.column),
      message: columnLimitMessage(columnLetter(beyond.column), beyond.rows, maxColumns),
    });
  }
  return rows;
}

/**
 * Finds the header row below any title rows, maps columns in any order, and reports what cannot be
 * read: no header row, missing required columns, ambiguous units. Unknown columns are warnings.
 */
export function locateTable(sheet: SheetName, rows: SheetRow[], required: readonly string[], file: string, problems: PackageProblem[]): SheetTable | null {
  const headerIndex = findHeaderRow(
    sheet,
    rows.slice(0, HEADER_SEARCH_ROWS).map((r) => r.cells),
  );
  if (headerIndex === undefined) {
    problems.push({
      severity: 'error',
      file,
      sheet,
      message: `「${sheet}」工作表前 ${String(HEADER_SEARCH_ROWS)} 行中找不到表头行，应有一行列名，如 ${required.slice(0, 4).join('、')}`,
    });
    return null;
  }
  const headerRow = rows[headerIndex] as SheetRow;
  const match = matchHeaderRow(sheet, headerRow.cells);
  const columns = new Map(match.columns.map((c) => [c.column, c]));
  for (const column of match.columns) {
    if (column.problem) {
      problems.push({ severity: 'error', file, sheet, row: headerRow.rowNumber, column: columnLetter(column.index + 1), message: column.problem });
    }
  }
  for (const name of required) {
    if (!columns.has(name)) {
      problems.push({ severity: 'error', file, sheet, row: headerRow.rowNumber, message: `表头缺少必需的列「${name}」` });
    }
  }
  for (const duplicate of match.duplicates) {
    problems.push({
      severity: 'warning',
      file,
      sheet,
      row: headerRow.rowNumber,
      column: columnLetter(duplicate.index + 1),
      message: `列「${duplicate.raw}」与 ${columnLetter(duplicate.firstIndex + 1)} 列同为「${duplicate.column}」，只读取第一列`,
    });
  }
  for (const unknown of match.unknown) {
    problems.push({
      severity: 'warning',
      file,
      sheet,
      row: headerRow.rowNumber,
      column: columnLetter(unknown.index + 1),
      message: `未识别的列「${unknown.raw}」：内容会保留，但不参与核验`,
    });
  }
  return {
    sheet,
    columns,
    extraColumns: match.unknown.map((u) => ({ index: u.index, name: u.raw })),
    rows: rows.slice(headerIndex + 1),
  };
}
