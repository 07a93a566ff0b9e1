import type { z } from 'zod';
import type { IssuePath, RuleSetIssue } from './rule-set-checks';

/**
 * Turns zod issues into Chinese messages that say where (a JSON path such as
 * `$.award.rules[0].formula.bands[2].to`) and what was expected, with the
 * value actually found. Schema-level messages are already Chinese and are
 * kept; zod's English defaults are replaced.
 */

const CJK = /[\u3400-\u9fff]/u;

const TYPE_LABEL: Readonly<Record<string, string>> = {
  string: '文字（字符串）',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  object: '对象（{ … }）',
  array: '列表（[ … ]）',
  null: 'null',
};

export function formatIssuePath(path: IssuePath): string {
  let text = '$';
  for (const part of path) {
    if (typeof part === 'number') text += `[${String(part)}]`;
    else if (/^[A-Za-z_$][\w$]*$/u.test(part)) text += `.${part}`;
    else text += `[${JSON.stringify(part)}]`;
  }
  return text;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return '（缺失）';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `"${shown}"`;
  }
  if (typeof value === 'number') return `数字 ${String(value)}`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return '列表';
  if (typeof value === 'object') return '对象';
  return typeof value;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (typeof part === 'symbol') return undefined;
    current = Object.hasOwn(current, part) ? (current as Record<PropertyKey, unknown>)[part] : undefined;
  }
  return current;
}

function toPath(path: readonly PropertyKey[]): (string | number)[] {
  return path.map((part) => (typeof part === 'number' ? part : String(part)));
}

function chinese(message: string): string | undefined {
  return CJK.test(message) ? message : undefined;
}

export function translateZodIssues(issues: readonly z.core.$ZodIssue[], input: unknown): RuleSetIssue[] {
  return issues.map((issue) => {
    const path = toPath(issue.path);
    const actual = valueAt(input, issue.path);
    return { path, message: translate(issue, actual, path) };
  });
}

function translate(issue: z.core.$ZodIssue, actual: unknown, path: readonly (string | number)[]): string {
  const own = chinese(issue.message);
  const found = `，实际为 ${describeValue(actual)}`;
  switch (issue.code) {
    case 'invalid_type': {
      const structural = issue.expected === 'object' || issue.expected === 'array';
      const expected = structural ? `应为${TYPE_LABEL[issue.expected] ?? issue.expected}` : (own ?? `应为${TYPE_LABEL[issue.expected] ?? issue.expected}`);
      if (actual === undefined) return `缺少必填字段：${expected}`;
      return `${expected}${found}`;
    }
    case 'unrecognized_keys':
      return `包含未定义的字段 ${issue.keys.map((key) => `「${key}」`).join('、')}（请检查拼写；本格式不接受未定义的字段）`;
    case 'invalid_value': {
      const expected = own ?? `应为 ${issue.values.map((v) => JSON.stringify(v)).join('、')} 之一`;
      return actual === undefined ? `缺少必填字段：${expected}` : `${expected}${found}`;
    }
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator !== undefined) {
        const options = 'options' in issue && Array.isArray(issue.options) ? issue.options : [];
        const expected = own ?? `应为 ${options.map((v) => JSON.stringify(v)).join('、')} 之一`;
        return actual === undefined ? `缺少必填字段：${expected}` : `${expected}${found}`;
      }
      return `${own ?? '取值不符合任何一种允许的写法'}${found}`;
    }
    case 'invalid_key': {
      const inner = issue.issues.map((inside) => chinese(inside.message) ?? '字段名无效').join('；');
      return `字段名「${String(path[path.length - 1] ?? '')}」无效：${inner}`;
    }
    case 'too_small':
      if (own) return `${own}${found}`;
      return `过小或过短：最小为 ${String(issue.minimum)}${found}`;
    case 'too_big':
      if (own) return `${own}${found}`;
      return `过大或过长：最大为 ${String(issue.maximum)}${found}`;
    case 'invalid_format':
      return `${own ?? '格式不正确'}${found}`;
    default:
      return `${own ?? '取值无效'}${found}`;
  }
}
