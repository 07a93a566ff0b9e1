import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { templateCommand } from '@cli/commands/template';
import { makeTempDir } from '@test/support/temp-dir';
import { invokeCommand } from './support/invoke-command';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function tempDir(): string {
  const temp = makeTempDir();
  cleanups.push(temp.cleanup);
  return temp.dir;
}

describe('jigai template', () => {
  it('writes the blank template and reports it as JSON and as Chinese text', async () => {
    const file = path.join(tempDir(), '申报表.xlsx');
    const { code, result } = await invokeCommand(templateCommand, ['--out', file, '--json']);
    expect(code).toBe(0);
    expect(result?.json).toEqual({ file, sheets: ['填表说明', '项目信息', '合同', '发票', '付款', '绩效指标'] });
    expect(result?.text).toContain('已写入空白申报表模板');
    expect(fs.readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('is BAD_INPUT (exit 2) on a missing --out, a wrong extension or a missing folder', async () => {
    const missing = await invokeCommand(templateCommand, ['--json']);
    expect(missing.code).toBe(2);
    expect(missing.error?.message).toContain('--out');
    const extension = await invokeCommand(templateCommand, ['--out', path.join(tempDir(), 'x.xls')]);
    expect(extension.code).toBe(2);
    expect(extension.error?.message).toContain('.xlsx');
    const folder = await invokeCommand(templateCommand, ['--out', path.join(tempDir(), 'no', 'such', 'x.xlsx')]);
    expect(folder.code).toBe(2);
    expect(folder.error?.message).toContain('不存在');
  });

  it('is registered with the CLI', async () => {
    const source = fs.readFileSync(path.join(import.meta.dirname, '../../../../../electron/cli/commands/index.ts'), 'utf8');
    expect(source).toMatch(/templateCommand/u);
    expect(source).toMatch(/sampleCommand/u);
  });
});
