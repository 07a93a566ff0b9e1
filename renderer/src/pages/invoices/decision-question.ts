import type { DecisionKind } from '@shared/codes/codes';
import { DECISION_LABEL } from '@shared/codes/labels';
import { deltaSentence, type DecisionEffect } from '@shared/verification/decision-effect';

/** The lines of the question asked before a decision that goes against an error or overturns earlier ones. */
export function effectLines(effect: DecisionEffect, kind: DecisionKind | 'clear', count: number): string[] {
  const lines: string[] = [];
  const one = count === 1;
  if (effect.againstErrors > 0) lines.push(`${one ? '这张发票' : `其中 ${String(effect.againstErrors)} 张`}有错误发现（${effect.firstError ?? '错误'}），建议不予认定。`);
  if (effect.overturnedCount > 0) {
    const earlier = (Object.entries(effect.overturned) as [DecisionKind, number][]).map(([k, n]) => `${DECISION_LABEL[k]} ${String(n)} 张`).join('、');
    const target = kind === 'clear' ? '撤销' : `改为「${DECISION_LABEL[kind]}」`;
    lines.push(
      one ? `这张发票已有结论（${earlier.replace(/ 1 张$/, '')}），将${target}。` : `其中 ${String(effect.overturnedCount)} 张已有不同结论（${earlier}），将${target}。`,
    );
  }
  lines.push(`${deltaSentence(effect.delta)}。`);
  return lines;
}
