import type { z } from 'zod';

type RawIssue = z.core.$ZodRawIssue;

const TYPE_NAMES: Record<string, string> = {
  string: '文本（带双引号的字符串）',
  number: '数字',
  object: '对象 { … }',
  array: '数组 [ … ]',
  boolean: 'true 或 false',
  record: '对象 { "路径": "SHA-256", … }',
};

/**
 * Chinese messages for the zod issues that manifest-schema.ts does not word itself. Passed per parse
 * (`safeParse(data, { error })`), so the schema's own messages still win and nothing global changes.
 */
export function manifestIssueMessage(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '缺少此字段';
      return `类型不对：应为${TYPE_NAMES[issue.expected] ?? issue.expected}，实际为${describeValue(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'string') return '不能为空';
      if (issue.origin === 'array') return `至少应有 ${String(issue.minimum)} 项`;
      return `不能小于 ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'string') return `过长，最多 ${String(issue.maximum)} 个字符`;
      if (issue.origin === 'array') return `最多 ${String(issue.maximum)} 项`;
      return `不能大于 ${String(issue.maximum)}`;
    case 'invalid_value':
      return `取值无效，应为 ${issue.values.map((v) => JSON.stringify(v)).join('、')} 之一`;
    case 'invalid_format':
      return '格式不正确';
    case 'invalid_key':
      return `文件路径「${String(issue.input)}」无效：${issue.issues.map((inner) => inner.message).join('；')}`;
    default:
      return undefined;
  }
}

function describeValue(value: unknown): string {
  if (value === null) return ' null';
  if (Array.isArray(value)) return '数组';
  if (typeof value === 'string') return `文本「${value.length > 40 ? `${value.slice(0, 40)}…` : value}」`;
  if (typeof value === 'number') return `数字 ${String(value)}`;
  if (typeof value === 'boolean') return ` ${String(value)}`;
  if (typeof value === 'object') return '对象';
  return typeof value;
}

/** `batch.stage`, `projects[0].workbook`, `files["XM2024-001/申报表.xlsx"]`: the issue's place in the JSON. */
export function formatJsonPath(path: readonly PropertyKey[]): string | undefined {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${String(key)}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out === '' ? undefined : out;
}
