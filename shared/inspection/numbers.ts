import { Dec } from '../domain/decimal';
import { toHalfWidth } from '../domain/text';

/**
 * Numbers as invoices, workbooks and experts write them: "2", "2.000000", "1,200", "175887.1681".
 * Anything else (empty, text, an exponent) is not a number here: undefined, never NaN.
 */
export function readDecimal(text: string | undefined | null): Dec | undefined {
  if (text === undefined || text === null) return undefined;
  const plain = toHalfWidth(text).replace(/[,\s]/gu, '');
  if (!/^-?\d+(?:\.\d+)?$/u.test(plain)) return undefined;
  return new Dec(plain);
}

/** A count as a decimal string without trailing zeros ("2.000000" → "2"). */
export function quantityText(value: Dec): string {
  return value.toString();
}
