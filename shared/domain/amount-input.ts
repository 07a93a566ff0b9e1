import { Dec } from './decimal';
import { parseMoney, type MoneyString } from './money';
import { fail, ok, type Result } from './result';

const YI = /^(\d+(?:\.\d+)?)亿元?$/u;

/**
 * An amount as a reviewer types it: yuan (`150000000`, `1,500,000.00`, `¥1234.5元`), 万元
 * (`3000万`, `1.5万元`) or 亿元 (`1.5亿`). Returns yuan with two decimals; an amount finer than a
 * fen is refused, never rounded.
 */
export function parseAmountInput(text: string, label: string): Result<MoneyString> {
  const compact = text.replace(/[\s，]/gu, '');
  const yi = YI.exec(compact);
  if (!yi) return parseMoney(compact, { label, allowNegative: false });
  const yuan = new Dec(yi[1] ?? '0').times('100000000');
  if (yuan.decimalPlaces() > 2) return fail(`${label}「${text}」换算后不足一分，请核对`);
  return ok(yuan.toFixed(2));
}
