import ExcelJS from 'exceljs';
import { writeFileAtomic } from '../../write-file-atomic';
import { SHEET_NAMES, type SheetName } from '@shared/domain';
import { GENERAL_INSTRUCTIONS, INSTRUCTIONS_SHEET_NAME, NUMBER_FORMATS, PROJECT_INFO_LAYOUT, SHEET_LAYOUTS, type ColumnLayout } from './layout';
import { HEADER_BORDER, TITLE_FONT, addRangeValidation, columnLetters, listValidation, styleHeaderCell, wholeNumberValidation } from './styles';

/** Data rows the template prepares with drop-downs and formats. */
export const TEMPLATE_DATA_ROWS = 5000;

/** Fixed so that the template's document properties do not change from one run to the next. */
const TEMPLATE_DATE = new Date(Date.UTC(2024, 0, 1));

export interface TemplateResult {
  file: string;
  sheets: string[];
}

/** Builds the blank 申报表.xlsx in memory: 填表说明 first, then the five sheets of PACKAGE.md. */
export function createTemplateWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '技改评审';
  workbook.lastModifiedBy = '技改评审';
  workbook.title = '申报表（材料包第 1 版）';
  workbook.created = TEMPLATE_DATE;
  workbook.modified = TEMPLATE_DATE;

  addInstructionsSheet(workbook);
  for (const sheet of SHEET_NAMES) {
    if (sheet === '项目信息') addProjectInfoSheet(workbook);
    else addTableSheet(workbook, sheet);
  }
  return workbook;
}

/** Writes the blank template to `outFile` (.xlsx). */
export async function writeTemplate(outFile: string): Promise<TemplateResult> {
  const workbook = createTemplateWorkbook();
  writeFileAtomic(outFile, Buffer.from(await workbook.xlsx.writeBuffer()));
  return { file: outFile, sheets: workbook.worksheets.map((sheet) => sheet.name) };
}

function addProjectInfoSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('项目信息', {
    views: [{ state: 'frozen', ySplit: 1 }],
    properties: { tabColor: { argb: 'FF4472C4' } },
  });
  const [fieldColumn, valueColumn] = SHEET_LAYOUTS.项目信息;
  sheet.getColumn(1).width = fieldColumn?.width ?? 20;
  sheet.getColumn(2).width = valueColumn?.width ?? 48;
  const header = sheet.getRow(1);
  header.values = [fieldColumn?.header ?? '字段', valueColumn?.header ?? '值'];
  header.height = 22;
  header.eachCell((cell) => styleHeaderCell(cell));

  PROJECT_INFO_LAYOUT.forEach((field, index) => {
    const rowNumber = index + 2;
    const row = sheet.getRow(rowNumber);
    const label = row.getCell(1);
    label.value = field.label;
    label.font = { bold: true };
    label.border = HEADER_BORDER;
    label.note = field.note;
    const value = row.getCell(2);
    value.border = HEADER_BORDER;
    const format = NUMBER_FORMATS[field.kind];
    if (format !== undefined) value.numFmt = format;
    if (field.list !== undefined) addRangeValidation(sheet, `B${String(rowNumber)}`, listValidation(field.list, field.name));
    if (field.kind === 'integer') addRangeValidation(sheet, `B${String(rowNumber)}`, wholeNumberValidation(field.name));
  });
}

function addTableSheet(workbook: ExcelJS.Workbook, name: SheetName): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const layout = SHEET_LAYOUTS[name];
  sheet.columns = layout.map((column) => {
    const format = NUMBER_FORMATS[column.kind];
    return { key: column.name, width: column.width, ...(format === undefined ? {} : { style: { numFmt: format } }) };
  });
  const header = sheet.getRow(1);
  header.height = 30;
  layout.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.header;
    styleHeaderCell(cell);
    cell.numFmt = 'General';
    cell.note = column.note;
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: layout.length } };
  addColumnValidations(sheet, layout, 2, TEMPLATE_DATA_ROWS + 1);
}

/** Drop-downs for the closed lists of a table sheet, over rows first..last. */
export function addColumnValidations(
  sheet: ExcelJS.Worksheet,
  layout: readonly ColumnLayout[],
  first: number,
  last: number,
  skip: ReadonlySet<string> = new Set(),
  columnOrder: readonly string[] = layout.map((column) => column.name),
): void {
  if (last < first) return;
  for (const column of layout) {
    if (column.list === undefined || skip.has(column.name)) continue;
    const position = columnOrder.indexOf(column.name);
    if (position < 0) continue;
    const letters = columnLetters(position + 1);
    addRangeValidation(sheet, `${letters}${String(first)}:${letters}${String(last)}`, listValidation(column.list, column.name));
  }
}

function addInstructionsSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(INSTRUCTIONS_SHEET_NAME, { properties: { tabColor: { argb: 'FFFFC000' } } });
  sheet.columns = [{ width: 12 }, { width: 24 }, { width: 80 }, { width: 34 }];

  let rowNumber = 1;
  const merged = (text: string, font?: Partial<ExcelJS.Font>) => {
    sheet.mergeCells(rowNumber, 1, rowNumber, 4);
    const cell = sheet.getCell(rowNumber, 1);
    cell.value = text;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (font) cell.font = font;
    sheet.getRow(rowNumber).height = font === TITLE_FONT ? 26 : Math.max(18, Math.ceil(text.length / 70) * 17);
    rowNumber += 1;
  };

  merged('申报表填表说明（技改评审材料包第 1 版）', TITLE_FONT);
  GENERAL_INSTRUCTIONS.forEach((text, index) => merged(`${String(index + 1)}. ${text}`));
  rowNumber += 1;

  const header = sheet.getRow(rowNumber);
  header.values = ['工作表', '列（字段）', '说明', '示例'];
  header.height = 20;
  header.eachCell((cell) => styleHeaderCell(cell));
  rowNumber += 1;

  const addLine = (sheetName: string, column: string, note: string, example: string) => {
    const row = sheet.getRow(rowNumber);
    row.values = [sheetName, column, note, example];
    row.eachCell((cell) => {
      cell.alignment = { wrapText: true, vertical: 'top' };
      cell.border = HEADER_BORDER;
    });
    row.height = Math.max(18, Math.ceil(note.length / 45) * 16);
    rowNumber += 1;
  };
  addLine('项目信息', '（表头）', '两列：「字段」和「值」。每个字段一行，字段名见下；字段顺序可以调整。', '字段 | 值');
  for (const field of PROJECT_INFO_LAYOUT) addLine('项目信息', field.label, withChoices(field.note, field.list), field.example);
  for (const sheetName of SHEET_NAMES) {
    if (sheetName === '项目信息') continue;
    for (const column of SHEET_LAYOUTS[sheetName]) addLine(sheetName, column.header, column.note, column.example);
  }
}

function withChoices(note: string, list: readonly string[] | undefined): string {
  return list === undefined || note.includes(list[0] ?? '') ? note : `${note}（可选：${list.join('、')}）`;
}
