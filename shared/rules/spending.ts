import { dec, formatFen, formatGrouped, formatPercent, minDec, percentOf, roundFen } from './money';
import type { Spending } from './rule-set-schema';
import type { Finding } from './trace';
import { readAgreedTail } from '../domain/agreed-tail';

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
  /** The rule set allows a tail but the contract's stipulated tail is not known (约定尾款 empty). */
  readonly unstipulated: boolean;
}

/**
 * How much of an invoiced but unpaid tail counts (Xiamen §五(二): 合同中有约定尾款部分的，已开具发票但尚未
 * 支付的尾款可认定为项目投资额，最高不超过对应合同金额的10%): only where the contract stipulates a tail
 * (`agreedTail`, normalised `10%` or `35600.00`), and then at most min(the stipulated tail,
 * unpaidTailMaxPercent × contract amount), each rounded half-up to the fen. Nothing when the rule
 * set allows no unpaid tail, or the contract's tail is not known.
 */
export function unpaidTailAllowance(spec: Spending, contractAmount: string, unpaidInvoiced: string, agreedTail?: string): TailAllowance {
  const unpaid = dec(unpaidInvoiced);
  if (spec.unpaidTailMaxPercent === undefined) {
    return {
      counted: '0.00',
      excluded: formatFen(unpaid),
      text: `本政策未规定可认定未付尾款：未付的 ${formatGrouped(unpaid)}元不予认定`,
      unstipulated: false,
    };
  }
  const amount = dec(contractAmount);
  const agreed = readAgreedTail(agreedTail);
  if (agreed === undefined) {
    return {
      counted: '0.00',
      excluded: formatFen(unpaid),
      text: `合同未载明约定尾款：已开票未支付的 ${formatGrouped(unpaid)}元暂不认定（须合同约定尾款，经评审核对后登记）`,
      unstipulated: true,
    };
  }
  const rate = dec(spec.unpaidTailMaxPercent);
  const policyLimit = roundFen(percentOf(amount, rate));
  const agreedLimit = agreed.kind === 'percent' ? roundFen(percentOf(amount, agreed.value)) : agreed.value;
  const agreedText =
    agreed.kind === 'percent'
      ? `合同约定尾款 ${formatGrouped(amount)}元 × ${formatPercent(agreed.value)} = ${formatGrouped(agreedLimit)}元`
      : `合同约定尾款 ${formatGrouped(agreedLimit)}元`;
  const limit = minDec(policyLimit, agreedLimit);
  const counted = minDec(unpaid, limit);
  return {
    counted: formatFen(counted),
    excluded: formatFen(unpaid.minus(counted)),
    text: `已开票未支付尾款 ${formatGrouped(unpaid)}元；${agreedText}，政策上限合同金额 ${formatGrouped(amount)}元 × ${formatPercent(rate)} = ${formatGrouped(policyLimit)}元；认定 min(${formatGrouped(unpaid)}，${formatGrouped(agreedLimit)}，${formatGrouped(policyLimit)}) = ${formatGrouped(counted)}元`,
    unstipulated: false,
  };
}
