import { z } from 'zod';
import { Dec } from '../domain/decimal';
import { formatIssuePath, translateZodIssues } from '../rules/zod-errors-zh';
import type { PanelProjectTotals } from './consolidate';
import { halfPointsProblem } from './half-points';
import { RUBRIC_TOTAL } from './rubric-schema';

/**
 * The panel file the chair (or a script) hands to `jigai scores consolidate --input`:
 * `{ "projects": [ { "id": "XM2024-001", "scores": { "王工": "85.5", "李工": null } } ] }`,
 * null marking an expert whose score does not count (recused). Every problem is reported with its
 * JSON path, so a hand-written file can be mended in one pass.
 */

const panelSchema = z.strictObject({
  projects: z.array(
    z.strictObject({
      id: z.string({ error: '应为项目编号（文字）' }).min(1, { error: '项目编号不能为空' }),
      scores: z.record(z.string().min(1, { error: '专家名称不能为空' }), z.union([z.string(), z.null()], { error: '应为总分字符串（如 "85.5"），回避的专家为 null' }), {
        error: '应为对象：专家 → 总分，如 { "王工": "85.5", "李工": null }',
      }),
    }),
    { error: '应为项目列表 [ { "id": …, "scores": { … } } ]' },
  ),
});

export interface PanelInputProblem {
  readonly path: string;
  readonly message: string;
}

export type ParsePanelResult = { readonly ok: true; readonly value: PanelProjectTotals[] } | { readonly ok: false; readonly errors: readonly PanelInputProblem[] };

export function parsePanelInput(json: unknown): ParsePanelResult {
  const parsed = panelSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, errors: translateZodIssues(parsed.error.issues, json).map((i) => ({ path: formatIssuePath(i.path), message: i.message })) };
  }
  const errors: PanelInputProblem[] = [];
  const seen = new Set<string>();
  parsed.data.projects.forEach((project, i) => {
    if (seen.has(project.id)) errors.push({ path: formatIssuePath(['projects', i, 'id']), message: `项目编号「${project.id}」重复` });
    seen.add(project.id);
    for (const [expert, total] of Object.entries(project.scores)) {
      if (total === null) continue;
      const where = formatIssuePath(['projects', i, 'scores', expert]);
      const problem = halfPointsProblem(total, `项目「${project.id}」专家「${expert}」的总分`);
      if (problem) errors.push({ path: where, message: problem });
      else if (new Dec(total).gt(RUBRIC_TOTAL)) errors.push({ path: where, message: `项目「${project.id}」专家「${expert}」的总分 ${total} 超过 ${RUBRIC_TOTAL} 分` });
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: parsed.data.projects };
}
