import ExcelJS from 'exceljs';
import { SHEET_NAMES, resolveSheetName, type SheetName } from '@shared/domain/header-match';
import type { PackageProblem } from '@shared/package/problem';
import type { ParsedWorkbook } from '../records';
import { parseProjectInfo } from './parse-project-info';
import { CONTRACT_REQUIRED, INDICATOR_REQUIRED, INVOICE_REQUIRED, PAYMENT_REQUIRED, readContract, readIndicator, readInvoice, readPayment } from './parse-record-sheets';
import { prepareWorkbook } from './prepare-workbook';
import { RowReader } from './row-reader';
import { locateTable, readSheetRows, type SheetRow } from './sheet-table';
import { WORKBOOK_LIMITS } from './workbook-limits';
import { libraryErrorReason } from '@core/library-error';

/**
 * Worksheet parts the reader never looks at (drop-down lists, layout, printing): skipping them makes
 * loading a template-based workbook markedly faster. Only cell data and merged ranges are needed.
 */
const IGNORED_SHEET_PARTS = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'autoFilter',
  'rowBreaks',
  'hyperlinks',
  'pageMargins',
  'dataValidations',
  'pageSetup',
  'headerFooter',
  'printOptions',
  'picture',
  'drawing',
  'sheetProtection',
  'tableParts',
  'conditionalFormatting',
  'extLst',
];

/** Reads one project's 申报表.xlsx; every problem is collected, nothing stops at the first. */
export async function parseProjectWorkbook(file: string, content: Buffer, projectId: string): Promise<ParsedWorkbook> {
  const problems: PackageProblem[] = [];
  const prepared = await prepareWorkbook(file, content);
  if (!prepared.ok) return { parsed: null, problems: prepared.problems };
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs gets the needed parts only, already inflated within the limits: it inflates nothing itself.
    await workbook.xlsx.load(prepared.xlsx as unknown as ArrayBuffer, { ignoreNodes: IGNORED_SHEET_PARTS } as never);
  } catch (error) {
    problems.push({ severity: 'error', file, message: `无法读取工作簿，文件不是有效的 Excel 工作簿（.xlsx）：${libraryErrorReason(error, '工作簿内容已损坏')}` });
    return { parsed: null, problems };
  }
  // A damaged workbook.xml can leave exceljs without properties rather than failing the load.
  const date1904 = (workbook.properties as Partial<typeof workbook.properties> | undefined)?.date1904 === true;

  const sheets = new Map<SheetName, SheetRow[]>();
  try {
    for (const worksheet of workbook.worksheets) {
      const name = resolveSheetName(String(worksheet.name));
      if (name && !sheets.has(name)) sheets.set(name, readSheetRows(worksheet, file, problems, WORKBOOK_LIMITS.maxColumns));
    }
  } catch (error) {
    // exceljs accepts some damaged parts silently and fails only when the sheets are walked.
    problems.push({ severity: 'error', file, message: `工作簿结构已损坏，无法读取其中的工作表（${libraryErrorReason(error, '工作表内容已损坏')}）` });
    return { parsed: null, problems };
  }
  const present = workbook.worksheets.map((w) => `「${w.name}」`).join('') || '（无）';
  for (const name of SHEET_NAMES) {
    if (!sheets.has(name)) {
      problems.push({ severity: 'error', file, sheet: name, message: `缺少工作表「${name}」；工作簿中现有的工作表：${present}` });
    }
  }

  const project = sheets.has('项目信息') ? parseProjectInfo(sheets.get('项目信息') ?? [], projectId, file, problems, date1904) : null;

  const readAll = <T>(sheet: SheetName, required: readonly string[], read: (row: RowReader) => T | null): T[] => {
    const rows = sheets.get(sheet);
    if (!rows) return [];
    const table = locateTable(sheet, rows, required, file, problems);
    if (!table || required.some((c) => !table.columns.has(c))) return [];
    const records: T[] = [];
    for (const row of table.rows) {
      const record = read(new RowReader(table, row, file, problems, date1904));
      if (record !== null) records.push(record);
    }
    return records;
  };

  const contracts = readAll('合同', CONTRACT_REQUIRED, readContract);
  const invoices = readAll('发票', INVOICE_REQUIRED, readInvoice);
  const payments = readAll('付款', PAYMENT_REQUIRED, readPayment);
  const indicators = readAll('绩效指标', INDICATOR_REQUIRED, readIndicator);

  const firstRowOfContract = new Map<string, number>();
  for (const contract of contracts) {
    const first = firstRowOfContract.get(contract.contractNo);
    if (first !== undefined) {
      problems.push({
        severity: 'error',
        file,
        sheet: '合同',
        row: contract.rowNo,
        message: `合同编号「${contract.contractNo}」与第 ${String(first)} 行重复；同一项目中合同编号应唯一`,
      });
    } else firstRowOfContract.set(contract.contractNo, contract.rowNo);
  }

  const hasErrors = problems.some((p) => p.severity === 'error');
  return {
    parsed: hasErrors || !project ? null : { project, contracts, invoices, payments, indicators },
    problems,
  };
}
