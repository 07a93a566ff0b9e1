import type { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';

const locale = zhCN().localeError;

/** The locale's wording, except where ours reads better: it calls an unknown field 「键(key)」. */
const chinese: z.core.$ZodErrorMap = (issue) => (issue.code === 'unrecognized_keys' ? `包含未知字段 ${issue.keys.join('、')}` : locale(issue));

/**
 * Validates with zod's own zh-CN messages wherever a schema gives none of its own; a schema's own
 * message (「请至少选择一张发票」, 「理由最多 500 个字」) always wins. Not set globally with z.config:
 * the rule-set parser has its own translator (shared/rules/zod-errors-zh.ts) that also shows the
 * value found, and tells a schema's message from a default one by whether it is Chinese.
 */
export function safeParseInChinese<T extends z.ZodType>(schema: T, input: unknown): z.ZodSafeParseResult<z.output<T>> {
  return schema.safeParse(input, { error: chinese });
}

/** One Chinese line per problem, naming where it is (the field path). */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(整体)'}：${issue.message}`);
}
