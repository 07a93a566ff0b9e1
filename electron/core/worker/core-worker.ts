import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '../../../shared/api/errors';
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
try {
  const core = createCore({ dataDir: data.dataDir, resourcesDir: data.resourcesDir, nativeBinding: data.nativeBinding, logger });
  port.on('message', (request: HostToWorker) => {
    if (request.kind === 'close') {
      // Close the database cleanly (WAL checkpoint) before the thread ends.
      core.close();
      port.close();
      return;
    }
    void dispatch(core.handlers, request.method, request.input, logger).then((envelope) => post({ kind: 'reply', id: request.id, envelope }));
  });
  post({ kind: 'ready' });
} catch (error) {
  post({
    kind: 'failed',
    error: isAppError(error) ? error.toBody() : { code: 'INTERNAL', message: `核心启动失败：${error instanceof Error ? error.message : String(error)}` },
  });
}
