import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir';
import { MUTATIONS } from './mutations';
import { reproduceCommand, runFuzz } from './run-fuzz';

const work = makeTempDir('jigai-fuzz-');
afterAll(() => work.cleanup());

const SEED = 'npm-test';
const COUNT = 150;

describe('mutated packages (a bounded fuzz run; npm run fuzz runs thousands)', () => {
  it(`${String(COUNT)} cases each end in a clean import or a located refusal, never a crash, hang, 1 GiB or partial store`, async () => {
    const summary = await runFuzz({ count: COUNT, seed: SEED, jobs: 2, timeoutMs: 60_000, work: work.dir });
    const failures = summary.failures.map((f) => `#${String(f.index)} ${f.mutation} ${f.detail}: ${f.reason ?? ''} — ${reproduceCommand(SEED, f.index)}`);
    expect(failures).toEqual([]);
    expect(summary.tried).toBe(COUNT);
    // Both outcomes occur, and every kind of mutation was tried: the run exercised what it claims to.
    expect(summary.imported).toBeGreaterThan(0);
    expect(summary.refused).toBeGreaterThan(0);
    expect(Object.keys(summary.byMutation).sort()).toEqual([...MUTATIONS].sort());
  }, 900_000);

  // Cases a long run once failed on, kept so they stay fixed.
  it.each([
    // A workbook whose workbook.xml was damaged so that exceljs loaded it without properties.
    ['long-1', 3263],
  ])(
    'seed %s case %i',
    async (seed, index) => {
      const summary = await runFuzz({ count: 0, only: index, seed, jobs: 1, timeoutMs: 60_000, work: work.dir });
      expect(summary.failures.map((f) => f.reason)).toEqual([]);
      expect(summary.refused).toBe(1);
    },
    300_000,
  );
});
