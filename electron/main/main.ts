import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BrowserWindow, Menu, app, dialog, ipcMain, session } from 'electron';
import { startCoreWorker } from '../core/worker/core-worker-host';
import { coreWorkerFileOf, findInstallRoot, rendererDirOf, resourcesDirOf } from '../core/install-paths';
import { fileLogger, logFileOf, stderrLogger, teeLogger, type Logger } from '../core/logger';
import { PRODUCT_NAME } from '../core/app-version';
import { buildAppMenu } from './app-menu';
import { registerDialogHandlers } from './dialogs';
import { createSenderCheck, registerApiHandlers } from './ipc-registration';
import { hardenSession, lockNavigation } from './window-security';
import { createPathGrants } from '../core/path-grants';
import { startDesktop } from './start-desktop';

/**
 * The thin desktop shell: lifecycle, one hardened window, the menu, dialogs and IPC. All behaviour
 * lives in the core, which this file only creates and connects.
 */
const root = app.isPackaged ? path.join(process.resourcesPath, 'app.asar') : findInstallRoot(import.meta.url);
const resourcesDir = app.isPackaged ? path.join(process.resourcesPath, 'resources') : resourcesDirOf(root);
const rendererIndex = path.join(rendererDirOf(root), 'index.html');
const appUrlPrefix = pathToFileURL(rendererDirOf(root)).href;
let logger: Logger = stderrLogger();

app.setName(PRODUCT_NAME);

/** The Electron build of the SQLite driver: shipped in resources/native when packaged. */
function electronNativeBinding(): string | undefined {
  const candidates = app.isPackaged
    ? [path.join(process.resourcesPath, 'native', 'better_sqlite3.node')]
    : [path.join(root, 'build', 'native', `electron-${process.versions.electron ?? ''}-${process.arch}`, 'better_sqlite3.node')];
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  // The package holds no other build of the driver, so without this file the app cannot open its data.
  if (!found && app.isPackaged) throw new Error(`程序文件不完整：缺少数据库驱动 ${candidates.join('、')}。请重新安装技改评审。`);
  return found;
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: PRODUCT_NAME,
    show: false,
    webPreferences: {
      preload: fileURLToPath(new URL('./preload.cjs', import.meta.url)),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  lockNavigation(window, appUrlPrefix);
  window.once('ready-to-show', () => window.show());
  void window.loadFile(rendererIndex);
  return window;
}

app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

startDesktop({
  app,
  argv: process.argv,
  startCore: async (dataDir) => {
    logger = teeLogger(stderrLogger(), fileLogger(logFileOf(dataDir)));
    // The core runs in a worker thread so that imports and verification never freeze the window.
    const workerFile = coreWorkerFileOf(path.dirname(fileURLToPath(import.meta.url)));
    return startCoreWorker(workerFile, { dataDir, resourcesDir, nativeBinding: electronNativeBinding() }, logger);
  },
  connect: (core, dataDir, getWindow) => {
    hardenSession(session.defaultSession, () => getWindow()?.webContents.id ?? null, appUrlPrefix);
    const isTrustedSender = createSenderCheck(getWindow, appUrlPrefix);
    const grants = createPathGrants();
    registerApiHandlers(ipcMain, core.invoke, isTrustedSender, logger, grants);
    registerDialogHandlers(getWindow, isTrustedSender, grants);
    Menu.setApplicationMenu(buildAppMenu(getWindow, dataDir));
  },
  createWindow,
  showStartupError: (message) => dialog.showErrorBox('技改评审无法启动', message),
  makeSmokeTestDataDir: () => fs.mkdtempSync(path.join(os.tmpdir(), 'jigai-smoke-test-')),
  print: (line) => process.stdout.write(`${line}\n`),
});
