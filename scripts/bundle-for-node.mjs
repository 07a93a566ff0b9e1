// Bundles a TypeScript entry with esbuild into one ES module that plain Node runs; packages stay
// external (node_modules is resolved at run time). Used by the bench and fuzz runners and by tests
// that need a child process running project code.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

/** @param {string} entry @param {string} outfile @returns {Promise<string>} the bundle's path */
export async function bundleForNode(entry, outfile) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

/** Bundles `entry` and runs it with this script's arguments; exits with the child's status. */
export async function bundleAndRun(entry, outfile, nodeFlags = []) {
  await bundleForNode(entry, outfile);
  const result = spawnSync(process.execPath, [...nodeFlags, outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
