import fs from 'node:fs';
import path from 'node:path';
import { coreWorkerFileOf } from '@core/install-paths';
import { silentLogger } from '@core/logger';
import { startCoreWorker } from '@core/worker/core-worker-host';
import { makeTempDir } from '../support/temp-dir';

/**
 * Starts the core worker of a packaged app the way electron/main/main.ts does (coreWorkerFileOf on
 * the folder of main.js inside app.asar) and asks it two questions through the worker protocol.
 * Run in plain Node, so the worker cannot lean on Electron's asar support: it must start from a real
 * file and find every library it needs in the package. `nativeBinding` must be loadable by this Node.
 */
export async function packagedWorkerDeviations(resourcesPath: string, nativeBinding: string): Promise<string[]> {
  for (let dir = resourcesPath; ; dir = path.dirname(dir)) {
    // A node_modules folder above the package would let the worker find a library the package lacks.
    if (fs.existsSync(path.join(dir, 'node_modules'))) return [`无法单独检验核心线程：${dir} 中有 node_modules，请把打包输出放到别处`];
    if (path.dirname(dir) === dir) break;
  }
  const workerFile = coreWorkerFileOf(path.join(resourcesPath, 'app.asar', 'dist', 'electron'));
  if (!fs.existsSync(workerFile)) return [`核心线程文件不在 app.asar 之外（应为 ${workerFile}）`];
  const data = makeTempDir('jigai-package-check-data-');
  try {
    const resourcesDir = path.join(resourcesPath, 'resources');
    const host = await startCoreWorker(workerFile, { dataDir: data.dir, resourcesDir, nativeBinding }, silentLogger);
    const info = await host.invoke('getAppInfo', {});
    const ruleSets = await host.invoke('listRuleSets', {});
    await host.close();
    const deviations: string[] = [];
    if (!info.ok) deviations.push(`打包后的核心线程回答 getAppInfo 出错：${info.error.message}`);
    const shippedRules = fs.readdirSync(path.join(resourcesDir, 'rules')).filter((name) => name.endsWith('.json')).length;
    if (!ruleSets.ok || !Array.isArray(ruleSets.value) || ruleSets.value.length < shippedRules) {
      deviations.push(`打包后的核心线程没有读到 resources/rules 中的 ${shippedRules} 个政策规则：${JSON.stringify(ruleSets).slice(0, 300)}`);
    }
    return deviations;
  } catch (error) {
    return [`打包后的核心线程无法启动：${error instanceof Error ? error.message : String(error)}`];
  } finally {
    data.cleanup();
  }
}
