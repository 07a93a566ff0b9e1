// npm run bench: bundles the benchmarks in test/bench with esbuild and runs them in plain Node,
// with --expose-gc so that peak-memory figures start from a collected heap.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

const outfile = '.tmp/bench/run-benchmarks.mjs';
await build({
  entryPoints: ['test/bench/run-benchmarks.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, ['--expose-gc', outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
