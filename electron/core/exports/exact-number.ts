import { AppError } from '@shared/api/errors';
import { Dec } from '@shared/domain/decimal';

/** Excel and LibreOffice show at most 15 significant digits; beyond that a cell would display other digits. */
const MAX_SIGNIFICANT_DIGITS = 15;

/**
 * The number a decimal string ("25000000.00", "74.5", "0.13") is written as, without drift: the
 * cell's XML holds JavaScript's shortest round-trip spelling of the number, so the check that this
 * spelling equals the string as a decimal, and that it has at most 15 significant digits, means the
 * file holds exactly the digits of the string and Excel shows them unchanged.
 */
export function exactNumber(decimal: string, where: string): number {
  const text = decimal.trim();
  const value = Number(text);
  const exact = isDecimalString(text) && Number.isFinite(value) && new Dec(String(value)).equals(new Dec(text));
  if (!exact || new Dec(text).sd(true) > MAX_SIGNIFICANT_DIGITS) {
    throw new AppError('BAD_INPUT', `${where}「${decimal}」无法作为数字准确写入表格（应为最多 15 位有效数字的数）`);
  }
  return value;
}

/** A decimal string as its digits allow: integers, half points and money are the usual cases. */
export function isDecimalString(value: string): boolean {
  return /^-?\d+(?:\.\d+)?$/u.test(value.trim());
}
