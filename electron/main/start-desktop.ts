import type { CoreWorkerHost } from '../core/worker/core-worker-host';
import { isSmokeTest, runSmokeTest, SMOKE_TEST_TIMEOUT_MS, type SmokeTestWindow } from './smoke-test';

/** The parts of Electron's `app` the start-up uses, so a test can drive it with a fake. */
export interface DesktopApp {
  whenReady(): Promise<unknown>;
  on(event: 'window-all-closed' | 'second-instance', listener: () => void): unknown;
  requestSingleInstanceLock(): boolean;
  getPath(name: 'userData'): string;
  setPath(name: 'userData', value: string): void;
  quit(): void;
  exit(code: number): void;
}

export interface DesktopWindow extends SmokeTestWindow {
  on(event: 'closed', listener: () => void): unknown;
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
}

export interface DesktopStartup<W extends DesktopWindow> {
  app: DesktopApp;
  argv: readonly string[];
  /** Starts the core worker on the data folder (rejects with the core's own error). */
  startCore(dataDir: string): Promise<CoreWorkerHost>;
  /** Session hardening, IPC and dialog handlers, menu: everything that connects a window to the core. */
  connect(core: CoreWorkerHost, dataDir: string, getWindow: () => W | null): void;
  createWindow(): W;
  showStartupError(message: string): void;
  /** A fresh, empty folder for a smoke test, so it never touches a user's data. */
  makeSmokeTestDataDir(): string;
  print(line: string): void;
}

/**
 * The desktop app's start-up, free of Electron imports: one instance, the core in its worker, one
 * window; with `--smoke-test`, one API call from the page and an exit code instead of a session.
 */
export function startDesktop<W extends DesktopWindow>(startup: DesktopStartup<W>): void {
  const { app } = startup;
  const smokeTest = isSmokeTest(startup.argv);
  let mainWindow: W | null = null;
  let core: CoreWorkerHost | null = null;

  // A smoke test uses its own empty data folder, so it may run beside a reviewer's open app.
  if (smokeTest) app.setPath('userData', startup.makeSmokeTestDataDir());
  else if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });

  void app.whenReady().then(async () => {
    const dataDir = app.getPath('userData');
    try {
      core = await startup.startCore(dataDir);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (smokeTest) {
        startup.print(`技改评审无法启动：${message}`);
        app.exit(1);
      } else {
        startup.showStartupError(message);
        app.quit();
      }
      return;
    }
    startup.connect(core, dataDir, () => mainWindow);
    const window = startup.createWindow();
    mainWindow = window;
    window.on('closed', () => {
      mainWindow = null;
    });
    if (smokeTest) {
      const hung = setTimeout(() => {
        startup.print(`冒烟测试超时：${SMOKE_TEST_TIMEOUT_MS / 1000} 秒内窗口没有完成调用`);
        app.exit(1);
      }, SMOKE_TEST_TIMEOUT_MS);
      const code = await runSmokeTest(window, startup.print);
      clearTimeout(hung);
      await closeCore();
      app.exit(code);
    }
  });

  app.on('window-all-closed', () => {
    void closeCore().then(() => app.quit());
  });

  async function closeCore(): Promise<void> {
    const closing = core?.close() ?? Promise.resolve();
    core = null;
    await closing;
  }
}
