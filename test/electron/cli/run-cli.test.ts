import { afterEach, describe, expect, it } from 'vitest';
import { EXIT_BAD_INPUT, EXIT_OK, runCli } from '../../../electron/cli/run-cli';
import { RESOURCES_DIR, makeTempDir } from '../../support/temp-dir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

async function jigai(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    io: { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
    resourcesDir: RESOURCES_DIR,
  });
  return { code, stdout, stderr };
}

function dataDir(): string {
  const temp = makeTempDir();
  cleanups.push(temp.cleanup);
  return temp.dir;
}

describe('jigai CLI', () => {
  it('prints Chinese help listing its commands', async () => {
    const result = await jigai('help');
    expect(result.code).toBe(EXIT_OK);
    expect(result.stdout).toContain('用法：jigai <命令>');
    expect(result.stdout).toContain('info');
  });

  it('info --json reports version, schema version and counts of a new data folder', async () => {
    const dir = dataDir();
    const result = await jigai('info', '--data', dir, '--json');
    expect(result.code).toBe(EXIT_OK);
    const info = JSON.parse(result.stdout) as { dataDir: string; schemaVersion: number; counts: Record<string, number> };
    expect(info.dataDir).toBe(dir);
    expect(info.schemaVersion).toBeGreaterThanOrEqual(2);
    expect(info.counts).toEqual({ batches: 0, projects: 0, invoices: 0 });
  });

  it('info without --json speaks Chinese', async () => {
    const result = await jigai('info', '--data', dataDir());
    expect(result.stdout).toContain('数据结构版本');
  });

  it('exits 2 with the error as JSON on bad input', async () => {
    const unknownOption = await jigai('info', '--colour', '--json');
    expect(unknownOption.code).toBe(EXIT_BAD_INPUT);
    expect(JSON.parse(unknownOption.stdout)).toMatchObject({ error: { code: 'BAD_INPUT', message: expect.stringContaining('未知选项 --colour') } });
    const unknownCommand = await jigai('frobnicate');
    expect(unknownCommand.code).toBe(EXIT_BAD_INPUT);
    expect(unknownCommand.stderr).toContain('未知命令「frobnicate」');
  });
});
