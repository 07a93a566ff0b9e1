// npm start: the desktop app where Electron can run, browser mode where it cannot.
// npm run web: browser mode directly. Extra arguments (e.g. --data DIR) are passed on.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const webOnly = args.includes('--web');
const passOn = args.filter((a) => a !== '--web');

const FORWARDED_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'];

/**
 * Runs the app as a child and lives exactly as long as it does: a stop signal sent to this script
 * (a service manager's SIGTERM, a closed terminal's SIGHUP) is passed on so the app can close its
 * database cleanly, and this script ends with the app's own exit code or signal.
 */
function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
  child.on('exit', (code, signal) => {
    for (const name of FORWARDED_SIGNALS) process.off(name, forward);
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 0);
  });
}

/**
 * The Electron program if it was downloaded, without triggering electron's own download attempt
 * (which fails, slowly, on a machine without access to its download server).
 */
function electronBinary() {
  const require = createRequire(import.meta.url);
  let packageDir;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const base = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(packageDir, 'dist');
  const binary = path.join(base, relative);
  return existsSync(binary) ? binary : null;
}

if (!existsSync(new URL('../dist/electron/web.js', import.meta.url))) {
  await new Promise((resolve, reject) =>
    spawn(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' }).on('exit', (code) => (code === 0 ? resolve() : reject(new Error('构建失败')))),
  );
}

const electron = webOnly ? null : electronBinary();
if (electron) {
  const { ensureElectronNativeModule } = await import('./build-native-electron.mjs');
  await ensureElectronNativeModule();
  run(electron, ['.', ...passOn]);
} else {
  if (!webOnly) process.stdout.write('本机没有可用的 Electron 程序（见 README「受限网络下获取 Electron」），改为以浏览器模式启动。\n');
  run(process.execPath, ['dist/electron/web.js', ...passOn]);
}
