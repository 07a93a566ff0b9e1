import { checkRuleSet } from './rule-set-checks';
import { ruleSetSchema, type RuleSet } from './rule-set-schema';
import { formatIssuePath, translateZodIssues } from './zod-errors-zh';

/** One problem in a rule-set file: where (JSON path) and what, in Chinese. */
export interface RuleSetProblem {
  /** e.g. `$.award.rules[0].formula.bands[2].to` */
  readonly path: string;
  readonly message: string;
}

export type ParseRuleSetResult = { readonly ok: true; readonly value: RuleSet } | { readonly ok: false; readonly errors: readonly RuleSetProblem[] };

export class RuleSetError extends Error {
  readonly errors: readonly RuleSetProblem[];

  constructor(errors: readonly RuleSetProblem[], ruleSetId?: string) {
    const name = ruleSetId === undefined ? '规则集' : `规则集「${ruleSetId}」`;
    const lines = errors.map((problem) => `${problem.path}：${problem.message}`);
    super(`${name}无效（${String(errors.length)} 处错误）：\n${lines.join('\n')}`);
    this.name = 'RuleSetError';
    this.errors = errors;
  }
}

/**
 * Validates a rule set (the parsed JSON of a `resources/rules/<id>.json`
 * file). Shape first, then the checks that need the whole document; both
 * report every problem found, not just the first.
 */
export function safeParseRuleSet(json: unknown): ParseRuleSetResult {
  const parsed = ruleSetSchema.safeParse(json);
  if (!parsed.success) {
    const errors = translateZodIssues(parsed.error.issues, json).map((issue) => ({
      path: formatIssuePath(issue.path),
      message: issue.message,
    }));
    return { ok: false, errors };
  }
  const semantic = checkRuleSet(parsed.data);
  if (semantic.length > 0) {
    return {
      ok: false,
      errors: semantic.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message })),
    };
  }
  // Frozen so that a rule set parsed once can be shared by every evaluation.
  return { ok: true, value: deepFreeze(parsed.data) };
}

/** Like safeParseRuleSet, but throws a RuleSetError listing every problem. */
export function parseRuleSet(json: unknown): RuleSet {
  const result = safeParseRuleSet(json);
  if (result.ok) return result.value;
  const id = isRecord(json) && typeof json.id === 'string' ? json.id : undefined;
  throw new RuleSetError(result.errors, id);
}

/** For text read from a file: a JSON syntax error is reported in Chinese too. */
export function safeParseRuleSetText(text: string): ParseRuleSetResult {
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ path: '$', message: `不是有效的 JSON 文本（${detail}）` }] };
  }
  return safeParseRuleSet(json);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
