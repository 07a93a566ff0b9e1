import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '@shared/api/errors';
import { silentLogger } from '@core/logger';
import { startCoreWorker, type CoreWorkerHost } from '@core/worker/core-worker-host';
import { createRestartPolicy, defaultBackoffMs } from '@core/worker/restart-policy';
import { REPO_ROOT } from '@test/support/temp-dir';

const CRASHING_WORKER = path.join(REPO_ROOT, 'test', 'support', 'crashing-worker.mjs');
const data = { dataDir: '/nowhere', resourcesDir: '/nowhere' };
const hosts: CoreWorkerHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
});

async function start(options: Parameters<typeof startCoreWorker>[3] = {}): Promise<CoreWorkerHost> {
  const host = await startCoreWorker(CRASHING_WORKER, data, silentLogger, { backoffMs: () => 0, ...options });
  hosts.push(host);
  return host;
}

function threadOf(envelope: Awaited<ReturnType<CoreWorkerHost['invoke']>>): number {
  if (!envelope.ok) throw new Error(envelope.error.message);
  return (envelope.value as { threadId: number }).threadId;
}

describe('the supervised core worker', () => {
  it('fails the call that killed the thread with one Chinese message, other calls cleanly, then restarts', async () => {
    const restarts: string[] = [];
    const host = await start({ onRestart: (cause) => restarts.push(cause) });
    const hanging = host.invoke('hang', {});
    const killer = await host.invoke('importPackage', { path: '/tmp/损坏.zip' });
    expect(killer).toEqual({
      ok: false,
      error: { code: 'CORE_RESTARTED', message: '处理材料包时程序核心意外停止，已自动重启；本次操作未完成：遇到无法处理的数据，材料可能已损坏（详情已写入日志）' },
    });
    expect(await hanging).toEqual({ ok: false, error: { code: 'CORE_RESTARTED', message: '程序核心刚刚重新启动，本次操作未完成，请重试' } });
    expect(threadOf(await host.invoke('ping', {}))).toBeGreaterThan(0);
    expect(restarts).toHaveLength(1);
  });

  it('names the activity and cause of the call that crashed it, and later calls work in a new thread', async () => {
    const restarts: string[] = [];
    const host = await start({ onRestart: (cause) => restarts.push(cause) });
    const before = threadOf(await host.invoke('ping', {}));
    const crashed = await host.invoke('crash', {});
    expect(crashed).toEqual({
      ok: false,
      error: { code: 'CORE_RESTARTED', message: '程序核心意外停止，已自动重启；本次操作未完成：遇到无法处理的数据，材料可能已损坏（详情已写入日志）' },
    });
    expect(restarts).toHaveLength(1);
    const after = threadOf(await host.invoke('ping', {}));
    expect(after).not.toBe(before);
  });

  it('reports an import job that died with the thread as failed, with the cause, when the page asks', async () => {
    let restarted: (cause: string) => void = () => undefined;
    const died = new Promise<string>((resolve) => (restarted = resolve));
    const host = await start({ onRestart: (cause) => restarted(cause) });
    const started = await host.invoke('startImport', { path: '/tmp/损坏.zip' });
    expect(started.ok).toBe(true);
    const jobId = (started as { value: { jobId: string } }).value.jobId;
    await died;
    threadOf(await host.invoke('ping', {}));
    const job = await host.invoke('getImportJob', { jobId });
    expect(job).toMatchObject({
      ok: true,
      value: {
        jobId,
        state: 'failed',
        error: { code: 'CORE_RESTARTED', message: expect.stringContaining('处理材料包时程序核心意外停止，已自动重启；本次操作未完成：') as unknown },
      },
    });
  });

  it('answers a question about the job that was in flight when its thread died with the job’s failure', async () => {
    const host = await start();
    const started = await host.invoke('startImport', { path: '/tmp/损坏.zip' });
    const jobId = (started as { value: { jobId: string } }).value.jobId;
    const job = await host.invoke('getImportJob', { jobId });
    expect(job).toMatchObject({ ok: true, value: { jobId, state: 'failed', error: { code: 'CORE_RESTARTED' } } });
  });

  it('stops restarting after too many deaths and says so instead of looping', async () => {
    const host = await start({ maxCrashes: 2 });
    expect(await host.invoke('exit', {})).toMatchObject({ ok: false, error: { code: 'CORE_RESTARTED' } });
    expect(await host.invoke('exit', {})).toMatchObject({ ok: false, error: { code: 'CORE_RESTARTED' } });
    expect(threadOf(await host.invoke('ping', {}))).toBeGreaterThan(0);
    expect(await host.invoke('exit', {})).toMatchObject({ ok: false, error: { message: expect.stringContaining('程序核心异常退出（退出码 3') as unknown } });
    expect(await host.invoke('ping', {})).toMatchObject({ ok: false, error: { code: 'CORE_RESTARTED', message: expect.stringContaining('已停止自动重启') as unknown } });
  });

  it('rejects with the core’s own error when the thread cannot start', async () => {
    const error = await startCoreWorker(CRASHING_WORKER, { ...data, failStart: true } as typeof data, silentLogger).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('DB_TOO_NEW');
  });
});

describe('the restart policy', () => {
  it('restarts the first death at once, backs off on repeats and gives up past the cap within the window', () => {
    let clock = 0;
    const policy = createRestartPolicy({ maxCrashes: 3, windowMs: 1000, now: () => clock });
    expect([policy.recordCrash(), policy.recordCrash(), policy.recordCrash()]).toEqual([0, 1000, 2000]);
    expect(policy.recordCrash()).toBeNull();
    clock = 5000;
    expect(policy.recordCrash()).toBe(0);
    expect(defaultBackoffMs(20)).toBe(30_000);
  });
});
