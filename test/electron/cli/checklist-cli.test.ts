import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT_BAD_INPUT, EXIT_OK, runCli } from '@cli/run-cli';
import { oneProjectSpec, writePackageZip } from '../../support/package-builder';
import { RESOURCES_DIR, makeTempDir } from '../../support/temp-dir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

async function jigai(...argv: string[]) {
  let stdout = '';
  const code = await runCli(argv, { io: { stdout: (t) => (stdout += t), stderr: (t) => (stdout += t) }, resourcesDir: RESOURCES_DIR });
  return { code, stdout };
}

async function imported(stage: string): Promise<string> {
  const temp = makeTempDir();
  cleanups.push(temp.cleanup);
  const file = path.join(temp.dir, 'p.zip');
  const spec = oneProjectSpec();
  await writePackageZip(file, { ...spec, batch: { ...spec.batch, stage } });
  expect((await jigai('import', file, '--data', temp.dir, '--json')).code).toBe(EXIT_OK);
  return temp.dir;
}

const ref = ['--batch', 'XM-2026-YS-01', '--project', 'XM2024-001'];

describe('jigai checklist', () => {
  it('shows the conditions with their paragraphs, confirms one and records the advances (000 §五(四))', async () => {
    const dir = await imported('acceptance');
    const shown = await jigai('checklist', 'show', ...ref, '--data', dir);
    expect(shown.stdout).toContain('[key-project] 列入市级新技改重点项目：待确认');
    expect(shown.stdout).toContain('第五条（一）、第五条（四）（一）');
    const confirmed = await jigai(
      'checklist',
      'confirm',
      ...ref,
      '--condition',
      'key-project',
      '--status',
      'met',
      '--note',
      '重点项目名单第7号',
      '--data',
      dir,
      '--json',
    );
    expect(confirmed.code).toBe(EXIT_OK);
    expect((JSON.parse(confirmed.stdout) as { items: { id: string; status: string | null }[] }).items.find((i) => i.id === 'key-project')?.status).toBe('met');
    expect((await jigai('checklist', 'advance', ...ref, '--stage', 'application', '--amount', '30万', '--data', dir)).stdout).toContain('立项 300000.00');
    const refused = await jigai('checklist', 'confirm', ...ref, '--condition', 'key-project', '--status', 'maybe', '--data', dir);
    expect(refused.code).toBe(EXIT_BAD_INPUT);
    expect(refused.stdout).toContain('met（满足）');
  });

  it('jigai verify --json reports the award basis per project: planned at 立项, verified at 竣工验收', async () => {
    const planned = JSON.parse((await jigai('verify', '--batch', 'XM-2026-YS-01', '--data', await imported('application'), '--json')).stdout) as {
      projects: { awardBasis: string }[];
    };
    expect(planned.projects[0]?.awardBasis).toBe('planned');
    const verified = JSON.parse((await jigai('verify', '--batch', 'XM-2026-YS-01', '--data', await imported('acceptance'), '--json')).stdout) as {
      projects: { awardBasis: string }[];
    };
    expect(verified.projects[0]?.awardBasis).toBe('verified');
  });
});
