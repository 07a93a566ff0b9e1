import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository (or unpacked app) root, found from a bundled entry file in dist/electron/ or a
 * source file under electron/: the nearest folder upwards that holds package.json.
 */
export function findInstallRoot(fromUrl: string): string {
  let dir = path.dirname(fileURLToPath(fromUrl));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`找不到安装目录（自 ${fromUrl} 向上没有 package.json）`);
    dir = parent;
  }
}

export function resourcesDirOf(root: string): string {
  return path.join(root, 'resources');
}

export function rendererDirOf(root: string): string {
  return path.join(root, 'dist', 'renderer');
}

/** The bundled core worker (scripts/build.mjs), next to the bundled entry points in dist/electron/. */
export const CORE_WORKER_BUNDLE = 'core-worker.mjs';

/**
 * The core worker's file, given the folder of the bundled entry point that starts it. In the packaged
 * app that folder lies inside app.asar, and the worker is unpacked from it (asarUnpack in
 * electron-builder.yml): a worker thread then starts from a real file, together with the JavaScript
 * of the SQLite driver unpacked beside it, without depending on asar support inside worker threads.
 */
export function coreWorkerFileOf(bundleDir: string): string {
  return path.join(outsideAsar(bundleDir), CORE_WORKER_BUNDLE);
}

/** The same path in app.asar.unpacked when it lies inside app.asar; any other path unchanged. */
export function outsideAsar(file: string): string {
  return file.replace(/([\\/])app\.asar(?=[\\/]|$)/, '$1app.asar.unpacked');
}
