import { describe, expect, it } from 'vitest';
import { consolidatePanel, type PanelProjectTotals } from '@shared/scoring/consolidate';
import { rankByFigure } from '@shared/scoring/ranking';

/** Every expected figure below is worked out by hand in the comment next to it. */

const project = (id: string, scores: Record<string, string | null>): PanelProjectTotals => ({ id, scores });

describe('consolidation of one project', () => {
  it('five experts with a tie: mean, trimmed mean, median, spread, divergence from the median', () => {
    const [p] = consolidatePanel([project('P1', { 甲: '80', 乙: '85', 丙: '85', 丁: '90', 戊: '62.5' })]).projects;
    expect(p).toMatchObject({
      experts: 5,
      mean: '80.50', // (80 + 85 + 85 + 90 + 62.5) / 5 = 402.5 / 5
      trimmedMean: '83.33', // drop 90 and 62.5: (80 + 85 + 85) / 3 = 83.333…
      median: '85.00', // sorted 62.5, 80, 85, 85, 90
      spread: '27.50', // 90 − 62.5
      normalised: '80.50', // one project: every expert's σ = 0, so each yₑ = panel mean M = 80.5
      rank: 1,
    });
    // |62.5 − 85| = 22.5 > 15; the others are 5, 0, 0 and 5 points away
    expect(p?.divergent).toEqual([{ expert: '戊', total: '62.50', median: '85.00', distance: '22.50' }]);
  });

  it('drops only one of several equal highest and lowest scores', () => {
    const [p] = consolidatePanel([project('P1', { a: '90', b: '90', c: '80', d: '70', e: '70' })]).projects;
    // drop one 90 and one 70: (90 + 80 + 70) / 3 = 80; mean 400 / 5 = 80; median 80; spread 20
    expect(p).toMatchObject({ trimmedMean: '80.00', mean: '80.00', median: '80.00', spread: '20.00' });
  });

  it('rounds once at the end, half up', () => {
    const scores = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((e) => [e, '80']));
    const [p] = consolidatePanel([project('P1', { ...scores, h: '81' })]).projects;
    // 641 / 8 = 80.125 → 80.13 (half up; banker's rounding would give 80.12)
    expect(p?.mean).toBe('80.13');
    // trimmed: (641 − 81 − 80) / 6 = 80 exactly
    expect(p?.trimmedMean).toBe('80.00');
    // median of seven 80s and one 81 = (80 + 80) / 2
    expect(p?.median).toBe('80.00');
  });

  it('leaves recused experts out of every figure and has no trimmed mean below five scores', () => {
    const [p] = consolidatePanel([project('P1', { 甲: '80', 乙: null, 丙: '70', 丁: '90' })]).projects;
    expect(p).toMatchObject({
      experts: 3,
      notCounted: ['乙'],
      mean: '80.00', // (80 + 70 + 90) / 3
      trimmedMean: null, // 3 scores < 5
      median: '80.00',
      spread: '20.00',
    });
    expect(Object.keys(p?.normalisedByExpert ?? {})).toEqual(['甲', '丙', '丁']);
  });

  it('four experts: median is the mean of the two middle scores', () => {
    const [p] = consolidatePanel([project('P1', { a: '70', b: '80', c: '86', d: '95' })]).projects;
    // mean 331 / 4 = 82.75; median (80 + 86) / 2 = 83; spread 25
    expect(p).toMatchObject({ experts: 4, mean: '82.75', trimmedMean: null, median: '83.00', spread: '25.00' });
  });

  it('one expert only: every figure is that score, spread 0, no trimmed mean', () => {
    const [p] = consolidatePanel([project('P1', { 甲: '77.5' })]).projects;
    expect(p).toMatchObject({ experts: 1, mean: '77.50', trimmedMean: null, median: '77.50', spread: '0.00', normalised: '77.50', divergent: [] });
  });

  it('a project every expert recused from has no figures and no place', () => {
    const result = consolidatePanel([project('P1', { 甲: null, 乙: null }), project('P2', { 甲: '60', 乙: '70' })]);
    expect(result.projects[0]).toMatchObject({ experts: 0, mean: null, trimmedMean: null, median: null, spread: null, normalised: null, rank: null });
    expect(result.projects[1]?.rank).toBe(1);
  });

  it('the divergence threshold is configurable and strict (exactly N points away is not flagged)', () => {
    const panel = [project('P1', { 甲: '80', 乙: '85', 丙: '85', 丁: '90', 戊: '62.5' })];
    // distances from the median 85: 5, 0, 0, 5, 22.5
    expect(consolidatePanel(panel, { divergencePoints: '5' }).projects[0]?.divergent.map((d) => d.expert)).toEqual(['戊']);
    expect(consolidatePanel(panel, { divergencePoints: '4.5' }).projects[0]?.divergent.map((d) => d.expert)).toEqual(['甲', '丁', '戊']);
    expect(consolidatePanel(panel, { divergencePoints: '30' }).projects[0]?.divergent).toEqual([]);
  });
});

describe('severity normalisation across a batch', () => {
  // 甲 is lenient (90, 85, 80), 乙 harsh (70, 60, 50), 丙 gives everything 75.
  const batch = [project('P1', { 甲: '90', 乙: '70', 丙: '75' }), project('P2', { 甲: '85', 乙: '60', 丙: '75' }), project('P3', { 甲: '80', 乙: '50', 丙: '75' })];

  it('puts each expert on the panel scale (worked example of docs/consolidation.md)', () => {
    const result = consolidatePanel(batch, { method: 'normalised' });
    // M = 660 / 9 = 73.333…; Σx² = 49600, so S² = 49600 / 9 − M² = 1200 / 9 and S = √133.33… = 11.547
    expect(result.panelMean).toBe('73.33');
    expect(result.panelStandardDeviation).toBe('11.55');
    // 甲: μ 85, σ = √(50/3) = 4.082; 乙: μ 60, σ = √(200/3) = 8.165; 丙: μ 75, σ 0
    expect(result.experts).toEqual([
      { expert: '甲', projects: 3, mean: '85.00', standardDeviation: '4.08' },
      { expert: '乙', projects: 3, mean: '60.00', standardDeviation: '8.16' },
      { expert: '丙', projects: 3, mean: '75.00', standardDeviation: '0.00' },
    ]);
    const [p1, p2, p3] = result.projects;
    // z for 甲 and 乙 on P1 = +√1.5 = 1.2247; y = M + S·z = 73.333 + √200 = 87.475; 丙: z = 0 → y = M
    expect(p1?.normalisedByExpert).toEqual({ 甲: '87.48', 乙: '87.48', 丙: '73.33' });
    // P1: (2 × 87.4755 + 73.3333) / 3 = M + (2/3)√200 = 82.7614
    expect(p1?.normalised).toBe('82.76');
    // P2: everybody at his own mean → z = 0 → M
    expect(p2?.normalised).toBe('73.33');
    // P3: M − (2/3)√200 = 63.9052
    expect(p3?.normalised).toBe('63.91');
    // plain means for comparison: 235/3 = 78.33, 220/3 = 73.33, 205/3 = 68.33
    expect([p1?.mean, p2?.mean, p3?.mean]).toEqual(['78.33', '73.33', '68.33']);
    expect([p1?.rank, p2?.rank, p3?.rank]).toEqual([1, 2, 3]);
  });

  it('an expert with zero variance or a single project maps to the panel mean', () => {
    const result = consolidatePanel([project('P1', { 甲: '90', 乙: '60' }), project('P2', { 甲: '70' })]);
    // M = (90 + 60 + 70) / 3 = 73.3333; S² = (16.667² + 13.333² + 3.333²) / 3 = 1400 / 9 = 155.556, S = 12.47219
    // 甲: μ 80, σ 10, z(P1) = +1, z(P2) = −1; 乙 scored one project: σ = 0 → z = 0 → y = M
    expect(result.projects[0]?.normalisedByExpert).toEqual({ 甲: '85.81', 乙: '73.33' }); // 73.33333 + 12.47219 = 85.80552
    expect(result.projects[1]?.normalisedByExpert).toEqual({ 甲: '60.86' }); // 73.33333 − 12.47219 = 60.86114
    expect(result.projects[0]?.normalised).toBe('79.57'); // (85.80552 + 73.33333) / 2 = 79.56943
  });

  it('when every total in the batch is equal, every normalised score is that total', () => {
    const result = consolidatePanel([project('P1', { 甲: '80', 乙: '80' }), project('P2', { 甲: '80', 乙: '80' })]);
    expect(result.panelStandardDeviation).toBe('0.00');
    expect(result.projects.map((p) => p.normalised)).toEqual(['80.00', '80.00']);
  });
});

describe('ranking', () => {
  it('gives equal figures the same place and skips the next (1, 2, 2, 4), ordered by id within a place', () => {
    const result = consolidatePanel([
      project('C', { 甲: '80', 乙: '80' }),
      project('B', { 甲: '85', 乙: '85' }),
      project('A', { 甲: '75', 乙: '85' }),
      project('D', { 甲: '70', 乙: '70' }),
    ]);
    expect(result.projects.map((p) => [p.id, p.mean, p.rank])).toEqual([
      ['C', '80.00', 2],
      ['B', '85.00', 1],
      ['A', '80.00', 2],
      ['D', '70.00', 4],
    ]);
  });

  it('compares the rounded figures a report prints', () => {
    expect(
      rankByFigure([
        { id: 'x', figure: '80.17' },
        { id: 'y', figure: '80.17' },
        { id: 'z', figure: '80.16' },
        { id: 'w', figure: null },
      ]),
    ).toEqual(
      new Map([
        ['x', 1],
        ['y', 1],
        ['z', 3],
        ['w', null],
      ]),
    );
  });

  it('ranks by the chosen method; a method that does not apply to a project leaves it unplaced', () => {
    const five = { a: '90', b: '90', c: '60', d: '60', e: '60' };
    const result = consolidatePanel([project('P1', five), project('P2', { a: '70', b: '70', c: '70' })], { method: 'trimmedMean' });
    // P1 trimmed: (90 + 60 + 60) / 3 = 70; P2 has 3 scores → no trimmed mean → no place
    expect(result.projects.map((p) => [p.trimmedMean, p.rank])).toEqual([
      ['70.00', 1],
      [null, null],
    ]);
    const byMedian = consolidatePanel([project('P1', five), project('P2', { a: '70', b: '70', c: '70' })], { method: 'median' });
    // medians 60 and 70
    expect(byMedian.projects.map((p) => p.rank)).toEqual([2, 1]);
  });
});
