import { Dec } from '../domain/decimal';

/**
 * Scores, item maxima and guidance bounds are written as decimal strings on a grid of half points
 * ("18", "18.5"): panels score in half points and a string crosses IPC and files without float error.
 */

/** Plain non-negative decimal, at most three integer digits and two decimals ("18.50" is read as 18.5). */
export const PLAIN_POINTS = /^(?:0|[1-9]\d{0,2})(?:\.\d{1,2})?$/u;

export const HALF = new Dec('0.5');

export function isHalfPoints(text: string): boolean {
  return PLAIN_POINTS.test(text) && new Dec(text).mod(HALF).isZero();
}

/** Why a text is not a half-point figure, in Chinese, or null when it is one. */
export function halfPointsProblem(text: unknown, what: string): string | null {
  if (typeof text !== 'string') return `${what}应为数字字符串（以 0.5 分为单位），如 "18.5"`;
  if (!PLAIN_POINTS.test(text)) return `${what}「${text}」不是有效的分值，应为不带符号的数字字符串（以 0.5 分为单位），如 "18.5"`;
  if (!new Dec(text).mod(HALF).isZero()) return `${what}「${text}」不是 0.5 分的整数倍`;
  return null;
}

/** Canonical text of a half-point figure: "18", "18.5" (never "18.0" or "18.50"). */
export function formatPoints(value: Dec): string {
  return value.toFixed(value.isInteger() ? 0 : 1);
}
