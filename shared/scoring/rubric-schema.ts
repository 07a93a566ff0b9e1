import { z } from 'zod';
import { Dec } from '../domain/decimal';
import { STAGES, type Stage } from '../domain/enums';
import { descriptionSchema, labelSchema, ruleIdSchema, sourceSchema } from '../rules/rule-set-primitives';
import { formatIssuePath, translateZodIssues } from '../rules/zod-errors-zh';
import { HALF, isHalfPoints, PLAIN_POINTS } from './half-points';

/**
 * A rubric (评分标准) as data: the items a panel scores a project on, for one family of rule sets and
 * one or more review stages. Item maxima sum to 100 so that a project's score is the sum of its item
 * scores; every item cites the paragraph of the policy text it rests on, in the rule sets' style.
 */

export const RUBRIC_FORMAT = 'jigai-rubric';
export const RUBRIC_TOTAL = '100';

// The value found is appended to these messages by the translation of zod issues.
const pointsSchema = (what: string) =>
  z.string({ error: `${what}应为数字字符串（以 0.5 分为单位），如 "18.5"` }).superRefine((value, ctx) => {
    if (!PLAIN_POINTS.test(value)) ctx.addIssue({ code: 'custom', message: `${what}应为不带符号的数字字符串（以 0.5 分为单位），如 "18.5"` });
    else if (!isHalfPoints(value)) ctx.addIssue({ code: 'custom', message: `${what}应为 0.5 分的整数倍` });
  });

const stageIds = STAGES.map((s) => s.id) as [Stage, ...Stage[]];
const stageSchema = z.enum(stageIds, {
  error: '应为评审阶段 "application"（立项评审）、"midterm"（中期评估）或 "acceptance"（竣工验收）之一',
});

export const guidanceSchema = z.strictObject({
  from: pointsSchema('分段下限'),
  to: pointsSchema('分段上限'),
  text: descriptionSchema,
});

export const rubricItemSchema = z.strictObject({
  id: ruleIdSchema,
  title: labelSchema,
  max: pointsSchema('满分'),
  description: descriptionSchema,
  guidance: z.array(guidanceSchema).min(1, { error: '评分指引至少要有一个分段，覆盖 0 分到满分' }),
  evidence: z.array(z.string().min(1, { error: '佐证材料名称不能为空' })).min(1, { error: '应列出本项评分所依据的佐证材料' }),
  source: sourceSchema,
  /** The words of the cited paragraph the item rests on, verbatim, so a reader can find them. */
  quote: z.string().min(1, { error: '原文摘录不能为空' }).optional(),
});

export const rubricSchema = z.strictObject({
  format: z.literal(RUBRIC_FORMAT, { error: `应为 "${RUBRIC_FORMAT}"` }),
  schemaVersion: z.literal(1, { error: '应为 1（本程序支持的评分标准格式版本）' }),
  id: ruleIdSchema,
  /** The human version number; a rubric adjusted by the chair gets the next one. */
  version: z.int({ error: '版本号应为正整数，如 1' }).min(1, { error: '版本号应为正整数，如 1' }),
  name: labelSchema,
  /** Rule-set ids (resources/rules) this rubric serves. */
  policies: z.array(ruleIdSchema).min(1, { error: '应列出适用的政策规则编号' }),
  stages: z.array(stageSchema).min(1, { error: '应列出适用的评审阶段' }),
  document: z.strictObject({ file: z.string().min(1), title: labelSchema }),
  /** How the items were drawn from the text, and what the text leaves open. */
  basis: descriptionSchema,
  derivedFrom: z
    .strictObject({
      id: ruleIdSchema,
      version: z.int().min(1),
      hash: z.string().regex(/^[0-9a-f]{64}$/u, { error: '应为 64 位十六进制的 SHA-256 摘要' }),
    })
    .optional(),
  items: z.array(rubricItemSchema).min(1, { error: '评分标准至少要有一个评分项' }),
});

export type Rubric = z.infer<typeof rubricSchema>;
export type RubricItem = z.infer<typeof rubricItemSchema>;
export type RubricGuidance = z.infer<typeof guidanceSchema>;

/** One problem in a rubric: where (JSON path such as `$.items[2].guidance[1].from`) and what, in Chinese. */
export interface RubricProblem {
  readonly path: string;
  readonly message: string;
}

export type ParseRubricResult = { readonly ok: true; readonly value: Rubric } | { readonly ok: false; readonly errors: readonly RubricProblem[] };

export function safeParseRubric(json: unknown): ParseRubricResult {
  const parsed = rubricSchema.safeParse(json);
  if (!parsed.success) {
    const errors = translateZodIssues(parsed.error.issues, json).map((i) => ({ path: formatIssuePath(i.path), message: i.message }));
    return { ok: false, errors };
  }
  const errors = checkRubric(parsed.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: parsed.data };
}

export class RubricError extends Error {
  readonly errors: readonly RubricProblem[];
  constructor(errors: readonly RubricProblem[], name: string) {
    super(`评分标准「${name}」无效（${String(errors.length)} 处错误）：\n${errors.map((e) => `${e.path}：${e.message}`).join('\n')}`);
    this.name = 'RubricError';
    this.errors = errors;
  }
}

export function parseRubric(json: unknown, name = '未命名'): Rubric {
  const result = safeParseRubric(json);
  if (result.ok) return result.value;
  throw new RubricError(result.errors, name);
}

export function safeParseRubricText(text: string): ParseRubricResult {
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (error) {
    return { ok: false, errors: [{ path: '$', message: `不是有效的 JSON 文本（${error instanceof Error ? error.message : String(error)}）` }] };
  }
  return safeParseRubric(json);
}

/** Checks that need more than one field: the total, unique ids, guidance that covers 0..max without gaps. */
function checkRubric(rubric: Rubric): RubricProblem[] {
  const problems: RubricProblem[] = [];
  const report = (path: (string | number)[], message: string) => problems.push({ path: formatIssuePath(path), message });

  const total = rubric.items.reduce((sum, item) => sum.plus(item.max), new Dec(0));
  if (!total.eq(RUBRIC_TOTAL)) {
    report(['items'], `各评分项满分之和应为 ${RUBRIC_TOTAL} 分，实际为 ${total.toString()} 分（${rubric.items.map((i) => `${i.title} ${i.max}`).join('、')}）`);
  }
  duplicates(rubric.items.map((i) => i.id)).forEach(({ value, index }) => report(['items', index, 'id'], `评分项编号「${value}」重复；每个评分项的编号必须唯一`));
  duplicates(rubric.policies).forEach(({ value, index }) => report(['policies', index], `政策规则编号「${value}」重复`));
  duplicates(rubric.stages).forEach(({ value, index }) => report(['stages', index], `评审阶段「${value}」重复`));

  rubric.items.forEach((item, i) => {
    const max = new Dec(item.max);
    if (max.lte(0)) report(['items', i, 'max'], `评分项「${item.title}」的满分应大于 0`);
    checkGuidance(item, max, (j, field, message) => report(['items', i, 'guidance', ...(j === null ? [] : [j, field])], message));
  });
  return problems;
}

function checkGuidance(item: RubricItem, max: Dec, report: (index: number | null, field: string, message: string) => void): void {
  const label = `评分项「${item.title}」的评分指引`;
  let expectedFrom = new Dec(0);
  item.guidance.forEach((range, j) => {
    const from = new Dec(range.from);
    const to = new Dec(range.to);
    if (!from.eq(expectedFrom)) {
      const what =
        j === 0
          ? '应从 0 分开始'
          : from.gt(expectedFrom)
            ? `与上一分段之间有空缺（上一段到 ${item.guidance[j - 1]?.to ?? ''} 分为止）`
            : `与上一分段重叠（上一段到 ${item.guidance[j - 1]?.to ?? ''} 分为止）`;
      report(j, 'from', `${label}第 ${String(j + 1)} 段从 ${range.from} 分起，${what}；应从 ${expectedFrom.toString()} 分起`);
    }
    if (to.lt(from)) report(j, 'to', `${label}第 ${String(j + 1)} 段的上限 ${range.to} 分小于下限 ${range.from} 分`);
    if (to.gt(max)) report(j, 'to', `${label}第 ${String(j + 1)} 段的上限 ${range.to} 分超过本项满分 ${item.max} 分`);
    expectedFrom = to.plus(HALF);
  });
  const last = item.guidance[item.guidance.length - 1];
  if (last && !new Dec(last.to).eq(max)) report(item.guidance.length - 1, 'to', `${label}最后一段应到满分 ${item.max} 分为止，实际到 ${last.to} 分`);
}

function duplicates<T>(values: readonly T[]): { value: T; index: number }[] {
  const seen = new Set<T>();
  const found: { value: T; index: number }[] = [];
  values.forEach((value, index) => {
    if (seen.has(value)) found.push({ value, index });
    seen.add(value);
  });
  return found;
}
