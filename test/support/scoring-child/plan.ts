/** The scores the child writes, one per step, so the parent can rebuild what step n left behind. */
export const PLAN_ITEMS = [
  { id: 'construction-indicators', max: 30 },
  { id: 'technical-indicators', max: 25 },
  { id: 'investment-completion', max: 25 },
  { id: 'evidence', max: 20 },
] as const;

export function plannedWrite(step: number): { itemId: string; score: string } {
  const item = PLAN_ITEMS[step % PLAN_ITEMS.length] as (typeof PLAN_ITEMS)[number];
  const halves = (step * 7 + 3) % (item.max * 2 + 1);
  return { itemId: item.id, score: halves % 2 === 0 ? String(halves / 2) : `${String((halves - 1) / 2)}.5` };
}

/** Each item's score after steps 0..last. */
export function scoresAfter(last: number): Record<string, string> {
  const scores: Record<string, string> = {};
  for (let step = 0; step <= last; step++) {
    const { itemId, score } = plannedWrite(step);
    scores[itemId] = score;
  }
  return scores;
}
