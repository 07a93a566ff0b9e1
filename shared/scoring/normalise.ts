import { Dec } from '../domain/decimal';
import { mean, standardDeviation } from './panel-statistics';

/**
 * Severity normalisation (评分尺度校正): some experts score everything high, some low, some spread
 * their scores widely. Each expert's totals are turned into z-scores over the projects that expert
 * scored in the batch, and the z-scores are put back on the panel's scale:
 *
 *   μₑ, σₑ  mean and population standard deviation of expert e's totals over the batch
 *   M, S    mean and population standard deviation of all counted totals of the batch (all experts)
 *   zₑₚ = (xₑₚ − μₑ) / σₑ,   or 0 when σₑ = 0
 *   yₑₚ = M + S · zₑₚ
 *   normalised(p) = mean of yₑₚ over the experts counted for project p
 *
 * σₑ = 0 happens when an expert scored one project only or gave every project the same total: such
 * an expert expresses no preference between projects, so each of those scores becomes the panel
 * mean M. See docs/consolidation.md for a worked example.
 */

export interface ExpertScale {
  readonly expert: string;
  readonly projects: number;
  readonly mean: Dec;
  readonly standardDeviation: Dec;
}

export interface Normalisation {
  readonly panelMean: Dec | null;
  readonly panelStandardDeviation: Dec | null;
  readonly experts: readonly ExpertScale[];
  /** yₑₚ by project id, then by expert. */
  readonly scores: ReadonlyMap<string, ReadonlyMap<string, Dec>>;
}

/** `totals`: project id → expert → counted total (recused and incomplete scores already left out). */
export function normalise(totals: ReadonlyMap<string, ReadonlyMap<string, Dec>>): Normalisation {
  const byExpert = new Map<string, Dec[]>();
  const all: Dec[] = [];
  for (const scores of totals.values()) {
    for (const [expert, total] of scores) {
      const own = byExpert.get(expert);
      if (own) own.push(total);
      else byExpert.set(expert, [total]);
      all.push(total);
    }
  }
  const panelMean = mean(all);
  const panelSd = standardDeviation(all);
  const experts = [...byExpert].map(([expert, values]) => ({
    expert,
    projects: values.length,
    mean: mean(values) as Dec,
    standardDeviation: standardDeviation(values) as Dec,
  }));
  const scale = new Map(experts.map((e) => [e.expert, e]));
  const scores = new Map<string, Map<string, Dec>>();
  for (const [project, projectTotals] of totals) {
    const normalised = new Map<string, Dec>();
    for (const [expert, total] of projectTotals) {
      const own = scale.get(expert) as ExpertScale;
      const z = own.standardDeviation.isZero() ? new Dec(0) : total.minus(own.mean).div(own.standardDeviation);
      normalised.set(expert, (panelMean as Dec).plus((panelSd as Dec).times(z)));
    }
    scores.set(project, normalised);
  }
  return { panelMean, panelStandardDeviation: panelSd, experts, scores };
}
