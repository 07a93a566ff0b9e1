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
