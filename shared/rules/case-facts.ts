import type { CaseErrorCode } from '../codes/codes';
import type { Dec } from '../domain/decimal';
import type { FactSpec } from './fact-schema';
import { constant, dec, formatAmountWithReadable, PLAIN_DECIMAL, PLAIN_MONEY } from './money';

/**
 * Reads the fields of one case against the facts its rule set declares.
 * Every field that is present is checked at once, so a malformed value is
 * reported even where the rule would not need it; a missing field is reported
 * only when a rule actually reads it, because which fields a policy needs can
 * depend on the others (a "点" project in Shenyang needs no chain-leader flag).
 */

export type { CaseErrorCode };

export interface CaseError {
  readonly code: CaseErrorCode;
  /** Chinese, naming the field. */
  readonly message: string;
  /** The case field concerned, when there is one. */
  readonly field?: string;
}

export class CaseInputError extends Error {
  readonly code: CaseErrorCode;
  readonly field: string | undefined;

  constructor(code: CaseErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'CaseInputError';
    this.code = code;
    this.field = field;
  }

  toCaseError(): CaseError {
    return this.field === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, field: this.field };
  }
}

type Value = Dec | boolean | string;

export function fieldName(key: string, spec: { label: string } | undefined): string {
  return spec ? `「${spec.label}」（${key}）` : `「${key}」`;
}

function shown(value: unknown): string {
  if (typeof value === 'string') return `「${value}」`;
  if (value === null) return 'null';
  if (typeof value === 'object') return Array.isArray(value) ? '列表' : '对象';
  return `「${String(value)}」`;
}

/** A non-negative amount of yuan with at most two decimals, from a string or a JSON number. */
export function readMoney(value: unknown, name: string, field: string): Dec {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text === 'string') {
    if (PLAIN_MONEY.test(text)) return dec(text);
    if (text.startsWith('-') && PLAIN_MONEY.test(text.slice(1)) && !dec(text.slice(1)).isZero()) {
      throw new CaseInputError('INVALID_FIELD', `${name}不能为负数，实际为${shown(value)}`, field);
    }
  }
  throw new CaseInputError('INVALID_FIELD', `${name}应为不小于 0 的金额字符串（元，最多两位小数，不带千分位），如 "150000000.00"，实际为${shown(value)}`, field);
}

function readValue(spec: FactSpec, value: unknown, key: string): Value {
  const name = fieldName(key, spec);
  switch (spec.type) {
    case 'money':
      return readMoney(value, name, key);
    case 'count': {
      if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return dec(value);
      if (typeof value === 'string' && /^(?:0|[1-9]\d{0,8})$/u.test(value)) return dec(value);
      throw new CaseInputError('INVALID_FIELD', `${name}应为不小于 0 的整数，实际为${shown(value)}`, key);
    }
    case 'number': {
      const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
      if (typeof text === 'string' && PLAIN_DECIMAL.test(text)) return dec(text);
      const unit = spec.unit ? `（单位：${spec.unit}）` : '';
      throw new CaseInputError('INVALID_FIELD', `${name}应为不小于 0 的数字${unit}，如 "4.35"，实际为${shown(value)}`, key);
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      throw new CaseInputError('INVALID_FIELD', `${name}应为 true 或 false，实际为${shown(value)}`, key);
    case 'enum': {
      if (typeof value === 'string' && spec.values.some((option) => option.value === value)) return value;
      const options = spec.values.map((option) => `"${option.value}"（${option.label}）`).join('、');
      throw new CaseInputError('INVALID_FIELD', `${name}应为 ${options} 之一，实际为${shown(value)}`, key);
    }
    case 'industry-code':
      if (typeof value === 'string' && /^[A-Za-z]\d{2,4}$/u.test(value)) return value.toUpperCase();
      throw new CaseInputError('INVALID_FIELD', `${name}应为 GB/T 4754 行业代码（门类字母加 2 至 4 位数字），如 "C3484"，实际为${shown(value)}`, key);
  }
}

export class FactReader {
  private readonly values = new Map<string, Value>();

  constructor(
    private readonly specs: Readonly<Record<string, FactSpec>>,
    input: Readonly<Record<string, unknown>>,
  ) {
    for (const [key, spec] of Object.entries(specs)) {
      const raw = Object.hasOwn(input, key) ? input[key] : undefined;
      if (raw === undefined || raw === null) continue;
      this.values.set(key, readValue(spec, raw, key));
    }
  }

  spec(key: string): FactSpec | undefined {
    return Object.hasOwn(this.specs, key) ? this.specs[key] : undefined;
  }

  label(key: string): string {
    return this.spec(key)?.label ?? key;
  }

  /** The value given in the case, else the declared default; throws MISSING_FIELD otherwise. */
  private get(key: string): Value {
    const given = this.values.get(key);
    if (given !== undefined) return given;
    const spec = this.spec(key);
    if (spec && 'default' in spec && spec.default !== undefined) {
      const fallback = typeof spec.default === 'boolean' ? spec.default : spec.type === 'enum' ? spec.default : constant(String(spec.default));
      this.values.set(key, fallback);
      return fallback;
    }
    throw new CaseInputError('MISSING_FIELD', `缺少${fieldName(key, spec)}：本政策计算时需要该字段`, key);
  }

  decimal(key: string): Dec {
    const value = this.get(key);
    if (typeof value === 'boolean' || typeof value === 'string') {
      throw new CaseInputError('INTERNAL', `字段${fieldName(key, this.spec(key))}不是数值字段`, key);
    }
    return value;
  }

  bool(key: string): boolean {
    const value = this.get(key);
    if (typeof value !== 'boolean') {
      throw new CaseInputError('INTERNAL', `字段${fieldName(key, this.spec(key))}不是是/否字段`, key);
    }
    return value;
  }

  text(key: string): string {
    const value = this.get(key);
    if (typeof value !== 'string') {
      throw new CaseInputError('INTERNAL', `字段${fieldName(key, this.spec(key))}不是文字字段`, key);
    }
    return value;
  }

  /** Like display, but undefined for a field neither given nor defaulted. */
  displayIfKnown(key: string): string | undefined {
    try {
      return this.display(key);
    } catch (error) {
      if (error instanceof CaseInputError && error.code === 'MISSING_FIELD') return undefined;
      throw error;
    }
  }

  /** The value as a reviewer reads it in a trace: 「是」, 「线上项目」, "C3484", "12". */
  display(key: string): string {
    const spec = this.spec(key);
    const value = this.get(key);
    if (typeof value === 'boolean') return value ? '是' : '否';
    if (typeof value === 'string') {
      if (spec?.type === 'enum') return spec.values.find((option) => option.value === value)?.label ?? value;
      return value;
    }
    if (spec?.type === 'money') return formatAmountWithReadable(value);
    return `${value.toFixed()}${spec?.type === 'number' && spec.unit ? spec.unit : ''}`;
  }
}
