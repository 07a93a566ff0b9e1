import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_BAD_INPUT, EXIT_OK, runCli } from '@cli/run-cli';
import { generateSamplePackage } from '@cli/sample';
import { RESOURCES_DIR, makeTempDir } from '@test/support/temp-dir';

/** `jigai rubric adjust`: the chair's adjustment before scoring, checked, versioned, then frozen; then a signed export. */
const temp = makeTempDir();
const dir = (name: string) => path.join(temp.dir, name);
let batchId = '';
let p1 = '';

async function jigai(...argv: string[]) {
  let stdout = '';
  const code = await runCli([...argv, '--json'], { io: { stdout: (t) => (stdout += t), stderr: (t) => (stdout += t) }, resourcesDir: RESOURCES_DIR });
  return { code, body: JSON.parse(stdout) as Record<string, unknown> & { error?: { code: string; message: string } } };
}
const write = (name: string, value: unknown) => {
  fs.writeFileSync(dir(name), JSON.stringify(value));
  return dir(name);
};
const guidance = (max: string) => [
  { from: '0', to: String(Number(max) / 2), text: '明显不足' },
  { from: String(Number(max) / 2 + 0.5), to: max, text: '基本达到或达到' },
];

beforeAll(async () => {
  process.env.JIGAI_PASSPHRASE = 'rubric-adjust-passphrase';
  const sample = await generateSamplePackage({ projects: 1, invoices: 5, seed: 'rubric-adjust', outFile: dir('p.zip'), stage: 'acceptance', policy: 'xiamen-2024' });
  batchId = sample.manifest.batch.id;
  p1 = sample.manifest.projects[0]?.id ?? '';
  for (const [folder, role] of [
    ['chair', 'chair'],
    ['expert', 'expert'],
  ] as const) {
    expect((await jigai('import', dir('p.zip'), '--data', dir(folder))).code).toBe(EXIT_OK);
    expect((await jigai('reviewer', 'create', '--name', role === 'chair' ? '陈组长' : '王立', '--org', '厦门大学', '--role', role, '--data', dir(folder))).code).toBe(
      EXIT_OK,
    );
  }
}, 120_000);

afterAll(() => {
  delete process.env.JIGAI_PASSPHRASE;
  temp.cleanup();
});

describe('jigai rubric adjust', () => {
  const shown = async () => (await jigai('rubric', 'show', '--batch', batchId, '--data', dir('chair'))).body as { version: number; items: { id: string; max: string }[] };

  it('refuses maxima that do not sum to 100 and an expert’s adjustment, storing nothing', async () => {
    const bad = await jigai(
      'rubric',
      'adjust',
      '--batch',
      batchId,
      '--input',
      write('bad.json', { items: [{ id: 'evidence', title: '佐证材料', max: '90', description: '佐证材料齐全', guidance: guidance('90') }] }),
      '--data',
      dir('chair'),
    );
    expect(bad.code).toBe(EXIT_BAD_INPUT);
    expect(bad.body.error?.message).toContain('各评分项满分之和应为 100 分，实际为 90 分');
    const byExpert = await jigai('rubric', 'adjust', '--batch', batchId, '--input', dir('bad.json'), '--data', dir('expert'));
    expect(byExpert.code).toBe(EXIT_BAD_INPUT);
    expect(byExpert.body.error?.message).toContain('组长');
    expect(await shown()).toMatchObject({ version: 1 });
  });

  it('names the item whose guidance is wrong, in words', async () => {
    const bad = await jigai(
      'rubric',
      'adjust',
      '--batch',
      batchId,
      '--input',
      write('gap.json', [
        { id: 'construction-indicators', title: '建设内容', max: '60', description: '建设内容完成情况', guidance: [{ from: '0', to: '50', text: '未完成' }] },
        { id: 'evidence', title: '佐证材料', max: '40', description: '佐证材料齐全', guidance: guidance('40') },
      ]),
      '--data',
      dir('chair'),
    );
    expect(bad.code).toBe(EXIT_BAD_INPUT);
    expect(bad.body.error?.message).toContain('评分项「建设内容」的评分指引');
    expect(bad.body.error?.message).not.toContain('$.items');
  });

  it('changes maxima, removes and adds an item as the next version, frozen after the first score', async () => {
    const items = [
      { id: 'construction-indicators', title: '建设内容与技术指标', max: '50', description: '建设内容与技术指标完成情况', guidance: guidance('50') },
      { id: 'investment-completion', title: '投资完成情况', max: '30', description: '实际投资与计划投资的比例', guidance: guidance('30') },
      { id: 'safety', title: '安全生产', max: '20', description: '项目建设期间的安全生产情况', guidance: guidance('20'), evidence: ['安全生产情况说明'] },
    ];
    const adjusted = await jigai('rubric', 'adjust', '--batch', batchId, '--input', write('ok.json', { items }), '--data', dir('chair'));
    expect(adjusted.code, JSON.stringify(adjusted.body)).toBe(EXIT_OK);
    expect(adjusted.body).toEqual({
      id: 'xiamen-2024-acceptance',
      version: 2,
      items: [
        { id: 'construction-indicators', title: '建设内容与技术指标', max: '50' },
        { id: 'investment-completion', title: '投资完成情况', max: '30' },
        { id: 'safety', title: '安全生产', max: '20' },
      ],
    });
    expect(await shown()).toMatchObject({ version: 2 });

    const scored = await jigai(
      'scores',
      'record',
      '--batch',
      batchId,
      '--input',
      write('s.json', [
        {
          project: p1,
          recusal: null,
          items: { 'construction-indicators': '40', 'investment-completion': '25', safety: '18' },
          verdict: '通过',
          opinion: '同意通过。',
        },
      ]),
      '--data',
      dir('chair'),
    );
    expect(scored.code).toBe(EXIT_OK);
    const frozen = await jigai('rubric', 'adjust', '--batch', batchId, '--input', dir('ok.json'), '--data', dir('chair'));
    expect(frozen.code).toBe(EXIT_BAD_INPUT);
    expect(frozen.body.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已冻结') });
    expect(await shown()).toMatchObject({ version: 2 });
  });

  it('refuses to sign an export with a wrong passphrase: WRONG_PASSPHRASE, exit 2, nothing exported', async () => {
    process.env.JIGAI_PASSPHRASE = 'not-the-passphrase';
    try {
      const refused = await jigai('scores', 'export', '--batch', batchId, '--out', dir('export.json'), '--data', dir('chair'));
      expect(refused.code).toBe(EXIT_BAD_INPUT);
      expect(refused.body.error).toMatchObject({ code: 'WRONG_PASSPHRASE', message: expect.stringContaining('口令不正确') });
      expect(fs.existsSync(dir('export.json'))).toBe(false);
    } finally {
      process.env.JIGAI_PASSPHRASE = 'rubric-adjust-passphrase';
    }
    expect((await jigai('scores', 'export', '--batch', batchId, '--out', dir('export.json'), '--data', dir('chair'))).body).toMatchObject({ version: 1 });
  });
});
