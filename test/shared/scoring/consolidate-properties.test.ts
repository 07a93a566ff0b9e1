import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '@shared/domain/decimal';
import { consolidatePanel, type PanelProjectTotals } from '@shared/scoring/consolidate';

/** Totals on the half-point grid 0..100, or null (recused). */
const total = fc.oneof(
  fc.integer({ min: 0, max: 200 }).map((halves) => String(halves / 2)),
  fc.constant(null),
);
const EXPERTS = ['甲', '乙', '丙', '丁', '戊', '己', '庚'];
const panel = fc
  .array(fc.array(total, { minLength: EXPERTS.length, maxLength: EXPERTS.length }), { minLength: 1, maxLength: 6 })
  .map((rows) => rows.map((row, i): PanelProjectTotals => ({ id: `P${String(i + 1)}`, scores: Object.fromEntries(row.map((t, j) => [EXPERTS[j] as string, t])) })));

describe('consolidation properties', () => {
  it('mean, trimmed mean and median lie between the lowest and highest counted score; spread is their difference', () => {
    fc.assert(
      fc.property(panel, (projects) => {
        const result = consolidatePanel(projects);
        projects.forEach((project, i) => {
          const figures = result.projects[i];
          const counted = Object.values(project.scores)
            .filter((t): t is string => t !== null)
            .map((t) => new Dec(t));
          expect(figures?.experts).toBe(counted.length);
          if (counted.length === 0) {
            expect(figures?.mean).toBeNull();
            return;
          }
          const low = Dec.min(...counted);
          const high = Dec.max(...counted);
          for (const figure of [figures?.mean, figures?.median, figures?.trimmedMean]) {
            if (figure === null || figure === undefined) continue;
            expect(new Dec(figure).gte(low) && new Dec(figure).lte(high)).toBe(true);
          }
          expect(figures?.spread).toBe(high.minus(low).toFixed(2));
          expect(figures?.trimmedMean === null).toBe(counted.length < 5);
        });
      }),
    );
  });

  it('does not depend on the order of experts or projects', () => {
    fc.assert(
      fc.property(panel, (projects) => {
        const reversed = [...projects].reverse().map((p) => ({ id: p.id, scores: Object.fromEntries(Object.entries(p.scores).reverse()) }));
        const byId = (list: ReturnType<typeof consolidatePanel>['projects']) =>
          Object.fromEntries(list.map(({ id, mean, trimmedMean, median, spread, normalised, rank }) => [id, { mean, trimmedMean, median, spread, normalised, rank }]));
        expect(byId(consolidatePanel(reversed).projects)).toEqual(byId(consolidatePanel(projects).projects));
      }),
    );
  });

  it('normalisation keeps the panel mean: the mean of all normalised scores is the mean of all counted totals', () => {
    fc.assert(
      fc.property(panel, (projects) => {
        const result = consolidatePanel(projects);
        const all = projects.flatMap((p) => Object.values(p.scores).filter((t): t is string => t !== null));
        if (all.length === 0) return;
        const ys = result.projects.flatMap((p) => Object.values(p.normalisedByExpert).map((y) => new Dec(y)));
        const meanY = ys.reduce((s, y) => s.plus(y), new Dec(0)).div(ys.length);
        // Each yₑₚ and the panel mean are rounded to 0.01 for display: each rounding moves a mean by at most 0.005.
        expect(
          meanY
            .minus(result.panelMean ?? '0')
            .abs()
            .lte('0.01'),
        ).toBe(true);
      }),
    );
  });
});
