import { parseArgs } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCoreWorker } from '../core/worker/core-worker-host';
import { defaultDataDir } from '../core/default-data-dir';
import { coreWorkerFileOf, findInstallRoot, rendererDirOf, resourcesDirOf } from '../core/install-paths';
import { fileLogger, logFileOf, stderrLogger, teeLogger } from '../core/logger';
import { startBridgeServer } from './bridge-server';

/** Browser mode: the core plus the HTTP bridge, for machines where the desktop shell cannot run. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { data: { type: 'string' }, port: { type: 'string' } },
    allowPositionals: false,
  });
  const root = findInstallRoot(import.meta.url);
  const dataDir = path.resolve(values.data ?? defaultDataDir());
  const logger = teeLogger(stderrLogger(), fileLogger(logFileOf(dataDir)));
  const core = await startCoreWorker(coreWorkerFileOf(path.dirname(fileURLToPath(import.meta.url))), { dataDir, resourcesDir: resourcesDirOf(root) }, logger);
  const server = await startBridgeServer({
    invoke: core.invoke,
    logger,
    staticDir: rendererDirOf(root),
    port: values.port ? Number(values.port) : 0,
  });
  process.stdout.write(`技改评审（浏览器模式）已启动，请在浏览器中打开：\n${server.url}\n数据文件夹：${dataDir}\n按 Ctrl+C 退出。\n`);
  const stop = () => {
    void server
      .close()
      .then(() => core.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('SIGHUP', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`启动失败：${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
