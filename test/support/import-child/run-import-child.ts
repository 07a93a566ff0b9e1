import { spawn, type ChildProcessByStdio } from 'node:child_process';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { bundleForNode } from '@scripts/bundle-for-node.mjs';
import { REPO_ROOT, RESOURCES_DIR } from '../temp-dir';
import { READY_LINE, type ChildReport, type ChildRequest } from './protocol';

export type { ChildReport } from './protocol';

/** How one import ended: its report when the child answered, else why not. */
export interface ChildRun {
  report: ChildReport | undefined;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stderr: string;
  seconds: number;
}

export interface ChildImportOptions {
  timeoutMs?: number;
  /** After a successful import, also verify the batch (reads every e-invoice attachment). */
  verify?: boolean;
}

let bundled: Promise<string> | undefined;

/** Bundles child-main.ts once per process into .tmp/ (plain Node runs it; node_modules stay external). */
export function bundleImportChild(): Promise<string> {
  bundled ??= bundleForNode(
    path.join(REPO_ROOT, 'test', 'support', 'import-child', 'child-main.ts'),
    path.join(REPO_ROOT, '.tmp', 'import-child', `child-${String(process.pid)}.mjs`),
  );
  return bundled;
}

/**
 * Imports `packagePath` into `dataDir` in a separate Node process, so that an uncaught exception, a
 * hang (killed after `timeoutMs`) or exhausted memory is observed instead of taking the tests down.
 */
export async function runImportChild(packagePath: string, dataDir: string, options: ChildImportOptions = {}): Promise<ChildRun> {
  const child = createImportChild();
  try {
    return await child.run(packagePath, dataDir, options);
  } finally {
    child.close();
  }
}

type ServingChild = ChildProcessByStdio<Writable, Readable, Readable>;

/**
 * A child process that imports one package after another (one line of JSON each way), restarted
 * after a crash or a hang: the run that crashed or hung is reported as such, the next gets a fresh
 * process. Runs must not overlap.
 */
export function createImportChild() {
  let child: ServingChild | undefined;
  let stdout = '';
  let stderr = '';
  let exited: { exitCode: number | null; signal: NodeJS.Signals | null } | undefined;
  let waiting: (() => void) | undefined;

  async function start(timeoutMs: number): Promise<ServingChild> {
    const script = await bundleImportChild();
    const started = spawn(process.execPath, [script, '--serve'], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    stdout = '';
    stderr = '';
    exited = undefined;
    started.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      waiting?.();
    });
    started.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-20_000)));
    started.on('close', (exitCode, signal) => {
      exited = { exitCode, signal };
      waiting?.();
    });
    started.stdin.on('error', () => undefined);
    // Node's start-up and loading the core are not the import under test: wait for the child to say
    // it is ready (a child that never does is killed, and its first run reports the crash).
    const timer = setTimeout(() => started.kill('SIGKILL'), timeoutMs * 3);
    await new Promise<void>((resolve) => {
      const check = () => {
        if (stdout.startsWith(`${READY_LINE}\n`) || exited) {
          waiting = undefined;
          resolve();
        }
      };
      waiting = check;
      check();
    });
    clearTimeout(timer);
    if (stdout.startsWith(`${READY_LINE}\n`)) stdout = stdout.slice(READY_LINE.length + 1);
    return started;
  }

  return {
    async run(packagePath: string, dataDir: string, options: ChildImportOptions = {}): Promise<ChildRun> {
      child ??= await start(options.timeoutMs ?? 60_000);
      const running = child;
      const request: ChildRequest = { packagePath, dataDir, resourcesDir: RESOURCES_DIR, verify: options.verify ?? false };
      const began = performance.now();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        running.kill('SIGKILL');
      }, options.timeoutMs ?? 60_000);
      running.stdin.write(`${JSON.stringify(request)}\n`);
      await new Promise<void>((resolve) => {
        const check = () => {
          if (stdout.includes('\n') || exited) {
            waiting = undefined;
            resolve();
          }
        };
        waiting = check;
        check();
      });
      clearTimeout(timer);
      const seconds = (performance.now() - began) / 1000;
      const newline = stdout.indexOf('\n');
      if (newline >= 0) {
        const line = stdout.slice(0, newline);
        stdout = stdout.slice(newline + 1);
        try {
          return { report: JSON.parse(line) as ChildReport, exitCode: 0, signal: null, timedOut, stderr: '', seconds };
        } catch {
          // Not a report: treated like a crash below.
        }
      }
      if (!exited) running.kill('SIGKILL');
      child = undefined;
      return { report: undefined, exitCode: exited?.exitCode ?? null, signal: exited?.signal ?? null, timedOut, stderr, seconds };
    },
    close(): void {
      child?.stdin.end();
      child = undefined;
    },
  };
}
