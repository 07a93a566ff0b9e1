// npm run fuzz -- --count 5000: bundles the fuzz runner in test/fuzz with esbuild (as bench.mjs does)
// and runs it in plain Node; each mutated package is imported in its own child process.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

const outfile = '.tmp/fuzz/run-fuzz.mjs';
await build({
  entryPoints: ['test/fuzz/fuzz-cli.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
