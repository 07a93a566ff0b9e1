// A stand-in for the core's worker thread that speaks the same protocol and dies on demand:
// `crash` and `importPackage` throw from a timer (as a library callback would), `exit` ends the thread, `startImport`
// answers a job id and then dies, `hang` and `getImportJob` never answer; anything else answers its thread id.
import { parentPort, threadId, workerData } from 'node:worker_threads';

const port = parentPort;
if (workerData?.failStart) port.postMessage({ kind: 'failed', error: { code: 'DB_TOO_NEW', message: '数据库版本过新' } });
else port.postMessage({ kind: 'ready' });

port.on('message', (request) => {
  if (request.kind === 'close') return port.close();
  const reply = (value) => port.postMessage({ kind: 'reply', id: request.id, envelope: { ok: true, value } });
  switch (request.method) {
    case 'crash':
    case 'importPackage':
      setImmediate(() => {
        throw new Error("Cannot read properties of null (reading 'fd')");
      });
      return;
    case 'exit':
      return process.exit(3);
    case 'startImport':
      reply({ jobId: `job-${String(threadId)}` });
      setTimeout(() => {
        throw new Error('damaged deflate data');
      }, 20);
      return;
    case 'hang':
    case 'getImportJob':
      return;
    default:
      return reply({ threadId });
  }
});
