import type { BatchRubricDto } from '../api/panel-contract';
import { Dec } from '../domain/decimal';
import { halfPointsProblem } from './half-points';
import { RUBRIC_TOTAL } from './rubric-schema';

/** One item of the chair's draft rubric, as the form edits it (texts; evidence one per line). */
export interface DraftItem {
  readonly id: string;
  readonly title: string;
  readonly max: string;
  readonly description: string;
  readonly guidance: readonly { from: string; to: string; text: string }[];
  readonly evidence: string;
  /** Added by the chair in this draft (its evidence is required). */
  readonly added: boolean;
}

export const draftOf = (rubric: BatchRubricDto): DraftItem[] =>
  rubric.items.map((i) => ({ id: i.id, title: i.title, max: i.max, description: i.description, guidance: i.guidance, evidence: i.evidence.join('\n'), added: false }));

/** A new item: an id not used by the draft, one guidance range from 0 to its maximum. */
export function newItem(draft: readonly DraftItem[]): DraftItem {
  let n = draft.length + 1;
  while (draft.some((i) => i.id === `added-${String(n)}`)) n++;
  return { id: `added-${String(n)}`, title: '', max: '0', description: '', guidance: [{ from: '0', to: '0', text: '' }], evidence: '', added: true };
}

/** The sum of the maxima, or null while one of them is not a number. */
export function maximaSum(draft: readonly DraftItem[]): string | null {
  if (draft.some((i) => halfPointsProblem(i.max, '满分') !== null)) return null;
  return draft.reduce((sum, i) => sum.plus(i.max), new Dec(0)).toString();
}

/** What stops the draft from being saved, in Chinese, item by item; the server checks the guidance ranges again. */
export function draftProblems(draft: readonly DraftItem[]): string[] {
  const problems: string[] = [];
  if (draft.length === 0) problems.push('评分标准至少要有一个评分项');
  draft.forEach((item, i) => {
    const name = `第 ${String(i + 1)} 项${item.title.trim() ? `「${item.title.trim()}」` : ''}`;
    if (!item.title.trim()) problems.push(`${name}：请填写评分项名称`);
    const maxProblem = halfPointsProblem(item.max, '满分');
    if (maxProblem) problems.push(`${name}：${maxProblem}`);
    else if (new Dec(item.max).lte(0)) problems.push(`${name}：满分应大于 0`);
    if (!item.description.trim()) problems.push(`${name}：请填写评分项说明`);
    if (item.guidance.some((g) => !g.text.trim())) problems.push(`${name}：每个评分指引分段都要写明说明`);
    if (item.added && !item.evidence.trim()) problems.push(`${name}：新增的评分项须列出佐证材料`);
  });
  const sum = maximaSum(draft);
  if (sum !== null && !new Dec(sum).eq(RUBRIC_TOTAL)) problems.push(`各评分项满分之和应为 ${RUBRIC_TOTAL} 分，现在为 ${sum} 分`);
  return problems;
}

/** The draft as the API's adjustment input. */
export const adjustmentOf = (draft: readonly DraftItem[]) =>
  draft.map((i) => ({
    id: i.id,
    title: i.title.trim(),
    max: i.max,
    description: i.description.trim(),
    guidance: i.guidance.map((g) => ({ from: g.from, to: g.to, text: g.text.trim() })),
    evidence: i.evidence
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
  }));
