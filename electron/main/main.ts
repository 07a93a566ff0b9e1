import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BrowserWindow, Menu, app, dialog, ipcMain, session } from 'electron';
import { startCoreWorker, type CoreWorkerHost } from '../core/worker/core-worker-host';
import { defaultDataDir } from '../core/default-data-dir';
import { coreWorkerFileOf, findInstallRoot, rendererDirOf, resourcesDirOf } from '../core/install-paths';
import { fileLogger, logFileOf, stderrLogger, teeLogger, type Logger } from '../core/logger';
import { PRODUCT_NAME } from '../core/app-version';
import { buildAppMenu } from './app-menu';
import { registerDialogHandlers } from './dialogs';
import { createSenderCheck, registerApiHandlers } from './ipc-registration';
import { hardenSession, lockNavigation } from './window-security';
import { createPathGrants } from '../core/path-grants';

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
let mainWindow: BrowserWindow | null = null;
let core: CoreWorkerHost | null = null;

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

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  void app.whenReady().then(async () => {
    const dataDir = app.getPath('userData') || defaultDataDir();
    logger = teeLogger(stderrLogger(), fileLogger(logFileOf(dataDir)));
    try {
      // The core runs in a worker thread so that imports and verification never freeze the window.
      const workerFile = coreWorkerFileOf(path.dirname(fileURLToPath(import.meta.url)));
      core = await startCoreWorker(workerFile, { dataDir, resourcesDir, nativeBinding: electronNativeBinding() }, logger);
    } catch (error) {
      dialog.showErrorBox('技改评审无法启动', error instanceof Error ? error.message : String(error));
      app.quit();
      return;
    }
    hardenSession(session.defaultSession);
    const isTrustedSender = createSenderCheck(() => mainWindow, appUrlPrefix);
    const grants = createPathGrants();
    registerApiHandlers(ipcMain, core.invoke, isTrustedSender, logger, grants);
    registerDialogHandlers(() => mainWindow, isTrustedSender, grants);
    Menu.setApplicationMenu(buildAppMenu(() => mainWindow, dataDir));
    mainWindow = createWindow();
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  });

  app.on('window-all-closed', () => {
    const closing = core?.close() ?? Promise.resolve();
    core = null;
    void closing.then(() => app.quit());
  });
}
