import { Worker } from 'node:worker_threads';
import { AppError, type ApiErrorBody } from '@shared/api/errors';
import type { Envelope } from '@shared/api/envelope';
import type { ImportJob } from '@shared/api/batches-contract';
import type { ApiInvoker } from '../dispatch';
import type { Logger } from '../logger';
import type { CoreWorkerData, HostToWorker, WorkerToHost } from './protocol';
import { createRestartPolicy, type RestartPolicyOptions } from './restart-policy';
import { describeCrash, interruptedCallError, isHeavyMethod, stoppedForGoodError } from './crash-messages';

/** Far above what the largest real package needs (the fuzz suite peaks under 200 MiB for the whole process). */
const WORKER_HEAP_LIMIT_MB = 3072;

export interface CoreWorkerHost {
  invoke: ApiInvoker;
  close(): Promise<void>;
}

export interface CoreWorkerHostOptions extends RestartPolicyOptions {
  /** Told once per restart, e.g. to write it to the log; the user learns it from the failed call. */
  onRestart?: (cause: string) => void;
}

const MAX_LOST_JOBS_KEPT = 20;

interface Running {
  worker: Worker;
  generation: number;
}

interface PendingCall {
  method: string;
  input: unknown;
  generation: number;
  answer: (envelope: Envelope<unknown>) => void;
}

/**
 * Starts the core's worker thread (the bundled dist/electron/core-worker.mjs) and resolves once the
 * database is open, or rejects with the core's own error (e.g. a database from a newer version).
 *
 * The thread is supervised: when it dies (a damaged package that trips a library, out of memory),
 * the calls it was running fail with one Chinese message naming the cause, import jobs it was running
 * are reported as failed when the page next asks for them, and a fresh thread takes the next call.
 * Repeated deaths back off and, past a cap, stop restarting so a crash loop cannot eat the machine.
 */
export async function startCoreWorker(workerFile: string, data: CoreWorkerData, logger: Logger, options: CoreWorkerHostOptions = {}): Promise<CoreWorkerHost> {
  const policy = createRestartPolicy(options);
  const pending = new Map<number, PendingCall>();
  /** Import jobs started in a thread, by job id, so a job that died with it is answered by the host. */
  const jobThreads = new Map<string, number>();
  const lostJobs = new Map<string, ImportJob>();
  let nextId = 1;
  let closing = false;
  let stoppedForGood: ApiErrorBody | null = null;
  let current: Promise<Running> = spawn(1);
  // A failure to start the first time (e.g. a database from a newer version) is the caller's error.
  await current;

  function spawn(generation: number): Promise<Running> {
    return new Promise((resolve, reject) => {
      // A heap limit turns a runaway import into the death of this thread, which is restarted,
      // instead of the whole app running out of memory.
      const worker = new Worker(workerFile, { workerData: data, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_LIMIT_MB } });
      let ready = false;
      let crash: unknown = null;
      worker.on('message', (message: WorkerToHost) => {
        if (message.kind === 'log') logger[message.level](message.message, message.fields);
        else if (message.kind === 'reply') settle(message.id, message.envelope);
        else if (message.kind === 'failed') {
          void worker.terminate();
          reject(new AppError(message.error.code, message.error.message, message.error.details));
        } else {
          ready = true;
          resolve({ worker, generation });
        }
      });
      worker.on('error', (error) => {
        crash = error;
        logger.error('核心线程出错', { error: error.stack ?? String(error) });
      });
      worker.on('exit', (exitCode) => {
        if (!ready) {
          reject(crash instanceof Error ? crash : new Error(`核心线程启动时退出（退出码 ${String(exitCode)}）`));
          return;
        }
        if (closing) return;
        onDeath(generation, describeCrash(crash, exitCode));
      });
    });
  }

  function settle(id: number, envelope: Envelope<unknown>): void {
    const call = pending.get(id);
    if (!call) return;
    pending.delete(id);
    if (envelope.ok && call.method === 'startImport') jobThreads.set((envelope.value as ImportJob).jobId, call.generation);
    // A job the page has seen end no longer needs watching.
    if (envelope.ok && call.method === 'getImportJob' && (envelope.value as ImportJob).state !== 'running') jobThreads.delete((envelope.value as ImportJob).jobId);
    call.answer(envelope);
  }

  function onDeath(generation: number, cause: string): void {
    logger.error('核心线程意外停止，正在重新启动', { cause });
    options.onRestart?.(cause);
    // The heavy work running in the dead thread (an import, an export) is the likeliest culprit and
    // carries the full explanation; quick reads caught in it only say they must be repeated.
    const deadJobs = [...jobThreads].filter(([, g]) => g === generation).map(([jobId]) => jobId);
    const deadCalls = [...pending].filter(([, call]) => call.generation === generation);
    const anyHeavy = deadJobs.length > 0 || deadCalls.some(([, call]) => isHeavyMethod(call.method));
    for (const jobId of deadJobs) {
      jobThreads.delete(jobId);
      lostJobs.set(jobId, {
        jobId,
        state: 'failed',
        progress: { phase: 'reading', done: 0, total: 1, message: '导入未完成' },
        error: { ...interruptedCallError('startImport', cause, true), errors: [], warnings: [] },
      });
    }
    while (lostJobs.size > MAX_LOST_JOBS_KEPT) lostJobs.delete(lostJobs.keys().next().value as string);
    for (const [id, call] of deadCalls) {
      pending.delete(id);
      // The page asking after the very job that died gets the job's end, not a failed question.
      const lost = call.method === 'getImportJob' ? lostJobs.get(jobIdOf(call.input)) : undefined;
      if (lost) call.answer({ ok: true, value: lost });
      else call.answer({ ok: false, error: interruptedCallError(call.method, cause, !anyHeavy || isHeavyMethod(call.method)) });
    }
    const delay = policy.recordCrash();
    if (delay === null) {
      stoppedForGood = stoppedForGoodError(cause);
      logger.error('核心线程多次意外停止，已停止自动重启', { cause });
      return;
    }
    current = wait(delay).then(() => spawn(generation + 1));
    // A restart that fails (e.g. the data folder became unreadable) answers the next calls with its error.
    current.catch((error: unknown) => logger.error('核心线程重新启动失败', { error: String(error) }));
  }

  async function invoke(method: string, input: unknown): Promise<Envelope<unknown>> {
    if (stoppedForGood) return { ok: false, error: stoppedForGood };
    if (closing) return { ok: false, error: { code: 'INTERNAL', message: '技改评审正在退出' } };
    if (method === 'getImportJob') {
      const lost = lostJobs.get(jobIdOf(input));
      if (lost) return { ok: true, value: lost };
    }
    let running: Running;
    try {
      running = await current;
    } catch (error) {
      return { ok: false, error: error instanceof AppError ? error.toBody() : { code: 'INTERNAL', message: `程序核心无法重新启动：${String(error)}` } };
    }
    return new Promise((answer) => {
      const id = nextId++;
      pending.set(id, { method, input, generation: running.generation, answer });
      running.worker.postMessage({ kind: 'call', id, method, input } satisfies HostToWorker);
    });
  }

  return {
    invoke,
    close: async () => {
      if (closing) return;
      closing = true;
      const running = await current.catch(() => null);
      if (!running || stoppedForGood) return;
      await new Promise<void>((done) => {
        const fallback = setTimeout(() => void running.worker.terminate(), 10_000);
        running.worker.once('exit', () => {
          clearTimeout(fallback);
          done();
        });
        running.worker.postMessage({ kind: 'close' } satisfies HostToWorker);
      });
      for (const call of pending.values()) call.answer({ ok: false, error: { code: 'INTERNAL', message: '技改评审正在退出' } });
      pending.clear();
    },
  };
}

function jobIdOf(input: unknown): string {
  const jobId = (input as { jobId?: unknown } | null)?.jobId;
  return typeof jobId === 'string' ? jobId : '';
}

function wait(ms: number): Promise<void> {
  return ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
}
