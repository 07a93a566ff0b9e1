import { formatIssuePath, translateZodIssues } from '../rules/zod-errors-zh';
import { refuse, type ExpertFileRefusal } from './expert-file-refusal';
import type { z } from 'zod';
import { expertFileSchema, intendedProjectForm, type ExpertFile } from './expert-file-schema';

const SHOWN_PROBLEMS = 20;

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const part of path) current = typeof current === 'object' && current !== null ? (current as Record<PropertyKey, unknown>)[part] : undefined;
  return current;
}

/** A project entry that fits neither form is reported with the problems of the form it meant, each located. */
function locateUnionIssues(issues: readonly z.core.$ZodIssue[], json: unknown): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union' || issue.errors.length !== 2) return [issue];
    const inner = issue.errors[intendedProjectForm(valueAt(json, issue.path))] ?? [];
    return inner.length === 0
      ? [issue]
      : locateUnionIssues(
          inner.map((nested) => ({ ...nested, path: [...issue.path, ...nested.path] })),
          json,
        );
  });
}

/** The file's text to its typed form; every shape problem is located by its JSON path. */
export function parseExpertFileText(text: string): { readonly ok: true; readonly file: ExpertFile } | ExpertFileRefusal {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/u, '')); // a byte-order mark left by Windows Notepad is harmless
  } catch {
    // The parser's own (English) message says nothing to a chair.
    return refuse('MALFORMED', '文件不是有效的专家评审文件（内容不是完整的 JSON，可能未下载完整、被编辑损坏，或选错了文件）');
  }
  const parsed = expertFileSchema.safeParse(json);
  if (parsed.success) return { ok: true, file: parsed.data };
  const problems = translateZodIssues(locateUnionIssues(parsed.error.issues, json), json).map((issue) => `${formatIssuePath(issue.path)}：${issue.message}`);
  const more = problems.length > SHOWN_PROBLEMS ? `等 ${String(problems.length)} 处` : '';
  return refuse('MALFORMED', `专家评审文件内容不符合格式（${problems.slice(0, 3).join('；')}${more}）`, problems);
}
