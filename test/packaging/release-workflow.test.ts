import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { judgeSmokeTest, SMOKE_TEST_PREFIX as SCRIPT_PREFIX } from '@scripts/smoke-test-installed.mjs';
import { SMOKE_TEST_PREFIX } from '@main/smoke-test';
import { REPO_ROOT, makeTempDir } from '../support/temp-dir';
import { workflowDeviations } from './validate-workflow';

const WORKFLOW = path.join(REPO_ROOT, '.github', 'workflows', 'release.yml');
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

describe('the release workflow', () => {
  it('is a valid GitHub Actions workflow, and the validator refuses one with a misspelt key', () => {
    expect(workflowDeviations(WORKFLOW)).toEqual([]);
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const broken = path.join(temp.dir, 'release.yml');
    fs.writeFileSync(broken, fs.readFileSync(WORKFLOW, 'utf8').replace('runs-on:', 'runs_on:'));
    const deviations = workflowDeviations(broken);
    expect(deviations).toHaveLength(1);
    expect(deviations[0]).toContain('不符合 GitHub Actions 的格式');
  });

  it('builds and smoke-tests every system and architecture', () => {
    const text = fs.readFileSync(WORKFLOW, 'utf8');
    for (const runner of ['windows-latest', 'windows-11-arm', 'macos-15-intel', 'macos-15', 'ubuntu-24.04', 'ubuntu-24.04-arm'])
      expect(text).toContain(`runner: ${runner}`);
    for (const target of ['--win nsis', '--mac dmg', '--linux AppImage deb']) expect(text).toContain(target);
    expect(text.match(/node scripts\/smoke-test-installed\.mjs/g)).toHaveLength(4);
    expect(text).toContain('xvfb-run -a node scripts/smoke-test-installed.mjs');
    expect(text).toContain('node scripts/build-native-electron.mjs');
  });
});

describe('judging a smoke test', () => {
  const line = (answer: unknown) => `${SMOKE_TEST_PREFIX}${JSON.stringify(answer)}`;
  const info = { ok: true, value: { productName: '技改评审', version: '0.1.0', schemaVersion: 7 } };

  it('uses the same marker as the app', () => {
    expect(SCRIPT_PREFIX).toBe(SMOKE_TEST_PREFIX);
  });

  it('passes only the app’s info printed and exit code 0', () => {
    expect(judgeSmokeTest(`日志\n${line(info)}\n`, 0)).toEqual({ ok: true, reason: '版本 0.1.0，数据库结构 7' });
    expect(judgeSmokeTest(`${line(info)}\r\n`, 1).ok).toBe(false);
    expect(judgeSmokeTest(line({ ok: false, error: { code: 'INTERNAL', message: '核心启动失败' } }), 1)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('getAppInfo 调用失败'),
    });
    expect(judgeSmokeTest('', 0)).toEqual({ ok: false, reason: '没有输出冒烟测试结果（退出码 0）' });
    expect(judgeSmokeTest(`${SMOKE_TEST_PREFIX}{oops`, 0).ok).toBe(false);
  });
});
