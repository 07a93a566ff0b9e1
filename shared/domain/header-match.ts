import type { MoneyUnit } from './money';
import { compactText, isBlank } from './text';

/**
 * Workbook header matching, PACKAGE.md "申报表.xlsx". Headers are compared
 * after folding spaces, line breaks and full-width brackets/commas; a unit in
 * brackets (元/万元) is read and removed, any other bracket text (含税, 大写)
 * stays part of the name, so 价税合计 and 价税合计（大写） remain two columns.
 */

export type SheetName = '项目信息' | '合同' | '发票' | '付款' | '绩效指标';

export const SHEET_NAMES: readonly SheetName[] = ['项目信息', '合同', '发票', '付款', '绩效指标'];

export interface ColumnSpec {
  /** Canonical name as PACKAGE.md writes it. */
  readonly name: string;
  readonly aliases: readonly string[];
  /** Holds money, so a unit in its header scales the values. */
  readonly amount?: boolean;
}

const col = (name: string, aliases: readonly string[] = [], amount = false): ColumnSpec => (amount ? { name, aliases, amount } : { name, aliases });

/**
 * Rows of the two-column 项目信息 sheet (字段 | 值). Its 字段 cells play the
 * role headers play elsewhere, so they are matched the same way.
 */
export const PROJECT_INFO_FIELDS: readonly ColumnSpec[] = [
  col('项目编号'),
  col('项目名称'),
  col('申报单位'),
  col('统一社会信用代码'),
  col('行业代码'),
  col('项目类型'),
  col('是否链主企业'),
  col('配套企业数量'),
  col('区域类型'),
  col('计划总投资', ['总投资', '计划投资'], true),
  col('建设期起'),
  col('建设期止'),
  col('所在区县'),
  col('联系人'),
  col('联系电话'),
];

/**
 * Columns per sheet. 金额 means the amount excluding tax on 发票 and the paid
 * amount on 付款, hence separate alias lists; 金额（含税） is deliberately no
 * alias of the invoice 金额.
 */
export const SHEET_COLUMNS: Readonly<Record<SheetName, readonly ColumnSpec[]>> = {
  项目信息: [col('字段'), col('值')],
  合同: [
    col('合同编号'),
    col('合同名称'),
    col('供应商名称'),
    col('供应商统一社会信用代码', ['供应商纳税人识别号', '供应商信用代码']),
    col('签订日期'),
    col('合同金额', ['合同金额（含税）', '合同总价', '合同价款'], true),
    col('投资类别'),
    col('是否国产'),
    col('约定尾款', ['尾款', '质保金', '尾款比例', '质保金比例']),
    col('附件'),
  ],
  发票: [
    col('发票代码'),
    col('发票号码'),
    col('开票日期'),
    col('发票类型'),
    col('销售方名称'),
    col('销售方纳税人识别号', ['销售方统一社会信用代码', '销方税号']),
    col('购买方名称'),
    col('购买方纳税人识别号', ['购买方统一社会信用代码', '购方税号']),
    col('项目名称'),
    col('金额', ['金额（不含税）', '不含税金额', '合计金额'], true),
    col('税率'),
    col('税额', ['合计税额'], true),
    col('价税合计', ['价税合计（小写）', '含税金额'], true),
    col('价税合计（大写）', ['大写金额', '价税合计大写']),
    col('合同编号'),
    col('附件'),
  ],
  付款: [col('付款凭证号'), col('付款日期'), col('付款方'), col('收款方'), col('金额', ['付款金额', '实付金额'], true), col('合同编号'), col('附件')],
  绩效指标: [col('指标类别'), col('指标名称'), col('单位'), col('目标值'), col('完成值'), col('佐证材料')],
};

export interface NormalizedHeader {
  readonly raw: string;
  /** Comparison key: half-width, no spaces, unit removed, e.g. `合同金额(含税)`. */
  readonly key: string;
  /** Unit written in the header, if any. */
  readonly unit?: MoneyUnit;
  /** Set when the header cannot be read unambiguously (both 元 and 万元). */
  readonly problem?: string;
}

const UNIT_WORDS: Readonly<Record<string, MoneyUnit>> = {
  元: 'yuan',
  万元: 'wan',
  人民币元: 'yuan',
  人民币万元: 'wan',
};

function unitOf(part: string): MoneyUnit | undefined {
  return UNIT_WORDS[part.replace(/^单位[:：]?/u, '')];
}

export function normalizeHeader(raw: string): NormalizedHeader {
  const compact = compactText(raw);
  const units = new Set<MoneyUnit>();
  // Bracket groups may mix a unit with words that belong to the name: (含税,万元).
  const key = compact.replace(/\(([^()]*)\)/gu, (_whole, inner: string) => {
    const parts = inner.split(/[,、;]/u);
    const kept = parts.filter((part) => {
      const unit = unitOf(part);
      if (unit !== undefined) units.add(unit);
      return unit === undefined;
    });
    return kept.length === 0 ? '' : `(${kept.join(',')})`;
  });
  if (units.size > 1) {
    return { raw, key, problem: `表头「${raw.trim()}」同时写了「元」和「万元」两种单位，无法确定金额单位` };
  }
  const [unit] = units;
  return unit === undefined ? { raw, key } : { raw, key, unit };
}

/** The comparison key alone. */
export function headerKey(raw: string): string {
  return normalizeHeader(raw).key;
}

export interface ResolvedHeader {
  /** Canonical column name. */
  readonly column: string;
  readonly amount: boolean;
  /** Unit for the values: written in the header, else 元. */
  readonly unit: MoneyUnit;
  readonly unitWritten: boolean;
  readonly problem?: string;
}

function buildIndex(specs: readonly ColumnSpec[]): ReadonlyMap<string, ColumnSpec> {
  const index = new Map<string, ColumnSpec>();
  for (const spec of specs) {
    for (const name of [spec.name, ...spec.aliases]) index.set(headerKey(name), spec);
  }
  return index;
}

const SHEET_INDEX = new Map(SHEET_NAMES.map((sheet) => [sheet, buildIndex(SHEET_COLUMNS[sheet])]));
const PROJECT_INFO_INDEX = buildIndex(PROJECT_INFO_FIELDS);

function resolveIn(index: ReadonlyMap<string, ColumnSpec>, raw: string): ResolvedHeader | undefined {
  const header = normalizeHeader(raw);
  const spec = index.get(header.key);
  if (spec === undefined) return undefined;
  return {
    column: spec.name,
    amount: spec.amount === true,
    unit: header.unit ?? 'yuan',
    unitWritten: header.unit !== undefined,
    ...(header.problem === undefined ? {} : { problem: header.problem }),
  };
}

/** Canonical column for a header cell of a sheet, or undefined for a column the format does not know. */
export function resolveHeader(sheet: SheetName, raw: string): ResolvedHeader | undefined {
  const index = SHEET_INDEX.get(sheet);
  return index === undefined ? undefined : resolveIn(index, raw);
}

/** Canonical field for a 字段 cell of the 项目信息 sheet. */
export function resolveProjectInfoField(raw: string): ResolvedHeader | undefined {
  return resolveIn(PROJECT_INFO_INDEX, raw);
}

/** Sheets are found by name, with the same folding as headers (`发 票`, `发票 ` match). */
export function resolveSheetName(raw: string): SheetName | undefined {
  const key = compactText(raw);
  return SHEET_NAMES.find((name) => name === key);
}

export interface MatchedColumn extends ResolvedHeader {
  readonly index: number;
  readonly raw: string;
}

export interface HeaderRowMatch {
  readonly columns: readonly MatchedColumn[];
  /** Kept but not interpreted (PACKAGE.md: extra columns are allowed). */
  readonly unknown: readonly { readonly index: number; readonly raw: string }[];
  /** A later header naming a column already matched; only the first is read. */
  readonly duplicates: readonly { readonly index: number; readonly raw: string; readonly column: string; readonly firstIndex: number }[];
  /** Canonical columns of the sheet not present in the row. */
  readonly missing: readonly string[];
}

/** Matches one row of cells against a sheet's columns; blank cells are skipped. */
export function matchHeaderRow(sheet: SheetName, cells: readonly unknown[]): HeaderRowMatch {
  const columns: MatchedColumn[] = [];
  const unknown: { index: number; raw: string }[] = [];
  const duplicates: { index: number; raw: string; column: string; firstIndex: number }[] = [];
  const seen = new Map<string, number>();
  cells.forEach((cell, index) => {
    if (isBlank(cell)) return;
    const raw = typeof cell === 'string' ? cell : typeof cell === 'number' ? String(cell) : '';
    const resolved = raw === '' ? undefined : resolveHeader(sheet, raw);
    if (resolved === undefined) {
      unknown.push({ index, raw });
      return;
    }
    const firstIndex = seen.get(resolved.column);
    if (firstIndex !== undefined) {
      duplicates.push({ index, raw, column: resolved.column, firstIndex });
      return;
    }
    seen.set(resolved.column, index);
    columns.push({ ...resolved, index, raw });
  });
  const missing = SHEET_COLUMNS[sheet].map((spec) => spec.name).filter((name) => !seen.has(name));
  return { columns, unknown, duplicates, missing };
}

/**
 * Index of the header row among the first rows of a sheet: title rows above
 * it are skipped (PACKAGE.md). The first row naming at least `minColumns`
 * known columns wins — two by default, since a title row may happen to repeat
 * one column name but not two.
 */
export function findHeaderRow(sheet: SheetName, rows: readonly (readonly unknown[])[], minColumns = 2): number | undefined {
  const needed = Math.min(minColumns, SHEET_COLUMNS[sheet].length);
  const index = rows.findIndex((row) => matchHeaderRow(sheet, row).columns.length >= needed);
  return index < 0 ? undefined : index;
}
