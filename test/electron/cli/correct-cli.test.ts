import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '@core/create-core';
import { silentLogger } from '@core/logger';
import { generateSamplePackage } from '@cli/sample';
import { EXIT_BAD_INPUT, EXIT_OK, runCli } from '@cli/run-cli';
import { RESOURCES_DIR, makeTempDir } from '@test/support/temp-dir';
import { createTestReviewer } from '@test/support/reviewer';

async function jigai(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { io: { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, resourcesDir: RESOURCES_DIR });
  return { code, stdout, stderr };
}

interface Verified {
  projects: { id: string; invoices: { key: string; findings: { code: string; statutory?: string }[] }[]; corrections: { fieldLabel: string; newValue: string }[] }[];
}

describe('jigai correct', () => {
  const temp = makeTempDir();
  const BATCH = 'XM-CORRECT-CLI';
  beforeAll(async () => {
    const file = path.join(temp.dir, 'package.zip');
    await generateSamplePackage({ projects: 1, invoices: 20, seed: 'correct-cli', defects: ['date-outside-window'], batchId: BATCH, outFile: file });
    const core = createCore({ dataDir: temp.dir, resourcesDir: RESOURCES_DIR, logger: silentLogger });
    await createTestReviewer(core);
    await core.api.importPackage({ path: file });
    core.close();
  }, 120_000);
  afterAll(() => temp.cleanup());

  it('records a correction, and `jigai verify --json` shows it with the statutory finding gone', async () => {
    const before = JSON.parse((await jigai('verify', '--batch', BATCH, '--data', temp.dir, '--json')).stdout) as Verified;
    const project = before.projects[0];
    const invoice = project?.invoices.find((i) => i.findings.some((f) => f.code === 'DATE_OUTSIDE_WINDOW' && f.statutory !== undefined));
    if (!project || !invoice) throw new Error('样例中没有认定期间外的发票');

    const refused = await jigai(
      'correct',
      '--batch',
      BATCH,
      '--project',
      project.id,
      '--invoice',
      invoice.key,
      '--field',
      '开票日期',
      '--value',
      '2024-01-03',
      '--data',
      temp.dir,
      '--json',
    );
    expect(refused.code).toBe(EXIT_BAD_INPUT);
    expect(refused.stdout).toContain('更正必须填写理由');

    const done = await jigai(
      'correct',
      '--batch',
      BATCH,
      '--project',
      project.id,
      '--invoice',
      invoice.key,
      '--field',
      '开票日期',
      '--value',
      '2024-01-03',
      '--reason',
      '附件发票开票日期为 2024-01-03',
      '--data',
      temp.dir,
    );
    expect(done.code).toBe(EXIT_OK);
    expect(done.stdout).toContain('已登记更正：开票日期 → 2024-01-03');
    expect(done.stdout).toContain(`发票「${invoice.key}」开票日期由`);

    const after = JSON.parse((await jigai('verify', '--batch', BATCH, '--data', temp.dir, '--json')).stdout) as Verified;
    expect(after.projects[0]?.corrections.map((c) => [c.fieldLabel, c.newValue])).toEqual([['开票日期', '2024-01-03']]);
    expect(after.projects[0]?.invoices.find((i) => i.key === invoice.key)?.findings.some((f) => f.code === 'DATE_OUTSIDE_WINDOW')).toBe(false);
    const text = await jigai('verify', '--batch', BATCH, '--data', temp.dir);
    expect(text.stdout).toContain(`更正 发票 ${invoice.key} 开票日期：`);
  });
});
