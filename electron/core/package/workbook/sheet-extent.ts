import type { WorkbookLimits } from './workbook-limits';

/** Where a worksheet part passes the row limit, found in its XML before exceljs builds the rows. */
export interface RowExcess {
  part: string;
  /** Rows present (`<row>` elements). */
  rows: number;
  /** Excel number of the last row. */
  lastRow: number;
}

/** The first cell right of the column limit, and how many rows have such cells. */
export interface ColumnExcess {
  part: string;
  row: number;
  column: string;
  rows: number;
}

const ROW_TAG = Buffer.from('<row');
const CELL_REFERENCE = Buffer.from('<c r="');
const WORKSHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;

export function isWorksheetPart(part: string): boolean {
  return WORKSHEET_PART.test(part);
}

/**
 * Counts the rows of a worksheet part by scanning its bytes for `<row` tags (fast: no parsing), so a
 * sheet with a million rows is refused before exceljs spends memory on a million row objects.
 */
export function findRowExcess(part: string, xml: Buffer, limits: Pick<WorkbookLimits, 'maxRows'>): RowExcess | undefined {
  let rows = 0;
  let last = -1;
  for (let at = xml.indexOf(ROW_TAG); at >= 0; at = xml.indexOf(ROW_TAG, at + ROW_TAG.length)) {
    const next = xml[at + ROW_TAG.length];
    // `<row ` or `<row>`, not `<rowBreaks`.
    if (next === 0x20 || next === 0x3e || next === 0x09 || next === 0x0a || next === 0x0d) {
      rows += 1;
      last = at;
    }
  }
  const lastRow = last < 0 ? 0 : rowNumberAt(xml, last);
  return rows > limits.maxRows || lastRow > limits.maxRows ? { part, rows, lastRow } : undefined;
}

/**
 * Finds cells right of the column limit by their reference (`<c r="XFD12"`, the form Excel, WPS and
 * LibreOffice write), before exceljs loads the sheet: iterating rows that reach column XFD costs time
 * in exceljs even when it costs little memory. Cells written without a leading reference are still
 * caught cell by cell when the rows are read (sheet-table.ts).
 */
export function findColumnExcess(part: string, xml: Buffer, limits: Pick<WorkbookLimits, 'maxColumns'>): ColumnExcess | undefined {
  let found: ColumnExcess | undefined;
  let previousRow = -1;
  for (let at = xml.indexOf(CELL_REFERENCE); at >= 0; at = xml.indexOf(CELL_REFERENCE, at + CELL_REFERENCE.length)) {
    const start = at + CELL_REFERENCE.length;
    let end = start;
    let column = 0;
    for (let byte = xml[end]; end - start < 4 && byte !== undefined && byte >= 0x41 && byte <= 0x5a; byte = xml[++end]) {
      column = column * 26 + (byte - 0x40);
    }
    if (column <= limits.maxColumns) continue;
    const letters = xml.toString('latin1', start, end);
    let row = 0;
    for (let byte = xml[end]; row < 1e8 && byte !== undefined && byte >= 0x30 && byte <= 0x39; byte = xml[++end]) {
      row = row * 10 + (byte - 0x30);
    }
    found ??= { part, row, column: letters, rows: 0 };
    if (row !== previousRow) {
      found.rows += 1;
      previousRow = row;
    }
  }
  return found;
}

function rowNumberAt(xml: Buffer, at: number): number {
  const end = xml.indexOf('>', at);
  const tag = xml.toString('latin1', at, end < 0 ? Math.min(xml.length, at + 200) : Math.min(end, at + 1000));
  return Number(/\sr="(\d+)"/.exec(tag)?.[1] ?? 0);
}

/**
 * Sheet names by worksheet part (`xl/worksheets/sheet3.xml` → `发票`), from xl/workbook.xml and its
 * relationships, to name a sheet in a message before exceljs has read it.
 */
export function sheetNamesByPart(parts: ReadonlyMap<string, Buffer>): Map<string, string> {
  const workbook = parts.get('xl/workbook.xml')?.toString('utf8') ?? '';
  const rels = parts.get('xl/_rels/workbook.xml.rels')?.toString('utf8') ?? '';
  const targetOf = new Map<string, string>();
  for (const [tag] of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id !== undefined && target !== undefined) targetOf.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const names = new Map<string, string>();
  for (const [tag] of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attribute(tag, 'name');
    const target = targetOf.get(attribute(tag, '\\w+:id') ?? '');
    if (name !== undefined && target !== undefined) names.set(target, name);
  }
  return names;
}

function attribute(tag: string, name: string): string | undefined {
  const value = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  return value === undefined ? undefined : decodeEntities(value);
}

function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g, (whole, dec?: string, hex?: string, named?: string) => {
    if (dec !== undefined || hex !== undefined) {
      const code = dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named as 'amp'];
  });
}
