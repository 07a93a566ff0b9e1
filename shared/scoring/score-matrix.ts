import { Dec } from '../domain/decimal';
import { mean } from './panel-statistics';
import type { Rubric } from './rubric-schema';
import { projectTotal } from './score-rules';

/**
 * One project's matrix experts × items with each expert's total. An expert who recused is listed
 * but counts nowhere. An expert who left an item unscored has no total: the total would understate
 * the expert's view, so it is excluded from every aggregate of that project with the missing items
 * named, and the chair sees why instead of a silently lower figure.
 */

export interface ExpertScoreSheet {
  /** Item id → score; missing, null or "" means not scored. */
  readonly items: Readonly<Record<string, string | null | undefined>>;
  readonly recused?: boolean;
}

export interface MatrixRow {
  readonly expert: string;
  readonly recused: boolean;
  readonly items: Readonly<Record<string, string | null>>;
  readonly total: string | null;
  /** Titles of the items left unscored (empty when complete or recused). */
  readonly missing: readonly string[];
}

export interface ExcludedScore {
  readonly expert: string;
  readonly reason: 'recused' | 'incomplete';
  readonly message: string;
}

export interface ScoreMatrix {
  readonly rows: readonly MatrixRow[];
  /** Mean of each item over the experts who scored it (recused experts left out), to two decimals. */
  readonly itemMeans: Readonly<Record<string, string | null>>;
  /** Expert → counted total, or null when recused or incomplete: the input of the consolidation. */
  readonly totals: Readonly<Record<string, string | null>>;
  readonly excluded: readonly ExcludedScore[];
}

const scored = (value: string | null | undefined): value is string => value !== undefined && value !== null && value !== '';

/** `sheets` in panel order: expert → sheet. */
export function buildScoreMatrix(rubric: Rubric, sheets: ReadonlyMap<string, ExpertScoreSheet>): ScoreMatrix {
  const rows: MatrixRow[] = [];
  const totals: Record<string, string | null> = {};
  const excluded: ExcludedScore[] = [];
  for (const [expert, sheet] of sheets) {
    const items = Object.fromEntries(rubric.items.map((item) => [item.id, scored(sheet.items[item.id]) ? (sheet.items[item.id] as string) : null]));
    const recused = sheet.recused === true;
    const missing = recused ? [] : rubric.items.filter((item) => items[item.id] === null).map((item) => item.title);
    const total = recused ? null : projectTotal(rubric, items);
    rows.push({ expert, recused, items, total, missing });
    totals[expert] = total;
    if (recused) excluded.push({ expert, reason: 'recused', message: '已声明回避，不参与本项目的评分汇总' });
    else if (total === null) excluded.push({ expert, reason: 'incomplete', message: `有评分项未评分（${missing.join('、')}），总分不完整，不计入本项目的汇总` });
  }
  const itemMeans = Object.fromEntries(
    rubric.items.map((item) => {
      const values = rows.filter((r) => !r.recused && r.items[item.id] !== null).map((r) => new Dec(r.items[item.id] as string));
      return [item.id, mean(values)?.toFixed(2) ?? null];
    }),
  );
  return { rows, itemMeans, totals, excluded };
}
