import { toHalfWidth } from './text';

/**
 * 项目名称 on an invoice line is `*税收分类简称*品名`; the part between the
 * stars is set by the tax classification code the seller chose, which makes
 * it a stronger signal of what was bought than the free-text product name.
 */

export interface TaxCategoryName {
  /** Between the stars, e.g. 建筑服务. */
  readonly category: string;
  /** After the second star, e.g. 工程款. */
  readonly productName: string;
}

/** `*建筑服务*工程款` → { category: 建筑服务, productName: 工程款 }; undefined without the star pattern. */
export function extractTaxCategory(itemName: string): TaxCategoryName | undefined {
  const m = /^\s*\*\s*([^*]+?)\s*\*\s*(.*?)\s*$/su.exec(toHalfWidth(itemName));
  if (!m?.[1]) return undefined;
  return { category: m[1], productName: m[2] ?? '' };
}

export interface ExcludedSpendingRule {
  readonly id: 'construction' | 'real-estate' | 'lease' | 'land';
  /** Matched against the tax category, or against the whole line name for land-use rights (a product under 无形资产). */
  readonly where: 'category' | 'name';
  readonly keyword: string;
  /** Why this points to spending that technology-transformation investment excludes. */
  readonly reason: string;
}

/**
 * Categories that point to spending outside eligible investment (policies
 * exclude land and buildings; rent is not a purchase). A match is a prompt for
 * the reviewer, not a verdict: equipment installation, for one, is invoiced as
 * 建筑服务 yet may belong to the equipment.
 */
export const EXCLUDED_SPENDING_RULES: readonly ExcludedSpendingRule[] = [
  { id: 'construction', where: 'category', keyword: '建筑服务', reason: '属于建筑工程（土建、装修、安装等），技改投资一般不含建筑物' },
  { id: 'real-estate', where: 'category', keyword: '不动产', reason: '属于房屋、建筑物等不动产，技改投资不含建筑物' },
  { id: 'lease', where: 'category', keyword: '租赁', reason: '属于租金，不是设备、软件等的购置投资' },
  { id: 'land', where: 'category', keyword: '土地', reason: '属于土地支出，技改投资不含土地' },
  { id: 'land', where: 'name', keyword: '土地使用权', reason: '属于土地使用权，技改投资不含土地' },
];

export type ExcludedSpendingCheck =
  | { readonly excluded: false; readonly category?: string }
  | {
      readonly excluded: true;
      readonly category?: string;
      readonly rule: ExcludedSpendingRule;
      readonly message: string;
    };

/** Whether an invoice line name points to excluded spending, and why. */
export function checkExcludedSpending(itemName: string, rules: readonly ExcludedSpendingRule[] = EXCLUDED_SPENDING_RULES): ExcludedSpendingCheck {
  const parsed = extractTaxCategory(itemName);
  const category = parsed?.category;
  const withCategory = category === undefined ? {} : { category };
  const name = toHalfWidth(itemName);
  for (const rule of rules) {
    const hit = rule.where === 'category' ? category?.includes(rule.keyword) === true : name.includes(rule.keyword);
    if (!hit) continue;
    const found = rule.where === 'category' ? `税收分类为「${category ?? ''}」` : `含有「${rule.keyword}」`;
    return {
      excluded: true,
      ...withCategory,
      rule,
      message: `项目名称「${itemName.trim()}」${found}，${rule.reason}，请核对是否应计入`,
    };
  }
  return { excluded: false, ...withCategory };
}
