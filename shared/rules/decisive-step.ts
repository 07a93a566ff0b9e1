/**
 * The step of an award's trace that decides the amount, for the one line under 奖补金额. The last
 * step is often a one-off bonus (「不满足条件，不予奖励」) or a fund-source note, which says nothing
 * about why the award is what it is; the deciding step is, in this order: a failed acceptance that
 * takes everything back, the first failed eligibility condition, a missing fund source, the policy
 * without a formula, and otherwise the award rule itself (its band, rate and binding cap).
 */
export interface AwardStepLike {
  readonly rule?: string | undefined;
  readonly text: string;
}

const DECIDERS: readonly ((step: AwardStepLike) => boolean)[] = [
  (step) => step.rule === 'acceptance',
  (step) => step.rule?.startsWith('eligibility:') === true && step.text.startsWith('资格条件不满足'),
  (step) => step.rule === 'fund-source',
  (step) => step.rule === 'no-formula',
  (step) => step.rule === 'award' || step.rule?.startsWith('award:') === true,
];

export function decisiveAwardStep<T extends AwardStepLike>(trace: readonly T[]): T | undefined {
  for (const decides of DECIDERS) {
    const found = trace.find(decides);
    if (found) return found;
  }
  return trace.at(-1);
}

/**
 * The deciding step in a line: an award rule's step reads 「适用「规则名」（条件）：…」, and on a
 * card only what follows the rule's name matters (the band, the arithmetic, the cap).
 */
export function awardReasonText(step: AwardStepLike): string {
  if (step.rule?.startsWith('award') !== true) return step.text;
  const applied = /^适用「[^」]*」(?:（[^）]*）)?：/u.exec(step.text);
  return applied ? step.text.slice(applied[0].length) : step.text;
}
