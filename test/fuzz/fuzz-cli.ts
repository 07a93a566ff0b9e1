// `npm run fuzz -- --count 5000 [--seed S] [--jobs 2] [--timeout 60] [--case N]` (bundled by scripts/fuzz.mjs).
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../support/temp-dir';
import { reproduceCommand, runFuzz } from './run-fuzz';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '500' },
    seed: { type: 'string', default: 'fuzz-1' },
    jobs: { type: 'string', default: String(Math.max(1, Math.min(2, os.availableParallelism()))) },
    timeout: { type: 'string', default: '60' },
    case: { type: 'string' },
  },
});
const seed = values.seed;
const started = Date.now();
let done = 0;
const summary = await runFuzz({
  count: Number(values.count),
  seed,
  ...(values.case === undefined ? {} : { only: Number(values.case) }),
  jobs: Number(values.jobs),
  timeoutMs: Number(values.timeout) * 1000,
  work: path.join(REPO_ROOT, '.tmp', 'fuzz', seed),
  onCase: (result) => {
    done += 1;
    if (result.verdict === 'failure') {
      process.stdout.write(
        `\n失败 #${String(result.index)} [${result.base} ${result.mutation}] ${result.detail}\n  ${result.reason ?? ''}\n  重现：${reproduceCommand(seed, result.index)}\n`,
      );
    } else if (done % 50 === 0) {
      process.stdout.write(`已完成 ${String(done)} 个（${((Date.now() - started) / 1000).toFixed(0)} 秒）\n`);
    }
  },
});
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
process.stdout.write(
  [
    '',
    `种子 ${summary.seed}：尝试 ${String(summary.tried)} 个变异材料包，导入 ${String(summary.imported)}，拒绝（有定位的错误）${String(summary.refused)}，失败 ${String(summary.failures.length)}`,
    `子进程峰值内存 ${mib(summary.peakRssBytes)} MiB，用时 ${summary.seconds.toFixed(0)} 秒`,
    ...Object.entries(summary.byMutation)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([mutation, m]) => `  ${mutation.padEnd(16)} 尝试 ${String(m.tried).padStart(5)}，拒绝 ${String(m.refused).padStart(5)}`),
    ...summary.failures.map((f) => `失败 #${String(f.index)} ${f.mutation}：${f.reason ?? ''}（重现：${reproduceCommand(seed, f.index)}）`),
    '',
  ].join('\n'),
);
process.exit(summary.failures.length === 0 ? 0 : 1);
