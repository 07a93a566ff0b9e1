import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleCommand } from '@cli/commands/sample';
import { makeTempDir } from '@test/support/temp-dir';
import { invokeCommand } from '../../core/package/template/support/invoke-command';
import { readPackage } from './support/read-package';
import { reviewPackage } from './support/review-package';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const EXIT_OK = 0;
const EXIT_BAD_INPUT = 2;

/** `jigai sample …` as run-cli runs it: stdout holds the JSON (or the error as JSON), stderr the Chinese error. */
async function jigai(...argv: string[]) {
  const { code, result, error } = await invokeCommand(sampleCommand, argv.slice(1));
  const json = argv.includes('--json');
  const stdout = error ? (json ? JSON.stringify({ error: error.toBody() }) : '') : json ? JSON.stringify(result?.json) : (result?.text ?? '');
  const stderr = error && !json ? `错误：${error.message}` : '';
  return { code, stdout, stderr };
}

function tempDir(): string {
  const temp = makeTempDir();
  cleanups.push(temp.cleanup);
  return temp.dir;
}

describe('jigai sample', () => {
  it('writes a package with the requested defects and reports them as JSON', async () => {
    const file = path.join(tempDir(), 'sample.zip');
    const result = await jigai(
      'sample',
      '--projects',
      '2',
      '--invoices',
      '40',
      '--seed',
      '7',
      '--out',
      file,
      '--defects',
      'duplicate-invoice,red-invoice',
      '--policy',
      'shenyang-2025',
      '--stage',
      'midterm',
      '--json',
    );
    expect(result.code).toBe(EXIT_OK);
    const output = JSON.parse(result.stdout) as {
      file: string;
      batch: { policy: string; stage: string; id: string };
      stats: { invoices: number };
      injected: { defect: string }[];
    };
    expect(output.file).toBe(file);
    expect(output.batch).toMatchObject({ policy: 'shenyang-2025', stage: 'midterm', id: 'SY-2025-ZQ-01' });
    expect(output.stats.invoices).toBe(40);
    expect(new Set(output.injected.map((i) => i.defect))).toEqual(new Set(['duplicate-invoice', 'red-invoice']));
    const pkg = await readPackage(fs.readFileSync(file));
    expect(reviewPackage(pkg).errors).toEqual([]);
    // Shenyang-type calls: 项目类型 filled, applicants from the four pilot industries.
    for (const project of pkg.projects) {
      expect(['点', '线', '面']).toContain(project.info.项目类型?.value);
      expect(String(project.info.行业代码?.value)).toMatch(/^C3[4578]\d{2}$/u);
    }
  }, 30_000);

  it('prints a Chinese summary without --json', async () => {
    const file = path.join(tempDir(), 's.zip');
    const result = await jigai('sample', '--projects', '1', '--invoices', '12', '--seed', 'x', '--out', file, '--defects', 'third-party-payment');
    expect(result.code).toBe(EXIT_OK);
    expect(result.stdout).toContain('已生成示例材料包');
    expect(result.stdout).toContain('third-party-payment');
  }, 30_000);

  it.each([
    [['--invoices', '10', '--seed', '1'], '--projects'],
    [['--projects', 'abc', '--invoices', '10', '--seed', '1'], '--projects'],
    [['--projects', '2', '--invoices', '1', '--seed', '1'], '发票数'],
    [['--projects', '1', '--invoices', '10'], '--seed'],
    [['--projects', '1', '--invoices', '10', '--seed', '1', '--defects', 'nonsense'], '未知的缺陷'],
    [['--projects', '1', '--invoices', '10', '--seed', '1', '--stage', 'final'], '--stage'],
    [['--projects', '1', '--invoices', '10', '--seed', '1', '--policy', 'Xiamen 2024'], '政策规则集编号'],
  ])('exits 2 with a Chinese message on bad input %#', async (args, expected) => {
    const file = path.join(tempDir(), 'bad.zip');
    const result = await jigai('sample', ...args, '--out', file, '--json');
    expect(result.code).toBe(EXIT_BAD_INPUT);
    const body = JSON.parse(result.stdout) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('BAD_INPUT');
    expect(body.error.message).toContain(expected);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('requires a .zip output', async () => {
    const result = await jigai('sample', '--projects', '1', '--invoices', '5', '--seed', '1', '--out', path.join(tempDir(), 'x.xlsx'));
    expect(result.code).toBe(EXIT_BAD_INPUT);
    expect(result.stderr).toContain('.zip');
  });
});
