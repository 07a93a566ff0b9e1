import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSamplePackage } from '@cli/sample';
import { EXIT_BAD_INPUT, EXIT_OK, runCli } from '@cli/run-cli';
import { RESOURCES_DIR, makeTempDir } from '../../support/temp-dir';

/**
 * The whole panel loop through the CLI on three data folders (two experts and the chair, who also
 * scores), on a generated package of the Xiamen acceptance stage (rubric: construction-indicators
 * 30, technical-indicators 25, investment-completion 25, evidence 20).
 */

async function jigai(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { io: { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, resourcesDir: RESOURCES_DIR });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) as Record<string, unknown> };
}

async function ok(...argv: string[]) {
  const result = await jigai(...argv, '--json');
  expect(result.stderr + result.stdout, argv.join(' ')).not.toContain('"error"');
  expect(result.code).toBe(EXIT_OK);
  return result.json();
}

async function refused(code: string, ...argv: string[]) {
  const result = await jigai(...argv, '--json');
  expect(result.code).toBe(EXIT_BAD_INPUT);
  const body = result.json() as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  return body.error.message;
}

const temp = makeTempDir();
const folder = (name: string) => path.join(temp.dir, name);
const write = (name: string, value: unknown) => {
  const file = folder(name);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
};
const fingerprints: Record<string, string> = {};
let batchId = '';
let p1 = '';
let p2 = '';

function scoreRows(scores: Record<string, [string, string, string, string] | 'recused'>, comments: Record<string, Record<string, string>> = {}) {
  const ids = ['construction-indicators', 'technical-indicators', 'investment-completion', 'evidence'];
  return Object.entries(scores).map(([project, s]) =>
    s === 'recused'
      ? { project, recusal: { kind: '任职关系', note: '在申报单位兼职' } }
      : {
          project,
          recusal: null,
          items: Object.fromEntries(ids.map((id, i) => [id, s[i]])),
          comments: comments[project] ?? {},
          verdict: '通过',
          opinion: `${project} 建设内容已完成。`,
        },
  );
}

beforeAll(async () => {
  process.env.JIGAI_PASSPHRASE = 'panel-loop-passphrase';
  const zip = folder('package.zip');
  const sample = await generateSamplePackage({ projects: 2, invoices: 12, seed: 'panel-cli', outFile: zip, stage: 'acceptance', policy: 'xiamen-2024' });
  batchId = sample.manifest.batch.id;
  [p1, p2] = sample.manifest.projects.map((p) => p.id).sort() as [string, string];
  for (const [name, role] of [
    ['expert-a', 'expert'],
    ['expert-b', 'expert'],
    ['chair', 'chair'],
  ] as const) {
    await ok('import', zip, '--data', folder(name));
    const created = await ok(
      'reviewer',
      'create',
      '--name',
      { 'expert-a': '王立', 'expert-b': '李明', chair: '陈组长' }[name],
      '--org',
      '厦门大学',
      '--role',
      role,
      '--data',
      folder(name),
    );
    fingerprints[name] = created.fingerprint as string;
  }
}, 180_000);

afterAll(() => {
  delete process.env.JIGAI_PASSPHRASE;
  temp.cleanup();
});

describe('the panel loop through the CLI', () => {
  it('shows the batch rubric: the Xiamen acceptance default', async () => {
    const rubric = await ok('rubric', 'show', '--batch', batchId, '--data', folder('expert-a'));
    expect(rubric).toEqual({
      id: 'xiamen-2024-acceptance',
      version: 1,
      items: [
        { id: 'construction-indicators', title: expect.any(String), max: '30' },
        { id: 'technical-indicators', title: expect.any(String), max: '25' },
        { id: 'investment-completion', title: expect.any(String), max: '25' },
        { id: 'evidence', title: expect.any(String), max: '20' },
      ],
    });
    expect(fingerprints['expert-a']).toMatch(/^[0-9a-f]{64}$/u);
  });

  it('refuses a low score without its comment, recording nothing of the file', async () => {
    const message = await refused(
      'BAD_INPUT',
      'scores',
      'record',
      '--batch',
      batchId,
      '--input',
      write('bad.json', scoreRows({ [p1]: ['12', '15', '15', '12'] })),
      '--data',
      folder('chair'),
    );
    expect(message).toContain('评语');
    const progress = await ok('scores', 'record', '--batch', batchId, '--input', write('empty.json', []), '--data', folder('chair'));
    expect((progress.progress as { state: string }[]).map((p) => p.state)).toEqual(['not-started', 'not-started']);
  });

  it('records, exports, imports and consolidates two experts and the chair with hand-worked figures', async () => {
    await ok(
      'scores',
      'record',
      '--batch',
      batchId,
      '--input',
      write('a.json', scoreRows({ [p1]: ['24', '20', '20', '16'], [p2]: 'recused' })),
      '--data',
      folder('expert-a'),
    );
    await ok(
      'scores',
      'record',
      '--batch',
      batchId,
      '--input',
      write('b.json', scoreRows({ [p1]: ['27', '22.5', '21', '15.5'], [p2]: ['25', '20', '20', '15'] })),
      '--data',
      folder('expert-b'),
    );
    const chair = await ok(
      'scores',
      'record',
      '--batch',
      batchId,
      '--input',
      write('c.json', scoreRows({ [p1]: ['12', '15', '15', '12'], [p2]: ['24', '20', '20', '16'] }, { [p1]: { 'construction-indicators': '建设内容仅完成一半。' } })),
      '--data',
      folder('chair'),
    );
    expect((chair.progress as { state: string; total: string }[]).map((p) => [p.state, p.total])).toEqual([
      ['complete', '54'],
      ['complete', '80'],
    ]);

    const fileA = folder('a-v1.json');
    const fileB = folder('b-v1.json');
    expect(await ok('scores', 'export', '--batch', batchId, '--out', fileA, '--data', folder('expert-a'))).toMatchObject({ version: 1 });
    expect(await ok('scores', 'export', '--batch', batchId, '--out', fileB, '--data', folder('expert-b'))).toMatchObject({ version: 1 });
    await ok('scores', 'import', fileA, '--trust', fingerprints['expert-a'] as string, '--data', folder('chair'));
    await ok(
      'scores',
      'import',
      fileB,
      '--trust',
      (fingerprints['expert-b'] as string)
        .toUpperCase()
        .replace(/(.{4})/gu, '$1 ')
        .trim(),
      '--data',
      folder('chair'),
    );

    const result = (await ok('scores', 'consolidate', '--batch', batchId, '--data', folder('chair'))) as {
      method: string;
      projects: {
        id: string;
        experts: number;
        mean: string;
        trimmedMean: string | null;
        median: string;
        spread: string;
        normalised: string | null;
        rank: number;
        divergent: { expert: string; distance: string }[];
      }[];
    };
    expect(result.method).toBe('mean');
    const [first, second] = result.projects;
    // P1: 80, 86, 54 → mean 220/3 = 73.33, median 80, spread 32; 54 is 26 points from the median (> 15).
    expect(first).toMatchObject({ id: p1, experts: 3, mean: '73.33', trimmedMean: null, median: '80.00', spread: '32.00', rank: 2 });
    expect(first?.divergent).toEqual([{ expert: '陈组长', total: '54.00', median: '80.00', distance: '26.00' }]);
    // P2: expert A recused; 80 and 80 → 80.00, spread 0, first place.
    expect(second).toMatchObject({ id: p2, experts: 2, mean: '80.00', median: '80.00', spread: '0.00', rank: 1, divergent: [] });
    expect(first?.normalised).not.toBeNull();

    const audit = await ok('audit', 'verify', '--data', folder('chair'));
    expect(audit).toMatchObject({ holds: true, firstBroken: null });
  }, 120_000);

  it('refuses a tampered file, an unknown signer, another batch’s file and an older version, storing nothing', async () => {
    const before = await ok('audit', 'verify', '--data', folder('chair'));
    // Tampered: one score raised after signing.
    const signed = JSON.parse(fs.readFileSync(folder('a-v1.json'), 'utf8')) as { content: { projects: { projectId: string; scores?: Record<string, string> }[] } };
    const project = signed.content.projects.find((p) => p.scores);
    if (project?.scores) project.scores['evidence'] = '20';
    expect(
      await refused('SIGNATURE_INVALID', 'scores', 'import', write('tampered.json', signed), '--trust', fingerprints['expert-a'] as string, '--data', folder('chair')),
    ).toContain('签名');

    // Unknown signer: a third expert nobody confirmed.
    await ok('import', folder('package.zip'), '--data', folder('expert-d'));
    const d = await ok('reviewer', 'create', '--name', '赵工', '--org', '集美大学', '--role', 'expert', '--data', folder('expert-d'));
    await ok('scores', 'record', '--batch', batchId, '--input', write('d.json', scoreRows({ [p1]: ['24', '20', '20', '16'] })), '--data', folder('expert-d'));
    await ok('scores', 'export', '--batch', batchId, '--out', folder('d-v1.json'), '--data', folder('expert-d'));
    expect(await refused('SIGNER_NOT_TRUSTED', 'scores', 'import', folder('d-v1.json'), '--data', folder('chair'))).toContain('赵工');
    expect(
      await refused('SIGNER_NOT_TRUSTED', 'scores', 'import', folder('d-v1.json'), '--trust', fingerprints['expert-a'] as string, '--data', folder('chair')),
    ).toContain((d.fingerprint as string).slice(0, 4).toUpperCase());

    // Another batch: expert A scores a second package the chair does not hold.
    const other = await generateSamplePackage({
      projects: 1,
      invoices: 5,
      seed: 'panel-cli-other',
      outFile: folder('other.zip'),
      stage: 'acceptance',
      policy: 'xiamen-2024',
      batchId: 'XM-OTHER-01',
    });
    await ok('import', folder('other.zip'), '--data', folder('expert-a'));
    const otherProject = other.manifest.projects[0]?.id as string;
    await ok(
      'scores',
      'record',
      '--batch',
      'XM-OTHER-01',
      '--input',
      write('a-other.json', scoreRows({ [otherProject]: ['24', '20', '20', '16'] })),
      '--data',
      folder('expert-a'),
    );
    await ok('scores', 'export', '--batch', 'XM-OTHER-01', '--out', folder('a-other-v1.json'), '--data', folder('expert-a'));
    expect(
      await refused('OTHER_BATCH', 'scores', 'import', folder('a-other-v1.json'), '--trust', fingerprints['expert-a'] as string, '--data', folder('chair')),
    ).toContain('XM-OTHER-01');

    // Older version: A exports again (version 2), the chair merges it, then the first file is refused.
    await ok('scores', 'record', '--batch', batchId, '--input', write('a2.json', scoreRows({ [p1]: ['25', '20', '20', '16'] })), '--data', folder('expert-a'));
    expect(await ok('scores', 'export', '--batch', batchId, '--out', folder('a-v2.json'), '--data', folder('expert-a'))).toMatchObject({ version: 2 });
    const stored = await ok('audit', 'verify', '--data', folder('chair'));
    expect(stored.entries).toBe(before.entries);
    await ok('scores', 'import', folder('a-v2.json'), '--data', folder('chair'));
    const afterMerge = await ok('audit', 'verify', '--data', folder('chair'));
    expect(await refused('OLDER_VERSION', 'scores', 'import', folder('a-v1.json'), '--data', folder('chair'))).toContain('早于');
    expect(await ok('audit', 'verify', '--data', folder('chair'))).toEqual(afterMerge);
    // Version 2 counts: P1 now 81, 86, 54.
    const result = (await ok('scores', 'consolidate', '--batch', batchId, '--data', folder('chair'))) as { projects: { mean: string }[] };
    expect(result.projects[0]?.mean).toBe('73.67');
  }, 180_000);
});
