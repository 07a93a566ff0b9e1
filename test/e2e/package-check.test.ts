import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, makeTempDir } from '../support/temp-dir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** npm run package:check on the current dist/ with another electron-builder configuration. */
function packageCheck(configText: string): { status: number | null; stdout: string } {
  const temp = makeTempDir();
  cleanups.push(temp.cleanup);
  const config = path.join(temp.dir, 'electron-builder.yml');
  fs.writeFileSync(config, configText);
  const result = spawnSync(process.execPath, ['scripts/package-check.mjs', '--no-build', '--config', config], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout };
}

describe('npm run package:check', () => {
  it('fails when a configuration lets the libraries’ node_modules into the package, naming them and the size budget', () => {
    const real = fs.readFileSync(path.join(REPO_ROOT, 'electron-builder.yml'), 'utf8');
    const broken = real.replace("  - '!node_modules/**/*'\n", '');
    expect(broken).not.toBe(real);
    const { status, stdout } = packageCheck(broken);
    expect(status).toBe(1);
    expect(stdout).toContain('打包检查未通过');
    expect(stdout).toMatch(/app\.asar 不应包含 node_modules\/exceljs（\d+ 个文件/);
    expect(stdout).toMatch(/app\.asar 不应包含 node_modules\/es-abstract/);
    expect(stdout).toContain('超出体积预算');
  });
});
