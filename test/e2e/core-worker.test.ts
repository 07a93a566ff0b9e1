import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/errors';
import { silentLogger } from '../../electron/core/logger';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { startCoreWorker } from '../../electron/core/worker/core-worker-host';
import { CORE_WORKER_BUNDLE } from '@core/install-paths';
import { REPO_ROOT, RESOURCES_DIR, makeTempDir } from '../support/temp-dir';

// The bundled worker, as the desktop app and browser mode start it (built by `npm run build`).
const WORKER = path.join(REPO_ROOT, 'dist', 'electron', CORE_WORKER_BUNDLE);
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function dataDir(): string {
  const temp = makeTempDir();
  cleanups.push(temp.cleanup);
  return temp.dir;
}

describe('the core in its worker thread', () => {
  it('answers API calls with the same envelopes, including validation errors, and closes cleanly', async () => {
    const dir = dataDir();
    const host = await startCoreWorker(WORKER, { dataDir: dir, resourcesDir: RESOURCES_DIR }, silentLogger);
    const info = await host.invoke('getAppInfo', {});
    expect(info).toMatchObject({ ok: true, value: { dataDir: dir, schemaVersion: LATEST_SCHEMA_VERSION } });
    expect(await host.invoke('updateSettings', { reviewerRole: 'king' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await host.invoke('dropEverything', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    // Calls run concurrently without mixing up their answers.
    const [a, b] = await Promise.all([host.invoke('listRuleSets', {}), host.invoke('listBatches', {})]);
    expect(a.ok && Array.isArray(a.value) && a.value.length).toBeGreaterThan(5);
    expect(b).toEqual({ ok: true, value: [] });
    await host.close();
    // The database was closed by the worker: no WAL file is left behind.
    const db = new Database(path.join(dir, 'jigai.sqlite'), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('fails to start with the core’s own Chinese error on a database from a newer version', async () => {
    const dir = dataDir();
    const future = new Database(path.join(dir, 'jigai.sqlite'));
    future.pragma(`user_version = ${String(LATEST_SCHEMA_VERSION + 1)}`);
    future.close();
    const error = await startCoreWorker(WORKER, { dataDir: dir, resourcesDir: RESOURCES_DIR }, silentLogger).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('DB_TOO_NEW');
    expect((error as AppError).message).toContain('请安装最新版本');
  });
});
