import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSTRUCTIONS_SHEET_NAME, PROJECT_INFO_LAYOUT, SHEET_LAYOUTS, TEMPLATE_DATA_ROWS, writeTemplate } from '@core/package/template';
import {
  INDICATOR_CATEGORIES,
  INVESTMENT_CATEGORIES,
  INVOICE_TYPES,
  PROJECT_INFO_FIELDS,
  PROJECT_TYPES,
  REGION_TYPES,
  SHEET_COLUMNS,
  SHEET_NAMES,
  matchHeaderRow,
  resolveProjectInfoField,
  type SheetName,
} from '@shared/domain';
import { makeTempDir } from '@test/support/temp-dir';

type TableSheet = Exclude<SheetName, '项目信息'>;
const TABLE_SHEETS = SHEET_NAMES.filter((name): name is TableSheet => name !== '项目信息');

function headerCells(sheet: ExcelJS.Worksheet): unknown[] {
  const row = sheet.getRow(1);
  return Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value);
}

function columnOf(sheetName: TableSheet, name: string): number {
  return SHEET_COLUMNS[sheetName].findIndex((column) => column.name === name) + 1;
}

/** The drop-down list of a validation as the values it offers. */
function listChoices(validation: ExcelJS.DataValidation | undefined): string[] {
  expect(validation?.type).toBe('list');
  const formula = String(validation?.formulae[0] ?? '');
  return formula.replace(/^"|"$/gu, '').split(',');
}

describe('writeTemplate', () => {
  const temp = makeTempDir();
  const file = path.join(temp.dir, '申报表.xlsx');
  const workbook = new ExcelJS.Workbook();
  let result: Awaited<ReturnType<typeof writeTemplate>>;

  beforeAll(async () => {
    result = await writeTemplate(file);
    await workbook.xlsx.readFile(file);
  });
  afterAll(() => temp.cleanup());

  it('writes 填表说明 and the five sheets of PACKAGE.md', () => {
    expect(result.file).toBe(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([INSTRUCTIONS_SHEET_NAME, ...SHEET_NAMES]);
    expect(result.sheets).toEqual([INSTRUCTIONS_SHEET_NAME, ...SHEET_NAMES]);
  });

  it.each(TABLE_SHEETS.map((name) => [name]))('%s: the header row names every column of SHEET_COLUMNS, in order, and nothing else', (name) => {
    const sheet = workbook.getWorksheet(name);
    if (!sheet) throw new Error(name);
    const match = matchHeaderRow(name, headerCells(sheet));
    expect(match.unknown).toEqual([]);
    expect(match.missing).toEqual([]);
    expect(match.duplicates).toEqual([]);
    expect(match.columns.map((c) => c.column)).toEqual(SHEET_COLUMNS[name].map((c) => c.name));
    // Units written into amount headers are 元, the default.
    for (const column of match.columns) if (column.amount) expect(column.unit).toBe('yuan');
  });

  it('项目信息 lists every field as 字段 | 值', () => {
    const sheet = workbook.getWorksheet('项目信息');
    if (!sheet) throw new Error('项目信息');
    expect(headerCells(sheet)).toEqual(['字段', '值']);
    const fields = PROJECT_INFO_FIELDS.map((_, i) => resolveProjectInfoField(String(sheet.getCell(i + 2, 1).value))?.column);
    expect(fields).toEqual(PROJECT_INFO_FIELDS.map((f) => f.name));
    expect(sheet.getCell(PROJECT_INFO_FIELDS.length + 2, 1).value).toBeNull();
  });

  it('styles the header rows bold with a fill and borders, and freezes them', () => {
    for (const name of SHEET_NAMES) {
      const sheet = workbook.getWorksheet(name);
      if (!sheet) throw new Error(name);
      const cell = sheet.getCell(1, 1);
      expect(cell.font.bold).toBe(true);
      expect(cell.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
      expect(cell.border.bottom?.style).toBe('thin');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    }
  });

  it('sets column widths and formats: dates, amounts, rates, text for codes and numbers', () => {
    const format = (sheet: TableSheet, column: string) => workbook.getWorksheet(sheet)?.getColumn(columnOf(sheet, column)).numFmt;
    expect(format('发票', '开票日期')).toBe('yyyy-mm-dd');
    expect(format('合同', '签订日期')).toBe('yyyy-mm-dd');
    expect(format('付款', '付款日期')).toBe('yyyy-mm-dd');
    expect(format('发票', '金额')).toBe('#,##0.00');
    expect(format('合同', '合同金额')).toBe('#,##0.00');
    expect(format('付款', '金额')).toBe('#,##0.00');
    expect(format('发票', '税率')).toBe('0%');
    expect(format('发票', '发票号码')).toBe('@');
    expect(format('发票', '发票代码')).toBe('@');
    expect(format('发票', '销售方纳税人识别号')).toBe('@');
    for (const name of TABLE_SHEETS) {
      const sheet = workbook.getWorksheet(name);
      SHEET_LAYOUTS[name].forEach((column, i) => expect(sheet?.getColumn(i + 1).width).toBe(column.width));
    }
    const info = workbook.getWorksheet('项目信息');
    const rowOf = (field: string) => PROJECT_INFO_FIELDS.findIndex((f) => f.name === field) + 2;
    expect(info?.getCell(rowOf('计划总投资'), 2).numFmt).toBe('#,##0.00');
    expect(info?.getCell(rowOf('建设期起'), 2).numFmt).toBe('yyyy-mm-dd');
    expect(info?.getCell(rowOf('统一社会信用代码'), 2).numFmt).toBe('@');
  });

  it('offers drop-downs for every closed list, over the data rows', () => {
    const at = (sheet: TableSheet, column: string, row: number) => workbook.getWorksheet(sheet)?.getCell(row, columnOf(sheet, column)).dataValidation;
    for (const row of [2, 100, TEMPLATE_DATA_ROWS + 1]) {
      expect(listChoices(at('合同', '投资类别', row))).toEqual(INVESTMENT_CATEGORIES.map((o) => o.label));
      expect(listChoices(at('合同', '是否国产', row))).toEqual(['是', '否']);
      expect(listChoices(at('发票', '发票类型', row))).toEqual(INVOICE_TYPES.map((o) => o.label));
      expect(listChoices(at('绩效指标', '指标类别', row))).toEqual(INDICATOR_CATEGORIES.map((o) => o.label));
    }
    expect(at('发票', '发票类型', 2)?.showErrorMessage).toBe(true);
    expect(at('发票', '发票类型', 2)?.error).toContain('请从下拉列表中选择');
    expect(at('发票', '金额', 2)).toBeUndefined();

    const info = workbook.getWorksheet('项目信息');
    const cellOf = (field: string) => info?.getCell(PROJECT_INFO_FIELDS.findIndex((f) => f.name === field) + 2, 2);
    expect(listChoices(cellOf('项目类型')?.dataValidation)).toEqual(PROJECT_TYPES.map((o) => o.label));
    expect(listChoices(cellOf('是否链主企业')?.dataValidation)).toEqual(['是', '否']);
    expect(listChoices(cellOf('区域类型')?.dataValidation)).toEqual(REGION_TYPES.map((o) => o.label));
    expect(cellOf('配套企业数量')?.dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual' });
  });

  it('explains every column in Chinese in 填表说明: units, date spellings, 数电 numbers, attachments', () => {
    const sheet = workbook.getWorksheet(INSTRUCTIONS_SHEET_NAME);
    if (!sheet) throw new Error(INSTRUCTIONS_SHEET_NAME);
    const lines: string[] = [];
    sheet.eachRow((row) => lines.push((row.values as unknown[]).filter((v) => typeof v === 'string').join(' | ')));
    const all = lines.join('\n');
    for (const name of TABLE_SHEETS) {
      for (const column of SHEET_LAYOUTS[name]) {
        expect(
          lines.some((line) => line.startsWith(`${name} | ${column.header} | `)),
          `${name} ${column.header}`,
        ).toBe(true);
      }
    }
    for (const field of PROJECT_INFO_LAYOUT) expect(all).toContain(`项目信息 | ${field.label} | `);
    for (const phrase of ['万元', '2024年1月5日', '2024/1/5', '2024.01.05', '20 位', '数电', '发票代码', '「;」', '附件/', '（负数）', '13%']) {
      expect(all, phrase).toContain(phrase);
    }
  });

  it('gives header cells a note with the column explanation', () => {
    const sheet = workbook.getWorksheet('发票');
    const note = sheet?.getCell(1, columnOf('发票', '发票号码')).note;
    expect(typeof note === 'string' ? note : JSON.stringify(note)).toContain('20 位');
  });
});
