import type { ScoringSheetDto } from '@shared/api/panel-contract';
import { Dec } from '@shared/domain/decimal';
import { formatPoints } from '@shared/scoring/half-points';
import { commentRequired, itemScoreProblem } from '@shared/scoring/score-rules';

/** What the reviewer has typed for one item; the screen's truth while they type. */
export interface ItemDraft {
  score: string;
  comment: string;
  attachment: string | null;
  page: number | null;
}

export type RubricItemDto = ScoringSheetDto['rubric']['items'][number];

export function draftsOf(sheet: ScoringSheetDto): Record<string, ItemDraft> {
  return Object.fromEntries(sheet.items.map((i) => [i.itemId, { score: i.score ?? '', comment: i.comment, attachment: i.attachment, page: i.page }]));
}

/** Why the typed score cannot be saved, or null (an empty box is not a problem: it is not scored yet). */
export function typedScoreProblem(item: RubricItemDto, typed: string): string | null {
  return typed.trim() === '' ? null : itemScoreProblem(item, typed.trim());
}

export function needsComment(item: RubricItemDto, typed: string): boolean {
  return typed.trim() !== '' && typedScoreProblem(item, typed) === null && commentRequired(item, typed.trim());
}

/** The guidance paragraph whose range holds the typed score. */
export function guidanceFor(item: RubricItemDto, typed: string) {
  if (typed.trim() === '' || typedScoreProblem(item, typed) !== null) return null;
  const score = new Dec(typed.trim());
  return item.guidance.find((g) => score.gte(g.from) && score.lte(g.to)) ?? null;
}

/** The live total of the valid scores typed, and how many items are still open. */
export function liveTotal(items: readonly RubricItemDto[], drafts: Readonly<Record<string, ItemDraft>>): { total: string; open: number } {
  let total = new Dec(0);
  let open = 0;
  for (const item of items) {
    const typed = drafts[item.id]?.score ?? '';
    if (typed.trim() === '' || typedScoreProblem(item, typed) !== null) open += 1;
    else total = total.plus(typed.trim());
  }
  return { total: formatPoints(total), open };
}
