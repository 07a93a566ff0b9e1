import { formatIssuePath } from '../rules/zod-errors-zh';
import { safeParseRubric, type Rubric, type RubricItem, type RubricProblem } from './rubric-schema';

export type DerivedRubricResult =
  { readonly ok: true; readonly value: Rubric } | { readonly ok: false; readonly errors: readonly (RubricProblem & { readonly where?: string })[] };

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
  /** The order of the result's items by id (items not named keep their place after the named ones). */
  order?: readonly string[];
}

/** Where a problem of a derived rubric is, in words: `$.items[2].guidance[0].to` → 第 3 个评分项「…」的评分指引第 1 段的上限. */
export function readableRubricPath(path: string, rubric: { items: readonly { title: string }[] }): string {
  const item = /^\$\.items\[(\d+)\](.*)$/u.exec(path);
  if (!item) return path === '$.items' ? '评分项' : '评分标准';
  const index = Number(item[1]);
  const title = rubric.items[index]?.title;
  const where = `第 ${String(index + 1)} 个评分项${title ? `「${title}」` : ''}`;
  const rest = item[2] ?? '';
  const guidance = /^\.guidance\[(\d+)\]\.?(\w*)/u.exec(rest);
  if (guidance) {
    const field = { from: '的下限', to: '的上限', text: '的说明' }[guidance[2] ?? ''] ?? '';
    return `${where}的评分指引第 ${String(Number(guidance[1]) + 1)} 段${field}`;
  }
  const field = { '.max': '的满分', '.title': '的名称', '.description': '的说明', '.guidance': '的评分指引', '.evidence': '的佐证材料', '.id': '的编号' }[
    rest.replace(/\[\d+\]$/u, '')
  ];
  return `${where}${field ?? ''}`;
}

export function deriveRubric(base: Rubric, baseHash: string, adjustments: RubricAdjustments): DerivedRubricResult {
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
  const rank = new Map((adjustments.order ?? []).map((id, i) => [id, i]));
  if (rank.size > 0) items.sort((a, b) => (rank.get(a.id) ?? rank.size) - (rank.get(b.id) ?? rank.size));
  const derived: Rubric = {
    ...base,
    version: adjustments.version ?? base.version + 1,
    name: adjustments.name ?? base.name,
    derivedFrom: { id: base.id, version: base.version, hash: baseHash },
    items,
  };
  const result = safeParseRubric(derived);
  // Each problem also says where in words, for the chair who edits a form rather than JSON.
  return result.ok ? result : { ok: false, errors: result.errors.map((e) => ({ ...e, where: readableRubricPath(e.path, { items }) })) };
}
