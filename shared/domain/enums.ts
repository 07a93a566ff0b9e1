import type { Stage } from '../codes/codes';
import { STAGE_LABEL } from '../codes/labels';
import { fail, ok, type Result } from './result';
import { compactText, isBlank, quote } from './text';

/**
 * Closed lists the package format and the policies use. Ids are English so
 * that rules and storage do not depend on one spelling of the Chinese label;
 * labels are what workbooks and the UI show.
 */

export interface EnumOption<Id extends string> {
  readonly id: Id;
  readonly label: string;
  /** Other spellings met in workbooks; matched like the label. */
  readonly aliases?: readonly string[];
}

function matches(option: EnumOption<string>, key: string): boolean {
  return [option.label, ...(option.aliases ?? [])].some((name) => compactText(name) === key);
}

/** Reads a cell against a list, folding spaces and full-width forms; the message lists the choices. */
export function parseEnum<Id extends string>(options: readonly EnumOption<Id>[], input: unknown, label: string): Result<Id> {
  const choices = options.map((o) => o.label).join('、');
  if (isBlank(input)) return fail(`${label}为空，应为 ${choices} 之一`);
  if (typeof input === 'string') {
    const key = compactText(input);
    const found = options.find((o) => matches(o, key) || o.id === key);
    if (found) return ok(found.id);
  }
  return fail(`${label}${quote(input)}不是可选的值，应为 ${choices} 之一`);
}

export function enumLabel<Id extends string>(options: readonly EnumOption<Id>[], id: Id): string {
  return options.find((o) => o.id === id)?.label ?? id;
}

// --- Review stages (manifest `stage`) ---------------------------------------
export type { Stage };
export const STAGES: readonly EnumOption<Stage>[] = [
  { id: 'application', label: STAGE_LABEL.application, aliases: ['立项'] },
  { id: 'midterm', label: STAGE_LABEL.midterm, aliases: ['中期'] },
  { id: 'acceptance', label: STAGE_LABEL.acceptance, aliases: ['验收'] },
];
export const parseStage = (input: unknown, label = '评审阶段'): Result<Stage> => parseEnum(STAGES, input, label);

// --- 项目类型 (Shenyang-type calls) -------------------------------------------
export type ProjectType = 'point' | 'line' | 'area';
export const PROJECT_TYPES: readonly EnumOption<ProjectType>[] = [
  { id: 'point', label: '点', aliases: ['点项目', '点上项目'] },
  { id: 'line', label: '线', aliases: ['线项目', '线上项目'] },
  { id: 'area', label: '面', aliases: ['面项目', '面上项目'] },
];
export const parseProjectType = (input: unknown, label = '项目类型'): Result<ProjectType> => parseEnum(PROJECT_TYPES, input, label);

// --- 区域类型 (Jiangxi-type calls) --------------------------------------------
export type RegionType = 'national-zone' | 'provincial-zone' | 'county-1' | 'county-2' | 'county-3';
export const REGION_TYPES: readonly EnumOption<RegionType>[] = [
  { id: 'national-zone', label: '国家级开发区' },
  { id: 'provincial-zone', label: '省级开发区' },
  { id: 'county-1', label: '一类县' },
  { id: 'county-2', label: '二类县' },
  { id: 'county-3', label: '三类县' },
];
export const parseRegionType = (input: unknown, label = '区域类型'): Result<RegionType> => parseEnum(REGION_TYPES, input, label);

// --- 投资类别 (合同 sheet) ------------------------------------------------------
export type InvestmentCategory = 'equipment' | 'software' | 'process' | 'platform' | 'consulting' | 'testing' | 'construction' | 'land' | 'other';
export const INVESTMENT_CATEGORIES: readonly EnumOption<InvestmentCategory>[] = [
  { id: 'equipment', label: '设备' },
  { id: 'software', label: '软件' },
  { id: 'process', label: '工艺' },
  { id: 'platform', label: '平台' },
  { id: 'consulting', label: '咨询' },
  { id: 'testing', label: '测试' },
  { id: 'construction', label: '土建' },
  { id: 'land', label: '土地' },
  { id: 'other', label: '其他' },
];
export const parseInvestmentCategory = (input: unknown, label = '投资类别'): Result<InvestmentCategory> => parseEnum(INVESTMENT_CATEGORIES, input, label);

// --- 发票类型 (发票 sheet) ------------------------------------------------------
export type InvoiceType = 'vat-special' | 'vat-ordinary' | 'e-special' | 'e-ordinary' | 'digital-special' | 'digital-ordinary';
export interface InvoiceTypeOption extends EnumOption<InvoiceType> {
  /** 专用发票: the buyer may deduct its input VAT. */
  readonly special: boolean;
  /** 数电 (20-digit number, no code) rather than tax-control. */
  readonly digital: boolean;
}
export const INVOICE_TYPES: readonly InvoiceTypeOption[] = [
  { id: 'vat-special', label: '增值税专用发票', special: true, digital: false },
  { id: 'vat-ordinary', label: '增值税普通发票', special: false, digital: false },
  { id: 'e-special', label: '电子专票', aliases: ['增值税电子专用发票'], special: true, digital: false },
  { id: 'e-ordinary', label: '电子普票', aliases: ['增值税电子普通发票'], special: false, digital: false },
  {
    id: 'digital-special',
    label: '数电专票',
    // The title printed on a 数电 special invoice, and the earlier name 全电.
    aliases: ['电子发票（增值税专用发票）', '全电专票', '数电发票（增值税专用发票）'],
    special: true,
    digital: true,
  },
  {
    id: 'digital-ordinary',
    label: '数电普票',
    aliases: ['电子发票（普通发票）', '全电普票', '数电发票（普通发票）'],
    special: false,
    digital: true,
  },
];
export const parseInvoiceType = (input: unknown, label = '发票类型'): Result<InvoiceType> => parseEnum(INVOICE_TYPES, input, label);

// --- 验收结论 ---------------------------------------------------------------
// One list, kept with the scoring codes (the expert file stores these ids).
import { VERDICTS, type Verdict } from '../scoring/verdict';
export { VERDICTS, type Verdict };
export const parseVerdict = (input: unknown, label = '结论'): Result<Verdict> => parseEnum(VERDICTS, input, label);

// --- 指标类别 (绩效指标 sheet) -------------------------------------------------
export type IndicatorCategory = 'construction' | 'technical' | 'economic';
export const INDICATOR_CATEGORIES: readonly EnumOption<IndicatorCategory>[] = [
  { id: 'construction', label: '建设指标' },
  { id: 'technical', label: '技术指标' },
  { id: 'economic', label: '经济指标' },
];
export const parseIndicatorCategory = (input: unknown, label = '指标类别'): Result<IndicatorCategory> => parseEnum(INDICATOR_CATEGORIES, input, label);
