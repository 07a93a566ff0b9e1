import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/api/errors';
import type { Envelope } from '../../../shared/api/envelope';
import type { ApiInvoker } from '../dispatch';
import type { Logger } from '../logger';
import type { CoreWorkerData, HostToWorker, WorkerToHost } from './protocol';

export interface CoreWorkerHost {
  invoke: ApiInvoker;
  close(): Promise<void>;
}

/**
 * Starts the core's worker thread (the bundled dist/electron/core-worker.js) and resolves once the
 * database is open, or rejects with the core's own error (e.g. a database from a newer version).
 */
export function startCoreWorker(workerFile: string, data: CoreWorkerData, logger: Logger): Promise<CoreWorkerHost> {
  const worker = new Worker(workerFile, { workerData: data });
  const pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  let nextId = 1;
  let exited = false;

  return new Promise((resolve, reject) => {
    worker.on('message', (message: WorkerToHost) => {
      if (message.kind === 'log') logger[message.level](message.message, message.fields);
      else if (message.kind === 'reply') {
        pending.get(message.id)?.(message.envelope);
        pending.delete(message.id);
      } else if (message.kind === 'failed') {
        void worker.terminate();
        reject(new AppError(message.error.code, message.error.message, message.error.details));
      } else {
        resolve({
          invoke: (method, input) =>
            exited
              ? Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: '核心已停止，请重新启动技改评审' } })
              : new Promise((answer) => {
                  const id = nextId++;
                  pending.set(id, answer);
                  worker.postMessage({ kind: 'call', id, method, input } satisfies HostToWorker);
                }),
          close: () =>
            new Promise<void>((done) => {
              if (exited) return done();
              const fallback = setTimeout(() => void worker.terminate(), 10_000);
              worker.once('exit', () => {
                clearTimeout(fallback);
                done();
              });
              worker.postMessage({ kind: 'close' } satisfies HostToWorker);
            }),
        });
      }
    });
    worker.on('error', (error) => {
      logger.error('核心线程出错', { error: error.stack ?? String(error) });
      reject(error);
    });
    worker.on('exit', () => {
      exited = true;
      for (const answer of pending.values()) answer({ ok: false, error: { code: 'INTERNAL', message: '核心线程意外退出，请重新启动技改评审' } });
      pending.clear();
    });
  });
}
