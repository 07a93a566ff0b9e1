import { Dec } from '../domain/decimal';
import { parseVerdict, type Verdict } from '../domain/enums';
import { isBlank } from '../domain/text';
import { formatPoints, halfPointsProblem } from './half-points';
import type { Rubric, RubricItem } from './rubric-schema';

/**
 * What makes one expert's score of one project acceptable: each item within 0..max in half points,
 * a written reason where the score is low (below 60% of the item's maximum) or full (the maximum),
 * and, when the expert hands the score in, every item scored, a verdict and an opinion.
 */

/** A score below this share of the item's maximum must be explained. */
export const COMMENT_BELOW_SHARE = new Dec('0.6');

export interface ProjectScoreInput {
  /** Item id → score as a decimal string; a missing or empty entry is not yet scored. */
  readonly items: Readonly<Record<string, string | null | undefined>>;
  readonly comments?: Readonly<Record<string, string | null | undefined>>;
  /** A verdict code or its label (通过 / 基本通过 / 不通过). */
  readonly verdict?: string | null;
  readonly opinion?: string | null;
}

export interface ScoreProblem {
  /** The rubric item concerned, when there is one. */
  readonly itemId?: string;
  readonly field: 'score' | 'comment' | 'verdict' | 'opinion';
  readonly message: string;
}

export interface ScoreCheckOptions {
  /** Handing in (export, submit): everything must be there. While typing, gaps are allowed. */
  readonly complete: boolean;
}

export function commentRequired(item: Pick<RubricItem, 'max'>, score: string): boolean {
  const value = new Dec(score);
  return value.lt(new Dec(item.max).times(COMMENT_BELOW_SHARE)) || value.eq(item.max);
}

export function validateProjectScore(rubric: Rubric, input: ProjectScoreInput, options: ScoreCheckOptions): ScoreProblem[] {
  const problems: ScoreProblem[] = [];
  const items = new Map(rubric.items.map((item) => [item.id, item]));
  for (const itemId of Object.keys(input.items)) {
    if (!items.has(itemId)) problems.push({ itemId, field: 'score', message: `评分标准「${rubric.name}」中没有评分项「${itemId}」` });
  }
  for (const item of rubric.items) {
    const score = input.items[item.id];
    if (score === undefined || score === null || score === '') {
      if (options.complete) problems.push({ itemId: item.id, field: 'score', message: `「${item.title}」尚未评分（满分 ${item.max} 分）` });
      continue;
    }
    const problem = itemScoreProblem(item, score);
    if (problem) {
      problems.push({ itemId: item.id, field: 'score', message: problem });
      continue;
    }
    if (commentRequired(item, score) && isBlank(input.comments?.[item.id])) {
      const why = new Dec(score).eq(item.max)
        ? `给了满分 ${item.max} 分`
        : `得分 ${score} 分低于本项满分的 60%（${formatPoints(new Dec(item.max).times(COMMENT_BELOW_SHARE))} 分）`;
      problems.push({ itemId: item.id, field: 'comment', message: `「${item.title}」${why}，须填写评语说明理由` });
    }
  }
  if (input.verdict !== undefined && input.verdict !== null && input.verdict !== '') {
    const verdict = parseVerdict(input.verdict, '评审结论');
    if (!verdict.ok) problems.push({ field: 'verdict', message: verdict.message });
  } else if (options.complete) {
    problems.push({ field: 'verdict', message: '尚未给出评审结论（通过、基本通过或不通过）' });
  }
  if (options.complete && isBlank(input.opinion)) problems.push({ field: 'opinion', message: '尚未填写评审意见' });
  return problems;
}

/** Why a score cannot stand for this item, in Chinese naming the item, or null. */
export function itemScoreProblem(item: Pick<RubricItem, 'title' | 'max'>, score: string): string | null {
  const shape = halfPointsProblem(score, `「${item.title}」的得分`);
  if (shape) return shape;
  if (new Dec(score).gt(item.max)) return `「${item.title}」的得分 ${score} 分超过本项满分 ${item.max} 分`;
  return null;
}

/** The project's score: the sum of its item scores, or null while any item is unscored. */
export function projectTotal(rubric: Rubric, items: ProjectScoreInput['items']): string | null {
  let total = new Dec(0);
  for (const item of rubric.items) {
    const score = items[item.id];
    if (score === undefined || score === null || score === '') return null;
    total = total.plus(score);
  }
  return formatPoints(total);
}

export function readVerdict(input: string): Verdict | null {
  const verdict = parseVerdict(input);
  return verdict.ok ? verdict.value : null;
}
