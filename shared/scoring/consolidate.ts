import { Dec } from '../domain/decimal';
import type { EnumOption } from '../domain/enums';
import { normalise } from './normalise';
import { mean, totalsFigures } from './panel-statistics';
import { rankByFigure } from './ranking';

/**
 * The chair's consolidation (汇总) of a batch: per project the counted totals side by side as mean,
 * trimmed mean, median, spread and severity-normalised mean; scores far from the project's median
 * flagged; projects ranked by the method the batch states. Everything is computed exactly with
 * decimal.js and rounded once, at the end, to 0.01 half up. A null total (recused, or incomplete —
 * see score-matrix.ts) is left out of every figure. The formulas are in docs/consolidation.md.
 */

export const CONSOLIDATION_METHOD_IDS = ['mean', 'trimmedMean', 'median', 'normalised'] as const;
export type ConsolidationMethod = (typeof CONSOLIDATION_METHOD_IDS)[number];

export const CONSOLIDATION_METHODS: readonly EnumOption<ConsolidationMethod>[] = [
  { id: 'mean', label: '算术平均分' },
  { id: 'trimmedMean', label: '去掉一个最高分和一个最低分后的平均分' },
  { id: 'median', label: '中位数' },
  { id: 'normalised', label: '评分尺度校正后的平均分' },
];

/** A score further than this many points from the project's median is flagged. */
export const DEFAULT_DIVERGENCE_POINTS = '15';

export interface PanelProjectTotals {
  readonly id: string;
  /** Expert → total as a decimal string, or null when the expert's score does not count (recused or incomplete). */
  readonly scores: Readonly<Record<string, string | null>>;
}

export interface ConsolidationOptions {
  readonly method?: ConsolidationMethod;
  /** Points from the median beyond which a score is flagged; default 15. */
  readonly divergencePoints?: string;
}

export interface DivergentScore {
  readonly expert: string;
  readonly total: string;
  readonly median: string;
  /** |total − median| */
  readonly distance: string;
}

export interface ProjectConsolidation {
  readonly id: string;
  /** Number of counted scores. */
  readonly experts: number;
  /** Experts whose score does not count (null in the input). */
  readonly notCounted: readonly string[];
  readonly mean: string | null;
  readonly trimmedMean: string | null;
  readonly median: string | null;
  readonly spread: string | null;
  readonly normalised: string | null;
  /** Each counted expert's normalised score yₑₚ. */
  readonly normalisedByExpert: Readonly<Record<string, string>>;
  readonly divergent: readonly DivergentScore[];
  /** Place by the chosen method; equal figures share a place; null without a figure. */
  readonly rank: number | null;
}

export interface PanelConsolidation {
  readonly method: ConsolidationMethod;
  readonly divergencePoints: string;
  readonly panelMean: string | null;
  readonly panelStandardDeviation: string | null;
  readonly experts: readonly { expert: string; projects: number; mean: string; standardDeviation: string }[];
  readonly projects: readonly ProjectConsolidation[];
}

const round = (value: Dec | null): string | null => (value === null ? null : value.toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2));

export function consolidatePanel(projects: readonly PanelProjectTotals[], options: ConsolidationOptions = {}): PanelConsolidation {
  const method = options.method ?? 'mean';
  const divergencePoints = options.divergencePoints ?? DEFAULT_DIVERGENCE_POINTS;
  const threshold = new Dec(divergencePoints);
  const ids = new Set(projects.map((p) => p.id));
  // Callers validate their input (panel-input.ts); a repeated id here is a programming error.
  if (ids.size !== projects.length) throw new Error('汇总的项目编号有重复');

  const counted = new Map(
    projects.map((p) => [p.id, new Map(Object.entries(p.scores).flatMap(([expert, total]) => (total === null ? [] : [[expert, new Dec(total)] as const])))]),
  );
  const normalisation = normalise(counted);

  const figures = projects.map((project) => {
    const totals = counted.get(project.id) as Map<string, Dec>;
    const values = [...totals.values()];
    const stats = totalsFigures(values);
    const normalisedScores = normalisation.scores.get(project.id) as ReadonlyMap<string, Dec>;
    const median = stats.median;
    const divergent =
      median === null
        ? []
        : [...totals].flatMap(([expert, total]) => {
            const distance = total.minus(median).abs();
            return distance.gt(threshold) ? [{ expert, total: round(total) as string, median: round(median) as string, distance: round(distance) as string }] : [];
          });
    return {
      id: project.id,
      experts: stats.count,
      notCounted: Object.entries(project.scores)
        .filter(([, total]) => total === null)
        .map(([expert]) => expert),
      mean: round(stats.mean),
      trimmedMean: round(stats.trimmedMean),
      median: round(stats.median),
      spread: round(stats.spread),
      normalised: round(mean([...normalisedScores.values()])),
      normalisedByExpert: Object.fromEntries([...normalisedScores].map(([expert, y]) => [expert, round(y) as string])),
      divergent,
    };
  });
  const places = rankByFigure(figures.map((f) => ({ id: f.id, figure: f[method] })));
  return {
    method,
    divergencePoints,
    panelMean: round(normalisation.panelMean),
    panelStandardDeviation: round(normalisation.panelStandardDeviation),
    experts: normalisation.experts.map((e) => ({
      expert: e.expert,
      projects: e.projects,
      mean: round(e.mean) as string,
      standardDeviation: round(e.standardDeviation) as string,
    })),
    projects: figures.map((f) => ({ ...f, rank: places.get(f.id) ?? null })),
  };
}
