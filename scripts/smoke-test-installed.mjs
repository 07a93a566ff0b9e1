// Starts an installed 技改评审 with --smoke-test and judges its answer (the release workflow's last
// step on every system): exit code 0 and one printed line with the app's info, else this script fails.
// Usage: node scripts/smoke-test-installed.mjs <path to the installed executable>
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Must match SMOKE_TEST_PREFIX in electron/main/smoke-test.ts. */
export const SMOKE_TEST_PREFIX = 'JIGAI-SMOKE-TEST ';

/** @param {string} stdout @param {number | null} exitCode @returns {{ ok: boolean, reason: string }} */
export function judgeSmokeTest(stdout, exitCode) {
  const line = stdout.split(/\r?\n/).find((candidate) => candidate.startsWith(SMOKE_TEST_PREFIX));
  if (!line) return { ok: false, reason: `没有输出冒烟测试结果（退出码 ${exitCode}）` };
  let answer;
  try {
    answer = JSON.parse(line.slice(SMOKE_TEST_PREFIX.length));
  } catch {
    return { ok: false, reason: `冒烟测试结果不是 JSON：${line}` };
  }
  if (!answer?.ok || answer.value?.productName !== '技改评审') return { ok: false, reason: `getAppInfo 调用失败：${line}` };
  if (exitCode !== 0) return { ok: false, reason: `程序以退出码 ${exitCode} 结束` };
  return { ok: true, reason: `版本 ${answer.value.version}，数据库结构 ${answer.value.schemaVersion}` };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const executable = process.argv[2];
  if (!executable) {
    process.stderr.write('用法：node scripts/smoke-test-installed.mjs <已安装程序的可执行文件>\n');
    process.exit(2);
  }
  const child = spawn(executable, ['--smoke-test', ...process.argv.slice(3)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
    process.stdout.write(chunk);
  });
  child.on('exit', (code) => {
    const verdict = judgeSmokeTest(stdout, code);
    process.stdout.write(`${verdict.ok ? '冒烟测试通过' : '冒烟测试失败'}：${verdict.reason}\n`);
    process.exit(verdict.ok ? 0 : 1);
  });
}
