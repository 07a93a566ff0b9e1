import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, makeTempDir } from '../support/temp-dir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** Process ids whose parent is `parent` (Linux /proc). */
function childrenOf(parent: number): number[] {
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent;
      } catch {
        return false;
      }
    })
    .map(Number);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm run web (scripts/start.mjs)', () => {
  for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
    it(`passes ${signal} on to the browser-mode service and ends with it`, async () => {
      const data = makeTempDir();
      cleanups.push(data.cleanup);
      const starter = spawn(process.execPath, ['scripts/start.mjs', '--web', '--data', data.dir], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => starter.on('exit', (code, sig) => resolve({ code, signal: sig })));
      let output = '';
      await new Promise<void>((resolve) =>
        starter.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString('utf8');
          if (output.includes('按 Ctrl+C 退出')) resolve();
        }),
      );
      const services = childrenOf(starter.pid ?? 0);
      expect(services).toHaveLength(1);
      const service = services[0] ?? 0;
      starter.kill(signal);
      const ended = await exited;
      // The service closed cleanly (exit 0) and the starter passed its exit on; nothing is left running.
      expect(ended).toEqual({ code: 0, signal: null });
      expect(isRunning(service)).toBe(false);
      expect(fs.existsSync(path.join(data.dir, 'jigai.sqlite'))).toBe(true);
    });
  }
});
