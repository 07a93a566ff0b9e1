import { dec, formatFen, formatGrouped, formatPercent, minDec, percentOf, roundFen } from './money';
import type { Spending } from './rule-set-schema';
import type { Finding } from './trace';

/**
 * The spending side of a rule set, for whoever checks contracts and invoices:
 * which categories count, which invoice dates, and how much of an invoiced but
 * unpaid contract tail may be recognised (Xiamen §五(二): at most 10% of the
 * contract amount).
 */

export interface SpendingItem {
  /** 投资类别 as in the package's 合同 sheet: 设备 / 软件 / 工艺 / 平台 / 咨询 / 测试 / 土建 / 土地 / 其他. */
  readonly category: string;
  /** 开票日期, YYYY-MM-DD. */
  readonly invoiceDate?: string;
}

/** Why an item would not count; empty when it counts. */
export function checkSpendingItem(spec: Spending, item: SpendingItem): Finding[] {
  const findings: Finding[] = [];
  if (spec.excludedCategories.includes(item.category)) {
    findings.push({
      code: 'EXCLUDED_CATEGORY',
      message: `投资类别「${item.category}」不予认定（不予认定：${spec.excludedCategories.join('、')}）`,
      source: spec.source,
    });
  } else if (!spec.eligibleCategories.includes(item.category)) {
    findings.push({
      code: 'CATEGORY_NOT_LISTED',
      message: `投资类别「${item.category}」不在可认定范围（${spec.eligibleCategories.join('、')}）内，需评审人员判断`,
      source: spec.source,
    });
  }
  if (item.invoiceDate !== undefined) {
    // ISO dates compare correctly as text.
    const early = spec.invoiceDateFrom !== undefined && item.invoiceDate < spec.invoiceDateFrom;
    const late = spec.invoiceDateTo !== undefined && item.invoiceDate > spec.invoiceDateTo;
    if (early || late) {
      findings.push({
        code: 'INVOICE_DATE_OUTSIDE',
        message: `开票日期 ${item.invoiceDate} 不在认定期间 ${spec.invoiceDateFrom ?? '不限'} 至 ${spec.invoiceDateTo ?? '不限'} 内`,
        source: spec.source,
      });
    }
  }
  return findings;
}

export interface TailAllowance {
  /** The unpaid tail that may be counted, yuan. */
  readonly counted: string;
  /** The part of the unpaid tail that may not, yuan. */
  readonly excluded: string;
  readonly text: string;
}

/**
 * How much of an invoiced but unpaid tail counts: all of it up to
 * unpaidTailMaxPercent × contract amount (rounded half-up to the fen); none
 * when the rule set allows no unpaid tail.
 */
export function unpaidTailAllowance(spec: Spending, contractAmount: string, unpaidInvoiced: string): TailAllowance {
  const unpaid = dec(unpaidInvoiced);
  if (spec.unpaidTailMaxPercent === undefined) {
    return {
      counted: '0.00',
      excluded: formatFen(unpaid),
      text: `本政策未规定可认定未付尾款：未付的 ${formatGrouped(unpaid)}元不予认定`,
    };
  }
  const rate = dec(spec.unpaidTailMaxPercent);
  const limit = roundFen(percentOf(dec(contractAmount), rate));
  const counted = minDec(unpaid, limit);
  return {
    counted: formatFen(counted),
    excluded: formatFen(unpaid.minus(counted)),
    text: `已开票未支付尾款 ${formatGrouped(unpaid)}元，最高可认定合同金额 ${formatGrouped(dec(contractAmount))}元 × ${formatPercent(rate)} = ${formatGrouped(limit)}元，认定 ${formatGrouped(counted)}元`,
  };
}
