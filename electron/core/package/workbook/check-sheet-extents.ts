import type { PackageProblem } from '@shared/package/problem';
import { findColumnExcess, findRowExcess, isWorksheetPart, sheetNamesByPart } from './sheet-extent';
import { columnLetter } from './normalize-cell';
import { WORKBOOK_LIMITS } from './workbook-limits';

/**
 * Every worksheet's rows and columns against {@link WORKBOOK_LIMITS}, judged from the sheet XML
 * before exceljs loads anything; one located error per sheet over a limit.
 */
export function checkSheetExtents(file: string, parts: ReadonlyMap<string, Buffer>): PackageProblem[] {
  const problems: PackageProblem[] = [];
  let names: Map<string, string> | undefined;
  const sheetOf = (part: string) => (names ??= sheetNamesByPart(parts)).get(part);
  const { maxRows, maxColumns } = WORKBOOK_LIMITS;
  for (const [part, xml] of parts) {
    if (!isWorksheetPart(part)) continue;
    const rows = findRowExcess(part, xml, WORKBOOK_LIMITS);
    if (rows) {
      const sheet = sheetOf(part);
      problems.push({
        severity: 'error',
        file,
        ...(sheet === undefined ? {} : { sheet }),
        ...(rows.lastRow > maxRows ? { row: rows.lastRow } : {}),
        message:
          `工作表「${sheet ?? part}」有 ${String(rows.rows)} 行（最后一行是第 ${String(rows.lastRow)} 行），` +
          `超过每个工作表 ${String(maxRows)} 行的上限，未读取；请删除多余的空行，或把数据分到几个项目的申报表中`,
      });
      continue;
    }
    const columns = findColumnExcess(part, xml, WORKBOOK_LIMITS);
    if (columns) {
      const sheet = sheetOf(part);
      problems.push({
        severity: 'error',
        file,
        ...(sheet === undefined ? {} : { sheet }),
        row: columns.row,
        column: columns.column,
        message: columnLimitMessage(columns.column, columns.rows, maxColumns),
      });
    }
  }
  return problems;
}

/** Shared with the cell-by-cell check in sheet-table.ts, so both say the same. */
export function columnLimitMessage(column: string, rows: number, maxColumns: number): string {
  const last = columnLetter(maxColumns);
  return (
    `${column} 列有内容，超出每个工作表 ${String(maxColumns)} 列（到 ${last} 列）的上限；` + `共 ${String(rows)} 行在 ${last} 列以右有内容，请删除多余的列后重新导出`
  );
}
