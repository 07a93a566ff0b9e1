import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '@shared/api/errors';
import { createCore } from '../create-core';
import { dispatch } from '../dispatch';
import type { Logger } from '../logger';
import type { CoreWorkerData, HostToWorker, WorkerToHost } from './protocol';

/**
 * The core in its own thread: SQLite calls, workbook parsing and verification never block the
 * window (desktop) or the local web service (browser mode), so progress keeps coming during an import.
 */
const port = parentPort;
if (!port) throw new Error('core-worker 只能作为工作线程运行');
const post = (message: WorkerToHost) => port.postMessage(message);
const logger: Logger = {
  info: (message, fields) => post({ kind: 'log', level: 'info', message, ...(fields ? { fields } : {}) }),
  warn: (message, fields) => post({ kind: 'log', level: 'warn', message, ...(fields ? { fields } : {}) }),
  error: (message, fields) => post({ kind: 'log', level: 'error', message, ...(fields ? { fields } : {}) }),
};

const data = workerData as CoreWorkerData;

/**
 * Test harness only: with JIGAI_TEST_CRASH set in the environment of the process that starts the
 * core, importing a file whose name contains that text kills this thread, so the end-to-end tests
 * can prove the restart even once no damaged package can crash it any more. The API cannot set it.
 */
const crashMarker = process.env.JIGAI_TEST_CRASH ?? '';

function isImportOf(request: Extract<HostToWorker, { kind: 'call' }>, marker: string): boolean {
  const file = (request.input as { path?: unknown } | null)?.path;
  return (request.method === 'startImport' || request.method === 'importPackage') && typeof file === 'string' && file.includes(marker);
}

function crashDeliberately(method: string): never {
  throw new Error(`JIGAI_TEST_CRASH: ${method}`);
}
try {
  const core = createCore({ dataDir: data.dataDir, resourcesDir: data.resourcesDir, nativeBinding: data.nativeBinding, logger });
  port.on('message', (request: HostToWorker) => {
    if (request.kind === 'close') {
      // Close the database cleanly (WAL checkpoint) before the thread ends.
      core.close();
      port.close();
      return;
    }
    // Scheduled before the call runs, so the thread dies after answering but before the import's work starts.
    if (crashMarker && isImportOf(request, crashMarker)) setImmediate(() => crashDeliberately(request.method));
    void dispatch(core.handlers, request.method, request.input, logger).then((envelope) => post({ kind: 'reply', id: request.id, envelope }));
  });
  post({ kind: 'ready' });
} catch (error) {
  post({
    kind: 'failed',
    error: isAppError(error) ? error.toBody() : { code: 'INTERNAL', message: `核心启动失败：${error instanceof Error ? error.message : String(error)}` },
  });
}
