import { formatIssuePath } from '../rules/zod-errors-zh';
import { safeParseRubric, type ParseRubricResult, type Rubric, type RubricItem } from './rubric-schema';

/**
 * The chair may adjust the default rubric before scoring starts. An adjustment never edits the
 * default: it yields a new rubric that names the one it came from (id, version, content hash) and is
 * validated like a shipped one, so an adjusted rubric whose maxima no longer sum to 100 is refused.
 */

export type ItemEdit = Partial<Pick<RubricItem, 'title' | 'max' | 'description' | 'guidance' | 'evidence'>>;

export interface RubricAdjustments {
  /** Human version number of the result; by default the base's plus one. */
  version?: number;
  name?: string;
  /** Edits of existing items, by item id. */
  edit?: Readonly<Record<string, ItemEdit>>;
  /** Item ids to drop. */
  remove?: readonly string[];
  /** New items, appended in this order. */
  add?: readonly RubricItem[];
}

export function deriveRubric(base: Rubric, baseHash: string, adjustments: RubricAdjustments): ParseRubricResult {
  const known = new Set(base.items.map((item) => item.id));
  const unknown = [
    ...Object.keys(adjustments.edit ?? {})
      .filter((id) => !known.has(id))
      .map((id) => ({ path: formatIssuePath(['edit', id]), message: `要修改的评分项「${id}」不在评分标准「${base.name}」中` })),
    ...(adjustments.remove ?? []).flatMap((id, i) =>
      known.has(id) ? [] : [{ path: formatIssuePath(['remove', i]), message: `要删除的评分项「${id}」不在评分标准「${base.name}」中` }],
    ),
  ];
  if (unknown.length > 0) return { ok: false, errors: unknown };

  const removed = new Set(adjustments.remove ?? []);
  const items = base.items
    .filter((item) => !removed.has(item.id))
    .map((item) => ({ ...item, ...(adjustments.edit?.[item.id] ?? {}) }))
    .concat(adjustments.add ?? []);
  const derived: Rubric = {
    ...base,
    version: adjustments.version ?? base.version + 1,
    name: adjustments.name ?? base.name,
    derivedFrom: { id: base.id, version: base.version, hash: baseHash },
    items,
  };
  return safeParseRubric(derived);
}
