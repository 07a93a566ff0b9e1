import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { inProcessInvoker } from '@core/dispatch';
import { silentLogger } from '@core/logger';
import { createPathGrants } from '@core/path-grants';
import { createCore } from '@core/create-core';
import type { CoreWorkerHost } from '@core/worker/core-worker-host';
import { ipcChannel } from '@shared/api/contract';
import { createSenderCheck, registerApiHandlers } from '@main/ipc-registration';
import { SMOKE_TEST_PREFIX, SMOKE_TEST_SCRIPT } from '@main/smoke-test';
import { startDesktop, type DesktopApp, type DesktopWindow } from '@main/start-desktop';
import { RESOURCES_DIR, makeTempDir } from '../../support/temp-dir';

const APP_URL = 'file:///opt/jigai/resources/app.asar/dist/renderer';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

/**
 * A fake Electron around the real start-up: the app, one window whose page runs the smoke test's
 * script the way the preload does (one call on the contract's IPC channel, from the window's top
 * frame), and the real IPC registration in front of a real core on a temporary data folder.
 */
function fakeDesktop(argv: string[], options: { failCore?: string; secondInstance?: boolean } = {}) {
  const events: string[] = [];
  const printed: string[] = [];
  const handlers = new Map<string, Listener>();
  const appListeners = new Map<string, () => void>();
  const folders: { cleanup: () => void }[] = [];
  let userData = '/home/reviewer/.config/技改评审';
  let exited!: (code: number) => void;
  const exitCode = new Promise<number>((resolve) => (exited = resolve));
  let windowCreated!: () => void;
  const windowReady = new Promise<void>((resolve) => (windowCreated = resolve));
  const mainFrame = { url: `${APP_URL}/index.html#/batches` };

  const window: DesktopWindow & { webContents: { id: number; mainFrame: unknown } } = {
    webContents: {
      id: 3,
      mainFrame,
      once: (event, listener) => {
        events.push(`window waits for ${event}`);
        setImmediate(listener);
      },
      executeJavaScript: async (code) => {
        events.push(`page runs ${code}`);
        if (code !== SMOKE_TEST_SCRIPT) throw new Error(`unexpected script ${code}`);
        const handler = handlers.get(ipcChannel('getAppInfo'));
        if (!handler) throw new Error('window.api.getAppInfo is not connected');
        return handler({ sender: { id: 3 }, senderFrame: mainFrame } as unknown as IpcMainInvokeEvent, {});
      },
    },
    on: () => window,
    isMinimized: () => false,
    restore: () => undefined,
    focus: () => undefined,
  };

  const app: DesktopApp = {
    whenReady: () => Promise.resolve(),
    on: (event, listener) => appListeners.set(event, listener),
    requestSingleInstanceLock: () => !options.secondInstance,
    getPath: () => userData,
    setPath: (_name, value) => {
      userData = value;
    },
    quit: () => {
      events.push('app quits');
      exited(-1);
    },
    exit: (code) => {
      events.push(`app exits with ${code}`);
      exited(code);
    },
  };

  startDesktop({
    app,
    argv,
    startCore: (dataDir) => {
      events.push(`core starts on ${dataDir}`);
      if (options.failCore) return Promise.reject(new Error(options.failCore));
      const core = createCore({ dataDir, resourcesDir: RESOURCES_DIR, logger: silentLogger, now: () => new Date('2026-11-22T09:00:00Z') });
      const host: CoreWorkerHost = {
        invoke: inProcessInvoker(core.handlers, silentLogger),
        close: () => {
          events.push('core closes');
          core.close();
          return Promise.resolve();
        },
      };
      return Promise.resolve(host);
    },
    connect: (core, _dataDir, getWindow) => {
      registerApiHandlers(
        { handle: (channel, listener) => handlers.set(channel, listener) },
        core.invoke,
        createSenderCheck(getWindow, APP_URL),
        silentLogger,
        createPathGrants(),
      );
    },
    createWindow: () => {
      events.push('window opens');
      windowCreated();
      return window;
    },
    showStartupError: (message) => events.push(`error box: ${message}`),
    makeSmokeTestDataDir: () => {
      const temp = makeTempDir('jigai-smoke-');
      folders.push(temp);
      return temp.dir;
    },
    print: (line) => printed.push(line),
  });
  const cleanup = () => folders.forEach((folder) => folder.cleanup());
  return { events, printed, exitCode, windowReady, appListeners, cleanup, userData: () => userData };
}

describe('desktop start-up', () => {
  it('with --smoke-test opens the window, makes one API call from the page through IPC, prints the answer and exits 0', async () => {
    const desktop = fakeDesktop(['/opt/技改评审/jigai-review', '--smoke-test']);
    try {
      expect(await desktop.exitCode).toBe(0);
      const dataDir = desktop.userData();
      expect(dataDir).not.toBe('/home/reviewer/.config/技改评审');
      expect(desktop.events).toEqual([
        `core starts on ${dataDir}`,
        'window opens',
        'window waits for did-finish-load',
        `page runs ${SMOKE_TEST_SCRIPT}`,
        'core closes',
        'app exits with 0',
      ]);
      expect(desktop.printed).toHaveLength(1);
      const line = desktop.printed[0] ?? '';
      expect(line.startsWith(SMOKE_TEST_PREFIX)).toBe(true);
      const answer = JSON.parse(line.slice(SMOKE_TEST_PREFIX.length)) as { ok: boolean; value: { productName: string; dataDir: string; schemaVersion: number } };
      expect(answer).toMatchObject({ ok: true, value: { productName: '技改评审', dataDir } });
      expect(answer.value.schemaVersion).toBeGreaterThan(0);
    } finally {
      desktop.cleanup();
    }
  });

  it('with --smoke-test prints why the core could not start and exits 1, without a dialog nobody would close', async () => {
    const desktop = fakeDesktop(['jigai-review', '--smoke-test'], { failCore: '程序文件不完整：缺少数据库驱动' });
    try {
      expect(await desktop.exitCode).toBe(1);
      expect(desktop.printed).toEqual(['技改评审无法启动：程序文件不完整：缺少数据库驱动']);
      expect(desktop.events.some((event) => event.startsWith('error box'))).toBe(false);
    } finally {
      desktop.cleanup();
    }
  });

  it('without the flag opens the window on the reviewer’s data folder and stays open', async () => {
    const desktop = fakeDesktop(['jigai-review']);
    await desktop.windowReady;
    expect(desktop.events).toEqual(['core starts on /home/reviewer/.config/技改评审', 'window opens']);
    expect(desktop.printed).toEqual([]);
    // Closing the last window closes the core, then quits.
    desktop.appListeners.get('window-all-closed')?.();
    expect(await desktop.exitCode).toBe(-1);
    expect(desktop.events.slice(-2)).toEqual(['core closes', 'app quits']);
  });

  it('a second instance quits at once and leaves the data to the first', async () => {
    const desktop = fakeDesktop(['jigai-review'], { secondInstance: true });
    expect(await desktop.exitCode).toBe(-1);
    expect(desktop.events).toEqual(['app quits']);
  });

  it('a core that cannot start is shown in a dialog, then the app quits', async () => {
    const desktop = fakeDesktop(['jigai-review'], { failCore: '数据文件由更新版本的技改评审创建' });
    expect(await desktop.exitCode).toBe(-1);
    expect(desktop.events).toEqual(['core starts on /home/reviewer/.config/技改评审', 'error box: 数据文件由更新版本的技改评审创建', 'app quits']);
  });
});
