import type { MoneyString } from './money';

/**
 * Money at rest is integer fen (exact SQL sums); at every boundary it is a yuan decimal string.
 * Conversions go through strings, never through float multiplication. Safe for |amount| < 9×10^13 yuan.
 */
export function moneyToFen(money: MoneyString): number {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(money);
  if (!match) throw new Error(`不是两位小数的金额：${money}`);
  const fen = Number(`${match[2] ?? '0'}${match[3] ?? '00'}`);
  return match[1] === '-' ? -fen : fen;
}

export function fenToMoney(fen: number): MoneyString {
  if (!Number.isSafeInteger(fen)) throw new Error(`金额（分）不是安全整数：${String(fen)}`);
  const sign = fen < 0 ? '-' : '';
  const digits = String(Math.abs(fen)).padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
