import { spawn } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT, RESOURCES_DIR } from '../temp-dir';
import type { ChildReport, ChildRequest } from './protocol';

export type { ChildReport } from './protocol';

/** How one child run ended: its report when it finished normally, else why not. */
export interface ChildRun {
  report: ChildReport | undefined;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stderr: string;
  seconds: number;
}

let bundled: Promise<string> | undefined;

/** Bundles child-main.ts once per process into .tmp/ (plain Node runs it; node_modules stay external). */
export function bundleImportChild(): Promise<string> {
  bundled ??= (async () => {
    const outfile = path.join(REPO_ROOT, '.tmp', 'import-child', `child-${String(process.pid)}.mjs`);
    await build({
      entryPoints: [path.join(import.meta.dirname, 'child-main.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      packages: 'external',
      logLevel: 'warning',
    });
    return outfile;
  })();
  return bundled;
}

/**
 * Imports `packagePath` into `dataDir` in a separate Node process, so that an uncaught exception, a
 * hang (killed after `timeoutMs`) or exhausted memory is observed instead of taking the tests down.
 */
export async function runImportChild(
  packagePath: string,
  dataDir: string,
  options: { timeoutMs?: number; verify?: boolean } = {},
): Promise<ChildRun> {
  const script = await bundleImportChild();
  const request: ChildRequest = { packagePath, dataDir, resourcesDir: RESOURCES_DIR, verify: options.verify ?? false };
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, JSON.stringify(request)], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk.slice(0, 20_000)));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      const line = stdout.trim().split('\n').at(-1) ?? '';
      let report: ChildReport | undefined;
      try {
        report = exitCode === 0 && line !== '' ? (JSON.parse(line) as ChildReport) : undefined;
      } catch {
        report = undefined;
      }
      resolve({ report, exitCode, signal, timedOut, stderr, seconds: (performance.now() - started) / 1000 });
    });
  });
}
