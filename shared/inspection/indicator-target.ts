import type { Dec } from '../domain/decimal';
import { toHalfWidth } from '../domain/text';
import { readDecimal } from './numbers';

/** Which side of the target is short of it: most targets are minimums (≥85%), some maximums (不良品率 ≤2%). */
type Bound = 'at-least' | 'at-most';

interface ReadTarget {
  value: Dec;
  bound: Bound;
}

const AT_MOST = /^(?:≤|<=|<|不高于|不超过|低于|小于|最多)/u;
/** An optional comparison word, the number, an optional unit (%, 台（套）, 万元). */
const VALUE = /^(?:≤|<=|<|≥|>=|>|不高于|不超过|低于|小于|最多|不低于|不少于|高于|大于|至少|达到)?(-?[\d,]+(?:\.\d+)?)(?:%|[\u4e00-\u9fff（）()/]*)$/u;

/**
 * A value as the 绩效指标 sheet or an expert writes it: "85%", "≥85%", "不低于 85%", "120台", "1,200",
 * "≤2%". The number is read with its comparison word; a unit after it (%, 台, 万元) is ignored, since
 * target and observation are of the same indicator. Text that is no number ("已完成") gives undefined.
 */
export function readIndicatorValue(text: string): ReadTarget | undefined {
  const plain = toHalfWidth(text).replace(/\s/gu, '');
  const number = VALUE.exec(plain);
  const value = readDecimal(number?.[1]);
  return value === undefined ? undefined : { value, bound: AT_MOST.test(plain) ? 'at-most' : 'at-least' };
}

/**
 * Whether an observed value falls short of the target: below a minimum, above a maximum ("≤2%").
 * Only when both read as numbers; text that is not a number is never short.
 */
export function isBelowTarget(target: string, observed: string): boolean {
  const goal = readIndicatorValue(target);
  const seen = readIndicatorValue(observed);
  if (!goal || !seen) return false;
  return goal.bound === 'at-most' ? seen.value.gt(goal.value) : seen.value.lt(goal.value);
}
