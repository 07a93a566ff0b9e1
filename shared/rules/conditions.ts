import { CaseInputError, type FactReader } from './case-facts';
import type { Condition } from './condition-schema';
import type { FactSpec } from './fact-schema';
import { constant, formatReadable } from './money';

/**
 * Evaluates a condition. A missing field is an error only when the outcome
 * depends on it: `all` is false as soon as one known part is false, `any` true
 * as soon as one known part is true (总投资1000万元及以上 *或* 设备投入500万元及以上
 * needs only one of the two amounts).
 */
export function evaluateCondition(condition: Condition, facts: FactReader): boolean {
  switch (condition.op) {
    case 'all':
      return combine(condition.of, facts, false);
    case 'any':
      return combine(condition.of, facts, true);
    case 'not':
      return !evaluateCondition(condition.of, facts);
    case 'gte':
      return facts.decimal(condition.fact).gte(constant(condition.value));
    case 'gt':
      return facts.decimal(condition.fact).gt(constant(condition.value));
    case 'lt':
      return facts.decimal(condition.fact).lt(constant(condition.value));
    case 'lte':
      return facts.decimal(condition.fact).lte(constant(condition.value));
    case 'eq':
      return typeof condition.value === 'boolean' ? facts.bool(condition.fact) === condition.value : facts.text(condition.fact) === condition.value;
    case 'in': {
      const value = facts.text(condition.fact);
      return condition.values.includes(value);
    }
    case 'prefix': {
      const value = facts.text(condition.fact).toUpperCase();
      return condition.values.some((prefix) => value.startsWith(prefix.toUpperCase()));
    }
  }
}

/** `decisive` is the value that settles the whole: false for `all`, true for `any`. */
function combine(children: readonly Condition[], facts: FactReader, decisive: boolean): boolean {
  let missing: CaseInputError | undefined;
  for (const child of children) {
    try {
      if (evaluateCondition(child, facts) === decisive) return decisive;
    } catch (error) {
      if (!(error instanceof CaseInputError) || error.code !== 'MISSING_FIELD') throw error;
      missing ??= error;
    }
  }
  if (missing) throw missing;
  return !decisive;
}

const COMPARE_TEXT = { gte: '≥', gt: '>', lt: '<', lte: '≤' } as const;

const described = new WeakMap<Condition, string>();

/** A condition in plain Chinese: 项目类型为「“线”上项目」或「“面”上项目」，且是否链主企业为「是」. */
export function describeCondition(condition: Condition, facts: Readonly<Record<string, FactSpec>>): string {
  // Conditions belong to one frozen rule set, so their text never changes; the
  // engine asks for it on every case.
  let text = described.get(condition);
  if (text === undefined) {
    text = describeFresh(condition, facts);
    described.set(condition, text);
  }
  return text;
}

function describeFresh(condition: Condition, facts: Readonly<Record<string, FactSpec>>): string {
  const key = 'fact' in condition ? condition.fact : undefined;
  const spec = key !== undefined && Object.hasOwn(facts, key) ? facts[key] : undefined;
  const label = key === undefined ? '' : (spec?.label ?? key);
  switch (condition.op) {
    case 'all':
    case 'any': {
      const joiner = condition.op === 'all' ? '，且' : '，或';
      return condition.of
        .map((child) => {
          const text = describeCondition(child, facts);
          return child.op === 'all' || child.op === 'any' ? `（${text}）` : text;
        })
        .join(joiner);
    }
    case 'not':
      return `并非（${describeCondition(condition.of, facts)}）`;
    case 'gte':
    case 'gt':
    case 'lt':
    case 'lte':
      return `${label} ${COMPARE_TEXT[condition.op]} ${describeNumber(condition.value, spec)}`;
    case 'eq':
      return `${label}为${quoteOption(condition.value, spec)}`;
    case 'in':
      return `${label}为${condition.values.map((value) => quoteOption(value, spec)).join('或')}`;
    case 'prefix':
      return `${label}以 ${condition.values.join('、')} 开头`;
  }
}

function describeNumber(value: string, spec: FactSpec | undefined): string {
  if (spec?.type === 'money') return formatReadable(constant(value));
  if (spec?.type === 'count') return `${value}`;
  if (spec?.type === 'number' && spec.unit) return `${value}${spec.unit}`;
  return value;
}

function quoteOption(value: string | boolean, spec: FactSpec | undefined): string {
  if (typeof value === 'boolean') return value ? '「是」' : '「否」';
  if (spec?.type === 'enum') {
    const option = spec.values.find((candidate) => candidate.value === value);
    return `「${option?.label ?? value}」`;
  }
  return `「${value}」`;
}

/** The fields a condition reads, with the values of this case: 「是否链主企业：是；配套企业数量：9」. */
export function describeActualValues(condition: Condition, facts: FactReader): string {
  const keys = new Set<string>();
  collectFacts(condition, keys);
  const parts: string[] = [];
  for (const key of keys) {
    const value = facts.displayIfKnown(key);
    if (value !== undefined) parts.push(`${facts.label(key)}：${value}`);
  }
  return parts.join('；');
}

function collectFacts(condition: Condition, into: Set<string>): void {
  switch (condition.op) {
    case 'all':
    case 'any':
      for (const child of condition.of) collectFacts(child, into);
      return;
    case 'not':
      collectFacts(condition.of, into);
      return;
    default:
      into.add(condition.fact);
  }
}
