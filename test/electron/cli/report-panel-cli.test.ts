import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSamplePackage } from '@cli/sample';
import { EXIT_BAD_INPUT, EXIT_OK, runCli } from '@cli/run-cli';
import { createCore } from '@core/create-core';
import { silentLogger } from '@core/logger';
import { RESOURCES_DIR, makeTempDir } from '../../support/temp-dir';

/**
 * The reports read the panel's real work: three data folders (two experts and the chair, who also
 * scores) on a generated Xiamen acceptance package of two projects, one expert recused from the
 * first project, expert files merged at the chair's. pdftotext reads the panel, the scores, the
 * methods and the verdict back from the PDFs.
 */

const PASSPHRASE = 'panel-report-passphrase';
const temp = makeTempDir();
const folder = (name: string) => path.join(temp.dir, name);
let batchId = '';
let p1 = '';
let p2 = '';
const ITEMS = ['construction-indicators', 'technical-indicators', 'investment-completion', 'evidence'];

async function jigai(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { io: { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, resourcesDir: RESOURCES_DIR });
  return { code, stdout, stderr };
}

async function ok(...argv: string[]) {
  const result = await jigai(...argv, '--json');
  expect(result.code, result.stderr + result.stdout).toBe(EXIT_OK);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

const write = (name: string, value: unknown) => {
  fs.writeFileSync(folder(name), JSON.stringify(value));
  return folder(name);
};

function sheet(project: string, scores: readonly string[] | 'recused', opinion = '') {
  if (scores === 'recused') return { project, recusal: { kind: '任职关系', note: '在申报单位兼职' } };
  return {
    project,
    recusal: null,
    items: Object.fromEntries(ITEMS.map((id, i) => [id, scores[i]])),
    comments: { evidence: `佐证材料齐全（${project}）` },
    verdict: '通过',
    opinion,
  };
}

const pdftotext = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
/** pdftotext -layout spreads table cells with runs of spaces: collapse them to one. */
const flat = (text: string) => text.replace(/[ \t]+/gu, ' ');

async function report(data: string, kind: string, out: string, project?: string, ...flags: string[]) {
  return jigai(
    'report',
    '--batch',
    batchId,
    ...(project ? ['--project', project] : []),
    '--kind',
    kind,
    ...flags,
    '--out',
    folder(out),
    '--data',
    folder(data),
    '--json',
  );
}

beforeAll(async () => {
  process.env.JIGAI_PASSPHRASE = PASSPHRASE;
  const zip = folder('package.zip');
  const sample = await generateSamplePackage({ projects: 2, invoices: 8, seed: 'report-panel', outFile: zip, stage: 'acceptance', policy: 'xiamen-2024', defects: [] });
  batchId = sample.manifest.batch.id;
  [p1, p2] = sample.manifest.projects.map((p) => p.id).sort() as [string, string];
  const people = { a: ['王立', 'expert'], b: ['李明', 'expert'], chair: ['陈组长', 'chair'] } as const;
  const fingerprints: Record<string, string> = {};
  for (const [name, [person, role]] of Object.entries(people)) {
    await ok('import', zip, '--data', folder(name));
    const created = await ok('reviewer', 'create', '--name', person, '--org', '厦门大学', '--field', '机械制造', '--role', role, '--data', folder(name));
    fingerprints[name] = created.fingerprint as string;
  }
  // Expert 王立 is recused from P1; the chair scores P1 only, so P2 lacks the chair's score.
  await ok(
    'scores',
    'record',
    '--batch',
    batchId,
    '--input',
    write('a.json', [sheet(p1, 'recused'), sheet(p2, ['28', '24', '24', '19'], '王立：P2 指标全部达成。')]),
    '--data',
    folder('a'),
  );
  await ok(
    'scores',
    'record',
    '--batch',
    batchId,
    '--input',
    write('b.json', [sheet(p1, ['27', '22.5', '21', '15.5'], '李明：P1 建设内容完成。'), sheet(p2, ['27', '23', '23', '18'], '李明：P2 同意通过。')]),
    '--data',
    folder('b'),
  );
  await ok('scores', 'record', '--batch', batchId, '--input', write('c.json', [sheet(p1, ['24', '20', '20', '16'], '陈组长：P1 同意通过。')]), '--data', folder('chair'));
  for (const name of ['a', 'b']) {
    await ok('scores', 'export', '--batch', batchId, '--out', folder(`${name}.expert.json`), '--data', folder(name));
    await ok('scores', 'import', folder(`${name}.expert.json`), '--trust', fingerprints[name] as string, '--data', folder('chair'));
  }
}, 240_000);

afterAll(() => {
  delete process.env.JIGAI_PASSPHRASE;
  temp.cleanup();
});

describe('reports on a scored panel', { timeout: 120_000 }, () => {
  it('refuses --final while the chair has not confirmed the verdict and a member has not scored, naming each', async () => {
    const first = await report('chair', 'acceptance', 'p1-final.pdf', p1, '--final');
    expect(first.code).toBe(EXIT_BAD_INPUT);
    expect(first.stdout).toContain('专家组评审结论与意见尚未由组长确认');
    const second = await report('chair', 'acceptance', 'p2-final.pdf', p2, '--final');
    expect(second.code).toBe(EXIT_BAD_INPUT);
    expect(second.stdout).toContain('专家 陈组长 尚未对本项目作回避声明和评分');
    expect(fs.existsSync(folder('p2-final.pdf'))).toBe(false);

    const draft = await report('chair', 'acceptance', 'p2-draft.pdf', p2);
    expect(draft.code, draft.stderr).toBe(EXIT_OK);
    expect(JSON.parse(draft.stdout)).toMatchObject({ draft: true });
    const text = flat(pdftotext(folder('p2-draft.pdf')));
    expect(text).toContain('（草稿）');
    expect(text).toContain('专家 陈组长 尚未对本项目作回避声明和评分');
  });

  it('makes the final signed acceptance report with the panel, recusal, every expert’s scores and all methods, the chosen one stated', async () => {
    const core = createCore({ dataDir: folder('chair'), resourcesDir: RESOURCES_DIR, logger: silentLogger });
    try {
      await core.api.setConsolidationMethod({ batchId, method: 'median', divergencePoints: '15' });
      await core.api.savePanelOpinion({ batchId, projectId: p1, verdict: 'pass', opinion: '专家组一致同意该项目通过验收。' });
    } finally {
      core.close();
    }
    const made = await report('chair', 'acceptance', 'p1.pdf', p1, '--final', '--sign');
    expect(made.code, made.stdout + made.stderr).toBe(EXIT_OK);
    expect(JSON.parse(made.stdout)).toMatchObject({ draft: false, signed: true });
    const text = flat(pdftotext(folder('p1.pdf')));
    expect(text).not.toContain('草稿');
    // The panel: the chair named as such, the recused expert with the reason.
    expect(text).toMatch(/陈组长 厦门大学 组长 未回避/u);
    expect(text).toMatch(/李明 厦门大学 成员 未回避/u);
    expect(text).toMatch(/王立 厦门大学 成员 回避：任职关系（在申报单位兼职）/u);
    // Each counted expert's item scores and total; the recused expert has no row.
    expect(text).toMatch(/李明 27 22\.5 21 15\.5 86 计入/u);
    expect(text).toMatch(/陈组长 24 20 20 16 80 计入/u);
    expect(text).not.toMatch(/王立 \d/u);
    // All methods side by side; the batch's (median) counts: (86 + 80) / 2 = 83.
    expect(text).toMatch(/算术平均分 83\.00/u);
    expect(text).toMatch(/中位数 83\.00 以此为准/u);
    expect(text).toContain('汇总得分（中位数）：83.00');
    expect(text).toContain('评审结论：通过');
    expect(text).toContain('专家组一致同意该项目通过验收。');
    expect(execFileSync('pdfsig', [folder('p1.pdf')], { encoding: 'utf8' })).toContain('Signature is Valid');
  });

  it('draws each expert’s own form from their data folder: scores, comments, verdict, opinion, or the recusal', async () => {
    expect((await report('a', 'expert', 'a-p1.pdf', p1, '--final')).code).toBe(EXIT_OK);
    const recused = flat(pdftotext(folder('a-p1.pdf')));
    expect(recused).toContain('王立');
    expect(recused).toContain('申请回避，不参与评分：任职关系（在申报单位兼职）');
    expect(recused).not.toContain('草稿');

    expect((await report('b', 'expert', 'b-p2.pdf', p2, '--final')).code).toBe(EXIT_OK);
    const scored = flat(pdftotext(folder('b-p2.pdf')));
    expect(scored).toContain('本人与该项目及申报单位不存在利益关系');
    expect(scored).toMatch(/ 30 27\b/u);
    expect(scored).toContain(`佐证材料齐全（${p2}）`);
    expect(scored).toMatch(/合计 91/u);
    expect(scored).toContain('评审结论：通过');
    expect(scored).toContain('李明：P2 同意通过。');
  });

  it('ranks the batch summary by the consolidated score, not by project number', async () => {
    const made = await report('chair', 'summary', 'summary.pdf');
    expect(made.code, made.stderr).toBe(EXIT_OK);
    const text = flat(pdftotext(folder('summary.pdf')));
    // Medians: P2 (95, 91) → 93.00, P1 (86, 80) → 83.00.
    const first = new RegExp(`1 ${p2} .*? 93\\.00 通过`, 'u');
    const second = new RegExp(`2 ${p1} .*? 83\\.00 通过`, 'u');
    expect(text).toMatch(first);
    expect(text).toMatch(second);
    expect(text.indexOf(p2)).toBeLessThan(text.indexOf(p1));
  });
});
