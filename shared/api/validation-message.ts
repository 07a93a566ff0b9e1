import type { z } from 'zod';

/** Turns zod issues into one Chinese line per problem, naming the field path. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : '(整体)';
    return `${where}：${translateIssue(issue)}`;
  });
}

function translateIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `类型不符，应为 ${issue.expected}`;
    case 'unrecognized_keys':
      return `包含未知字段 ${issue.keys.join('、')}`;
    case 'too_small':
      return `过小或过短（最小 ${String(issue.minimum)}）`;
    case 'too_big':
      return `过大或过长（最大 ${String(issue.maximum)}）`;
    case 'invalid_value':
      return `取值无效，应为 ${issue.values.map(String).join(' / ')} 之一`;
    default:
      return issue.message;
  }
}
