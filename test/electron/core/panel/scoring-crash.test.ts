import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { generateSamplePackage } from '@cli/sample';
import { createCore } from '@core/create-core';
import { silentLogger } from '@core/logger';
import { createTestReviewer } from '@test/support/reviewer';
import { plannedWrite, scoresAfter } from '@test/support/scoring-child/plan';
import { REPO_ROOT, RESOURCES_DIR, makeTempDir } from '@test/support/temp-dir';

const KILL_AFTER_STEPS = 40;

describe('scoring when the process is killed', () => {
  it('loses no autosaved score and corrupts nothing (SIGKILL in a child process)', async () => {
    const temp = makeTempDir();
    try {
      const zip = path.join(temp.dir, 'package.zip');
      const sample = await generateSamplePackage({ projects: 1, invoices: 10, seed: 'scoring-crash', outFile: zip, stage: 'acceptance', policy: 'xiamen-2024' });
      const batchId = sample.manifest.batch.id;
      const projectId = sample.manifest.projects[0]?.id as string;
      const setup = createCore({ dataDir: temp.dir, resourcesDir: RESOURCES_DIR, logger: silentLogger });
      await setup.api.importPackage({ path: zip });
      await createTestReviewer(setup);
      await setup.api.setRecusal({ batchId, projectId, recusal: null });
      setup.close();

      const child = path.join(REPO_ROOT, '.tmp', 'scoring-child', `child-${String(process.pid)}.mjs`);
      await build({
        entryPoints: [path.join(REPO_ROOT, 'test', 'support', 'scoring-child', 'scoring-child-main.ts')],
        outfile: child,
        bundle: true,
        platform: 'node',
        format: 'esm',
        packages: 'external',
        logLevel: 'warning',
      });
      const proc = spawn(process.execPath, [child, temp.dir, RESOURCES_DIR, batchId, projectId], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      let acknowledged = -1;
      let buffered = '';
      const ended = new Promise<NodeJS.Signals | null>((resolve) => proc.on('exit', (_code, signal) => resolve(signal)));
      proc.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) acknowledged = Number(line);
        if (acknowledged >= KILL_AFTER_STEPS) proc.kill('SIGKILL');
      });
      expect(await ended, stderr).toBe('SIGKILL');
      expect(acknowledged).toBeGreaterThanOrEqual(KILL_AFTER_STEPS);

      const db = new Database(path.join(temp.dir, 'jigai.sqlite'));
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
      const core = createCore({ dataDir: temp.dir, resourcesDir: RESOURCES_DIR, logger: silentLogger });
      try {
        const sheet = await core.api.getScoringSheet({ batchId, projectId });
        const stored = Object.fromEntries(sheet.items.map((i) => [i.itemId, i.score]));
        // Every acknowledged step is there; the step in flight at the kill committed whole or not at all.
        const records = (await core.api.listAuditLog({ subject: `project:${batchId}/${projectId}`, limit: 10_000 })).filter((e) => e.actionCode === 'score-record');
        const last = records.length - 1;
        expect([acknowledged, acknowledged + 1]).toContain(last);
        expect(stored).toEqual(scoresAfter(last));
        const lastComment = sheet.items.find((i) => i.itemId === plannedWrite(last).itemId)?.comment;
        expect(lastComment).toBe(`第 ${String(last)} 次保存`);
        expect(await core.api.getAuditChainStatus({})).toMatchObject({ holds: true, firstBroken: null });
      } finally {
        core.close();
      }
    } finally {
      temp.cleanup();
    }
  }, 120_000);
});
