// Builds better-sqlite3 for Electron's ABI into build/native/electron-<version>-<arch>/, leaving the
// Node build in node_modules untouched for the CLI, browser mode and the tests. The desktop app
// loads it through better-sqlite3's nativeBinding option; electron-builder ships it in resources/native.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

export function electronNativeTarget(arch = process.env.npm_config_arch || process.arch) {
  const version = require('electron/package.json').version;
  return { version, arch, dir: path.join(root, 'build', 'native', `electron-${version}-${arch}`) };
}

export async function ensureElectronNativeModule(arch) {
  const target = electronNativeTarget(arch);
  const output = path.join(target.dir, 'better_sqlite3.node');
  if (existsSync(output)) return output;
  const work = path.join(root, 'build', 'native', 'work');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  cpSync(path.dirname(require.resolve('better-sqlite3/package.json')), work, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) });
  process.stdout.write(`正在为 Electron ${target.version}（${target.arch}）编译 SQLite 驱动……\n`);
  // ELECTRON_HEADERS_MIRROR lets users behind a restricted network point at a mirror of the headers.
  const distUrl = process.env.ELECTRON_HEADERS_MIRROR || 'https://electronjs.org/headers';
  execFileSync(
    process.execPath,
    [
      require.resolve('node-gyp/bin/node-gyp.js'),
      'rebuild',
      '--release',
      `--target=${target.version}`,
      `--arch=${target.arch}`,
      `--dist-url=${distUrl}`,
      '--runtime=electron',
    ],
    { cwd: work, stdio: 'inherit' },
  );
  mkdirSync(target.dir, { recursive: true });
  cpSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), output);
  rmSync(work, { recursive: true, force: true });
  return output;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const output = await ensureElectronNativeModule();
  cpSync(output, path.join(root, 'build', 'native', 'current', 'better_sqlite3.node'));
  process.stdout.write(`已生成 ${output}\n`);
}
