import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { PROJECT_INFO_FIELDS, SHEET_NAMES, findHeaderRow, matchHeaderRow, resolveProjectInfoField, type MoneyUnit, type SheetName } from '@shared/domain';
import { manifestSchema, type Manifest } from '@shared/package/manifest-schema';

/**
 * Reads a generated package back the way an importer would, with exceljs and the shared header
 * rules, independent of the generator's own model: the tests judge the bytes, not the intentions.
 */

export type PlainCell = string | number | boolean | Date | null;

export interface SheetRow {
  /** Excel row number. */
  row: number;
  /** Cells by canonical column name. */
  cells: Record<string, PlainCell>;
}

export interface ReadSheet {
  headerRow: number;
  /** Unit of each amount column as its header states it. */
  units: Record<string, MoneyUnit>;
  rows: SheetRow[];
  /** Header cells the sheet has but the format does not know, and canonical columns it lacks. */
  unknown: string[];
  missing: string[];
}

export interface ReadProject {
  id: string;
  workbookPath: string;
  info: Record<string, { value: PlainCell; row: number; unit: MoneyUnit }>;
  sheets: Record<Exclude<SheetName, '项目信息'>, ReadSheet>;
}

export interface ReadPackage {
  entries: Map<string, Buffer>;
  /** Entry names whose UTF-8 flag was not set. */
  notUtf8: string[];
  manifest: Manifest;
  projects: ReadProject[];
}

export function unzip(zip: Buffer): Promise<{ entries: Map<string, Buffer>; notUtf8: string[] }> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, zipfile) => {
      if (error) return reject(error);
      const entries = new Map<string, Buffer>();
      const notUtf8: string[] = [];
      zipfile.on('entry', (entry: yauzl.Entry) => {
        if ((entry.generalPurposeBitFlag & 0x800) === 0) notUtf8.push(entry.fileName);
        zipfile.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zipfile.readEntry();
          });
          stream.on('error', reject);
        });
      });
      zipfile.on('end', () => resolve({ entries, notUtf8 }));
      zipfile.on('error', reject);
      zipfile.readEntry();
    });
  });
}

function plain(value: ExcelJS.CellValue): PlainCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((part) => part.text).join('');
  if (typeof value === 'object' && 'result' in value) return plain(value.result as ExcelJS.CellValue);
  return String(value as unknown as string);
}

/** exceljs computes columnCount by walking every row, so it is looked up once per sheet. */
const columnCounts = new WeakMap<ExcelJS.Worksheet, number>();

function rowValues(sheet: ExcelJS.Worksheet, rowNumber: number): PlainCell[] {
  let columns = columnCounts.get(sheet);
  if (columns === undefined) {
    columns = sheet.columnCount;
    columnCounts.set(sheet, columns);
  }
  const row = sheet.getRow(rowNumber);
  const out: PlainCell[] = [];
  for (let c = 1; c <= columns; c += 1) out.push(plain(row.getCell(c).value));
  return out;
}

export async function readWorkbook(data: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  return workbook;
}

function readTable(workbook: ExcelJS.Workbook, name: Exclude<SheetName, '项目信息'>): ReadSheet {
  const sheet = workbook.getWorksheet(name);
  if (sheet === undefined) throw new Error(`缺少工作表 ${name}`);
  const top = Array.from({ length: Math.min(5, sheet.rowCount) }, (_, i) => rowValues(sheet, i + 1));
  const index = findHeaderRow(name, top);
  if (index === undefined) throw new Error(`${name} 找不到表头`);
  const headerRow = index + 1;
  const match = matchHeaderRow(name, rowValues(sheet, headerRow));
  const units: Record<string, MoneyUnit> = {};
  for (const column of match.columns) units[column.column] = column.unit;
  const rows: SheetRow[] = [];
  const last = sheet.rowCount;
  for (let r = headerRow + 1; r <= last; r += 1) {
    const values = rowValues(sheet, r);
    if (values.every((v) => v === null || (typeof v === 'string' && v.trim() === ''))) continue;
    const cells: Record<string, PlainCell> = {};
    for (const column of match.columns) cells[column.column] = values[column.index] ?? null;
    rows.push({ row: r, cells });
  }
  return { headerRow, units, rows, unknown: match.unknown.map((u) => u.raw), missing: [...match.missing] };
}

export async function readProject(id: string, workbookPath: string, data: Buffer): Promise<ReadProject> {
  const workbook = await readWorkbook(data);
  const infoSheet = workbook.getWorksheet('项目信息');
  if (infoSheet === undefined) throw new Error('缺少工作表 项目信息');
  const info: ReadProject['info'] = {};
  const infoRows = infoSheet.rowCount;
  for (let r = 2; r <= infoRows; r += 1) {
    const [field, value] = rowValues(infoSheet, r);
    if (typeof field !== 'string') continue;
    const resolved = resolveProjectInfoField(field);
    if (resolved === undefined) throw new Error(`项目信息第 ${String(r)} 行字段「${field}」无法识别`);
    info[resolved.column] = { value: value ?? null, row: r, unit: resolved.unit };
  }
  const sheets = Object.fromEntries(
    SHEET_NAMES.filter((name): name is Exclude<SheetName, '项目信息'> => name !== '项目信息').map((name) => [name, readTable(workbook, name)]),
  ) as ReadProject['sheets'];
  return { id, workbookPath, info, sheets };
}

export async function readPackage(zip: Buffer): Promise<ReadPackage> {
  const { entries, notUtf8 } = await unzip(zip);
  const manifestBytes = entries.get('manifest.json');
  if (manifestBytes === undefined) throw new Error('缺少 manifest.json');
  const manifest = manifestSchema.parse(JSON.parse(manifestBytes.toString('utf8')));
  const projects: ReadProject[] = [];
  for (const project of manifest.projects) {
    const data = entries.get(project.workbook);
    if (data === undefined) throw new Error(`缺少 ${project.workbook}`);
    projects.push(await readProject(project.id, project.workbook, data));
  }
  return { entries, notUtf8, manifest, projects };
}

export const PROJECT_INFO_NAMES = PROJECT_INFO_FIELDS.map((field) => field.name);
