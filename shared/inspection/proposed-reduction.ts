import type { InspectionStatus } from '../codes/codes';
import { Dec } from '../domain/decimal';
import { formatYuan, roundMoney, type MoneyString } from '../domain/money';
import type { ChecklistInvoice, ChecklistLine } from './checklist';
import { readDecimal } from './numbers';

export interface ProposedReduction {
  /** What the observation proposes to take off the line (excluding tax), > 0. */
  cut: MoneyString;
  /** How, in Chinese: 未见 2 台 × 单价 175,887.00 元 = 351,774.00 元. */
  explanation: string;
}

export interface ObservedLine {
  status: InspectionStatus;
  quantitySeen: string | null;
}

/**
 * The 核减 an observation proposes for the reviewer to decide — never applied by itself:
 * - 已见且运行 / 已见未运行: none;
 * - 未见: the whole line;
 * - 型号或数量不符: the part not seen, (invoiced − counted) × unit price where the invoice lines give
 *   quantity and price (in proportion to the line's amount when its invoices price it differently);
 *   the whole line when the invoiced quantity or the counted one is unknown, and the explanation
 *   says so; none when as many were counted as invoiced (only the model differs).
 */
export function proposeReduction(line: Pick<ChecklistLine, 'amount' | 'quantity' | 'unit' | 'unitPrice'>, observed: ObservedLine): ProposedReduction | null {
  const whole = `${formatYuan(line.amount)} 元`;
  if (observed.status === 'seen-running' || observed.status === 'seen-idle') return null;
  if (observed.status === 'not-found') return { cut: line.amount, explanation: `现场未见该设备，建议核减该设备全部金额 ${whole}` };
  const invoiced = readDecimal(line.quantity);
  const counted = readDecimal(observed.quantitySeen);
  if (invoiced === undefined || invoiced.lte(0)) {
    return { cut: line.amount, explanation: `发票未列明数量（按一批计），无法按数量折算，建议核减该设备全部金额 ${whole}` };
  }
  if (counted === undefined) {
    return { cut: line.amount, explanation: `未填写现场清点数量，无法按数量折算，建议核减该设备全部金额 ${whole}` };
  }
  const unit = line.unit ?? '';
  const missing = invoiced.minus(counted);
  if (missing.lte(0)) return null;
  const head = `发票数量 ${invoiced.toString()}${unit}，现场清点 ${counted.toString()}${unit}，未见 ${missing.toString()}${unit}`;
  if (line.unitPrice !== null) {
    const cut = roundMoney(missing.times(new Dec(line.unitPrice)));
    const capped = new Dec(cut).gt(new Dec(line.amount)) ? line.amount : cut;
    return { cut: capped, explanation: `${head} × 单价 ${formatYuan(line.unitPrice)} 元 = ${formatYuan(capped)} 元` };
  }
  const cut = roundMoney(new Dec(line.amount).times(missing).dividedBy(invoiced));
  return {
    cut,
    explanation: `${head}；各发票单价不一，按数量比例核减：${whole} × ${missing.toString()} ÷ ${invoiced.toString()} = ${formatYuan(cut)} 元`,
  };
}

/**
 * A line's cut shared out over its invoices in proportion to the line's amount on each, in fen; the
 * fen left over by rounding go to the largest shares first, so the parts add up to the cut exactly.
 */
export function allocateCut(invoices: readonly ChecklistInvoice[], cut: MoneyString): Map<number, MoneyString> {
  const total = invoices.reduce((sum, i) => sum.plus(i.amount), new Dec(0));
  const cutFen = new Dec(cut).times(100);
  const shares = invoices.map((invoice) => {
    const exact = total.isZero() ? new Dec(0) : cutFen.times(invoice.amount).dividedBy(total);
    return { invoice, fen: exact.floor(), rest: exact.minus(exact.floor()) };
  });
  let left = cutFen.minus(shares.reduce((sum, s) => sum.plus(s.fen), new Dec(0))).toNumber();
  for (const share of [...shares].sort((a, b) => b.rest.comparedTo(a.rest) || new Dec(b.invoice.amount).comparedTo(a.invoice.amount))) {
    if (left <= 0) break;
    share.fen = share.fen.plus(1);
    left -= 1;
  }
  return new Map(shares.map((s) => [s.invoice.rowNo, roundMoney(s.fen.dividedBy(100))]));
}
