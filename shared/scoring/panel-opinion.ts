import { enumLabel, VERDICTS, type Verdict } from '../domain/enums';

/**
 * The first draft of the panel's opinion (专家组意见) for the chair to edit: the verdict counts, a
 * suggested panel verdict and each expert's opinion in panel order. Deterministic, so the same scores
 * always give the same draft. The suggested verdict is the one most experts gave; on a tie the
 * stricter one (不通过 before 基本通过 before 通过), because public money is at stake and the chair
 * can always relax it.
 */

export interface ExpertOpinion {
  /** The expert's name as the report shows it. */
  readonly name: string;
  readonly recused: boolean;
  readonly verdict: Verdict | null;
  readonly opinion: string;
}

export interface PanelOpinionDraft {
  readonly verdict: Verdict | null;
  readonly counts: Readonly<Record<Verdict, number>>;
  readonly text: string;
}

const STRICTEST_FIRST: readonly Verdict[] = ['fail', 'basic-pass', 'pass'];

export function draftPanelOpinion(experts: readonly ExpertOpinion[]): PanelOpinionDraft {
  const counted = experts.filter((e) => !e.recused);
  const counts: Record<Verdict, number> = { pass: 0, 'basic-pass': 0, fail: 0 };
  for (const expert of counted) if (expert.verdict) counts[expert.verdict] += 1;
  const most = Math.max(...STRICTEST_FIRST.map((v) => counts[v]));
  const verdict = most === 0 ? null : (STRICTEST_FIRST.find((v) => counts[v] === most) ?? null);

  const recused = experts.length - counted.length;
  const tally = VERDICTS.map((v) => `${v.label} ${String(counts[v.id])} 人`).join('，');
  const lines = [
    `专家组 ${String(experts.length)} 人${recused > 0 ? `（其中 ${String(recused)} 人回避）` : ''}，参与评审 ${String(counted.length)} 人：${tally}。`,
    verdict ? `建议结论：${enumLabel(VERDICTS, verdict)}。` : '尚无专家给出评审结论。',
    '各位专家的意见：',
    ...counted.map((e) => `${e.name}（${e.verdict ? enumLabel(VERDICTS, e.verdict) : '未给出结论'}）：${e.opinion.trim() || '（未填写意见）'}`),
  ];
  return { verdict, counts, text: lines.join('\n') };
}
