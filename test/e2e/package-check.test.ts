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
  const result = spawnSync(process.execPath, ['scripts/package-check.mjs', '--no-build', '--config', config], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout };
}

describe('npm run package:check', () => {
  it('fails when a forbidden file enters the package (the Node build of the driver, the CLI) or a fuse is left on, naming each', () => {
    const real = fs.readFileSync(path.join(REPO_ROOT, 'electron-builder.yml'), 'utf8');
    const broken = real
      .replace('  runAsNode: false\n', '  runAsNode: true\n')
      .replace(
        '  - node_modules/better-sqlite3/lib/**/*\n',
        '  - node_modules/better-sqlite3/lib/**/*\n  - node_modules/better-sqlite3/build/Release/better_sqlite3.node\n  - dist/electron/cli.js\n',
      );
    expect(broken).not.toBe(real);
    const { status, stdout } = packageCheck(broken);
    expect(status).toBe(1);
    expect(stdout).toContain('打包检查未通过（4 处）');
    expect(stdout).toContain('保险丝 RunAsNode 应为关');
    expect(stdout).toContain('app.asar 不应包含 dist/electron/cli.js');
    // The .node file is unpacked with the rest of the driver; the archive records it as well.
    expect(stdout).toMatch(/app\.asar 不应包含 node_modules\/better-sqlite3（1 个文件，2\.\d MB）/);
    expect(stdout).toMatch(/app\.asar\.unpacked 不应包含 node_modules\/better-sqlite3（1 个文件，2\.\d MB）/);
  });
});
