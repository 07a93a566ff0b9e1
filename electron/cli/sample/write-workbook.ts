import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { INVESTMENT_CATEGORIES, INVOICE_TYPES, PROJECT_TYPES, REGION_TYPES, SHEET_COLUMNS, enumLabel, type SheetName } from '@shared/domain';
import { NUMBER_FORMATS, PROJECT_INFO_LAYOUT, SHEET_LAYOUTS, type ColumnKind, type ColumnLayout } from '../../core/package/template/layout';
import { addColumnValidations } from '../../core/package/template/write-template';
import { HEADER_BORDER, TITLE_FONT, addRangeValidation, listValidation, styleHeaderCell } from '../../core/package/template/styles';
import { excelDate } from './dates';
import { groupedYuan, plainYuan } from './invoice-math';
import { isDigital } from './invoice-numbers';
import type { Batch, Invoice, Project } from './model';
import type { Rng } from './prng';
import { normalizeZipTimestamps } from './zip';

/**
 * One project's 申报表.xlsx, written with exceljs's streaming writer so that sheets of tens of
 * thousands of rows take a fraction of a second. The spelling of cells varies the way real
 * workbooks do and PACKAGE.md allows: text amounts (`1,234.50`), text dates in the four accepted
 * spellings, rates as text, alias headers, a title row above the header. Row numbers are written
 * back into the model (`row`) so defects can be reported by the row a reviewer sees.
 */

type Cell = string | number | Date | null;

/** Alias headers of variant 2; every one is an alias in SHEET_COLUMNS (checked by the tests). */
const ALIAS_HEADERS: Readonly<Partial<Record<SheetName, Readonly<Record<string, string>>>>> = {
  合同: { 合同金额: '合同价款', 供应商统一社会信用代码: '供应商纳税人识别号' },
  发票: {
    金额: '金额（不含税）',
    税额: '合计税额',
    价税合计: '价税合计（小写）',
    '价税合计（大写）': '大写金额',
    销售方纳税人识别号: '销方税号',
    购买方纳税人识别号: '购方税号',
  },
  付款: { 金额: '实付金额' },
};

const PRINTED_TYPE_LABELS: Readonly<Record<string, string>> = {
  'digital-special': '电子发票（增值税专用发票）',
  'digital-ordinary': '电子发票（普通发票）',
};

const CELL_STYLES: Readonly<Record<ColumnKind, Partial<ExcelJS.Style>>> = Object.fromEntries(
  (Object.keys(NUMBER_FORMATS) as ColumnKind[]).map((kind) => {
    const numFmt = NUMBER_FORMATS[kind];
    return [kind, numFmt === undefined ? {} : { numFmt }];
  }),
) as Record<ColumnKind, Partial<ExcelJS.Style>>;

function headerFor(sheet: SheetName, column: ColumnLayout, variant: 0 | 1 | 2): string {
  if (variant === 1) return column.header;
  if (variant === 2) return ALIAS_HEADERS[sheet]?.[column.name] ?? column.name;
  return column.name;
}

/** The spellings of a text date PACKAGE.md accepts. */
const DATE_SPELLINGS: readonly ((y: string, m: string, d: string) => string)[] = [
  (y, m, d) => `${y}-${m}-${d}`,
  (y, m, d) => `${y}/${String(Number(m))}/${String(Number(d))}`,
  (y, m, d) => `${y}.${m}.${d}`,
  (y, m, d) => `${y}年${String(Number(m))}月${String(Number(d))}日`,
];

class CellSpeller {
  private readonly dateSpelling: number;

  constructor(
    private readonly project: Project,
    private readonly rng: Rng,
  ) {
    this.dateSpelling = rng.int(0, DATE_SPELLINGS.length - 1);
  }

  date(iso: string): Cell {
    const share = this.project.style.textDateShare;
    if (share <= 0 || (share < 1 && !this.rng.chance(share))) return excelDate(iso);
    const spelling = share >= 1 ? this.dateSpelling : this.rng.int(0, DATE_SPELLINGS.length - 1);
    return (DATE_SPELLINGS[spelling] ?? DATE_SPELLINGS[0] ?? ((y, m, d) => `${y}-${m}-${d}`))(iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10));
  }

  amount(fen: number): Cell {
    const share = this.project.style.textAmountShare;
    if (share <= 0 || (share < 1 && !this.rng.chance(share))) return fen / 100;
    if (share >= 1 || fen < 0) return groupedYuan(fen);
    return this.rng.weighted([
      [groupedYuan(fen), 6],
      [`¥${plainYuan(fen)}`, 2],
      [`${plainYuan(fen)}元`, 2],
    ] as const);
  }

  rate(percent: number): Cell {
    return this.project.style.ratesAsText ? `${String(percent)}%` : percent / 100;
  }
}

interface SheetPlan {
  columns: readonly ColumnLayout[];
  headers: string[];
  headerRow: number;
}

function planSheet(project: Project, sheet: SheetName): SheetPlan {
  let columns = [...SHEET_LAYOUTS[sheet]];
  if (sheet === '发票' && project.style.numberFirst) {
    const [code, number, ...rest] = columns;
    if (code && number) columns = [number, code, ...rest];
  }
  const variant = project.style.headerVariant;
  return {
    columns,
    headers: columns.map((column) => headerFor(sheet, column, variant)),
    headerRow: project.style.titleRow ? 2 : 1,
  };
}

function addTableSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  project: Project,
  sheet: SheetName,
  rows: readonly Record<string, Cell>[],
  skipValidation: ReadonlySet<string> = new Set(),
): number {
  const plan = planSheet(project, sheet);
  const worksheet = workbook.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: plan.headerRow }] });
  worksheet.columns = plan.columns.map((column) => {
    const format = NUMBER_FORMATS[column.kind];
    return { width: column.width, ...(format === undefined ? {} : { style: { numFmt: format } }) };
  });
  if (plan.headerRow === 2) {
    const title = worksheet.getRow(1);
    title.getCell(1).value = `${project.name}　${sheet}明细`;
    title.getCell(1).font = TITLE_FONT;
    title.height = 24;
    worksheet.mergeCells(1, 1, 1, plan.columns.length);
    title.commit();
  }
  const header = worksheet.getRow(plan.headerRow);
  plan.headers.forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    styleHeaderCell(cell);
  });
  header.height = 30;
  header.commit();
  const first = plan.headerRow + 1;
  const styles = plan.columns.map((column) => CELL_STYLES[column.kind]);
  rows.forEach((values, i) => {
    const row = worksheet.getRow(first + i);
    row.values = plan.columns.map((column) => values[column.name] ?? null);
    // One shared style object per kind: exceljs caches a style's id by object identity, so
    // 100,000 rows cost one style lookup per column instead of one per cell.
    styles.forEach((style, c) => (row.getCell(c + 1).style = style));
    row.commit();
  });
  addColumnValidations(
    worksheet,
    plan.columns,
    first,
    first + rows.length - 1,
    skipValidation,
    plan.columns.map((c) => c.name),
  );
  worksheet.commit();
  return first;
}

function sortInvoices(invoices: readonly Invoice[]): Invoice[] {
  return [...invoices].sort((a, b) => (a.issuedOn < b.issuedOn ? -1 : a.issuedOn > b.issuedOn ? 1 : a.id - b.id));
}

/** Writes the workbook and returns its bytes; sets `row` on every contract, invoice, payment and indicator. */
export async function writeProjectWorkbook(project: Project, batch: Batch, rng: Rng): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  const written = new Date(`${batch.createdAt}T09:00:00Z`);
  workbook.creator = project.contact;
  workbook.lastModifiedBy = project.contact;
  workbook.created = written;
  workbook.modified = written;
  const spell = new CellSpeller(project, rng);

  writeProjectInfo(workbook, project, spell);

  const contractFirst = addTableSheet(
    workbook,
    project,
    '合同',
    project.contracts.map((contract) => ({
      合同编号: contract.no,
      合同名称: contract.name,
      供应商名称: contract.supplier.name,
      供应商统一社会信用代码: contract.supplier.code,
      签订日期: spell.date(contract.signedOn),
      合同金额: spell.amount(contract.amountFen),
      投资类别: enumLabel(INVESTMENT_CATEGORIES, contract.category),
      是否国产: contract.domestic ? '是' : '否',
      约定尾款: contract.agreedTail === '' ? null : contract.agreedTail,
      附件: contract.attachments.length > 0 ? contract.attachments.join(';') : null,
    })),
  );
  project.contracts.forEach((contract, i) => (contract.row = contractFirst + i));

  const invoices = sortInvoices(project.invoices);
  const printed = project.style.printedInvoiceTypes;
  const invoiceFirst = addTableSheet(
    workbook,
    project,
    '发票',
    invoices.map((invoice) => ({
      发票代码: invoice.code === '' ? null : invoice.code,
      发票号码: invoice.number,
      开票日期: spell.date(invoice.issuedOn),
      发票类型: (printed ? PRINTED_TYPE_LABELS[invoice.type] : undefined) ?? enumLabel(INVOICE_TYPES, invoice.type),
      销售方名称: invoice.seller.name,
      销售方纳税人识别号: invoice.seller.code,
      购买方名称: invoice.buyer.name,
      购买方纳税人识别号: invoice.buyer.code,
      项目名称: invoice.item.name,
      金额: spell.amount(invoice.amountFen),
      税率: spell.rate(invoice.ratePercent),
      税额: spell.amount(invoice.taxFen),
      价税合计: spell.amount(invoice.totalFen),
      '价税合计（大写）': invoice.words,
      合同编号: invoice.contract?.no ?? null,
      附件: invoice.attachments.length > 0 ? invoice.attachments.join(';') : null,
    })),
    printed && invoices.some((invoice) => isDigital(invoice.type)) ? new Set(['发票类型']) : new Set(),
  );
  invoices.forEach((invoice, i) => (invoice.row = invoiceFirst + i));

  const paymentFirst = addTableSheet(
    workbook,
    project,
    '付款',
    project.payments.map((payment) => ({
      付款凭证号: payment.voucherNo,
      付款日期: spell.date(payment.paidOn),
      付款方: payment.payer.name,
      收款方: payment.payee.name,
      金额: spell.amount(payment.amountFen),
      合同编号: payment.contract.no,
      附件: payment.attachments.length > 0 ? payment.attachments.join(';') : null,
    })),
  );
  project.payments.forEach((payment, i) => (payment.row = paymentFirst + i));

  const indicatorFirst = addTableSheet(
    workbook,
    project,
    '绩效指标',
    project.indicators.map((indicator) => ({
      指标类别: indicator.categoryLabel,
      指标名称: indicator.name,
      单位: indicator.unit,
      目标值: indicator.target,
      完成值: indicator.achieved,
      佐证材料: indicator.evidence,
    })),
  );
  project.indicators.forEach((indicator, i) => (indicator.row = indicatorFirst + i));

  await workbook.commit();
  await ended;
  return normalizeZipTimestamps(Buffer.concat(chunks), written);
}

function writeProjectInfo(workbook: ExcelJS.stream.xlsx.WorkbookWriter, project: Project, spell: CellSpeller): void {
  const sheet = workbook.addWorksheet('项目信息', { views: [{ state: 'frozen', ySplit: 1 }] });
  const [fieldColumn, valueColumn] = SHEET_COLUMNS.项目信息;
  sheet.columns = [{ width: 20 }, { width: 50 }];
  const header = sheet.getRow(1);
  [fieldColumn?.name ?? '字段', valueColumn?.name ?? '值'].forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    styleHeaderCell(cell);
  });
  header.commit();

  const { style } = project;
  const planned: Cell = style.plannedInWan ? project.plannedFen / 1_000_000 : spell.amount(project.plannedFen);
  const plannedLabel = style.plannedInWan ? '计划总投资（万元）' : style.headerVariant === 2 ? '总投资' : style.headerVariant === 1 ? '计划总投资（元）' : '计划总投资';
  const values: Readonly<Record<string, Cell>> = {
    项目编号: project.id,
    项目名称: project.name,
    申报单位: project.applicant.name,
    统一社会信用代码: project.applicant.code,
    行业代码: project.industry.code,
    项目类型: project.projectType === undefined ? null : enumLabel(PROJECT_TYPES, project.projectType),
    是否链主企业: project.chainLeader ? '是' : '否',
    配套企业数量: project.supportingEnterprises,
    区域类型: project.regionType === undefined ? null : enumLabel(REGION_TYPES, project.regionType),
    计划总投资: planned,
    建设期起: spell.date(project.periodStart),
    建设期止: spell.date(project.periodEnd),
    所在区县: project.applicant.district,
    联系人: project.contact,
    联系电话: project.contactPhone,
  };
  PROJECT_INFO_LAYOUT.forEach((field, index) => {
    const rowNumber = index + 2;
    const row = sheet.getRow(rowNumber);
    const label = row.getCell(1);
    label.value = field.name === '计划总投资' ? plannedLabel : field.name;
    label.font = { bold: true };
    label.border = HEADER_BORDER;
    const value = row.getCell(2);
    value.value = values[field.name] ?? null;
    const format = field.name === '计划总投资' && style.plannedInWan ? '#,##0.00' : NUMBER_FORMATS[field.kind];
    if (format !== undefined) value.numFmt = format;
    if (field.list !== undefined) addRangeValidation(sheet, `B${String(rowNumber)}`, listValidation(field.list, field.name));
    row.commit();
  });
  sheet.commit();
}
