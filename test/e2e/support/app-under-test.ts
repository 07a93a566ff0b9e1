import fs from 'node:fs';
import { inProcessInvoker } from '@core/dispatch';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createCore, type Core } from '@core/create-core';
import { silentLogger } from '@core/logger';
import { startBridgeServer, type BridgeServer } from '@web/bridge-server';
import { startCoreWorker } from '@core/worker/core-worker-host';
import { CORE_WORKER_BUNDLE } from '@core/install-paths';
import { REPO_ROOT, RESOURCES_DIR, makeTempDir } from '../../support/temp-dir';

export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');
const CHROMIUM = process.env.JIGAI_CHROMIUM ?? '/usr/bin/chromium';

export interface AppUnderTest {
  core: Core;
  server: BridgeServer;
  browser: Browser;
  page: Page;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Browser mode against the built renderer (dist/renderer) on a temporary data folder, driven by
 * Debian's Chromium. Screenshots land in test-results/screenshots for people to look at.
 */
export async function startAppUnderTest(options: PageOptions = {}): Promise<AppUnderTest> {
  const temp = makeTempDir('jigai-e2e-');
  const core = createCore({ dataDir: temp.dir, resourcesDir: RESOURCES_DIR, logger: silentLogger });
  const server = await startBridgeServer({ invoke: inProcessInvoker(core.handlers, silentLogger), logger: silentLogger, staticDir: rendererBuild() });
  const shown = await openPage(server, options);
  return {
    ...shown,
    core,
    server,
    async close() {
      // A browser shared by several apps (a panel of reviewers) is closed by its owner.
      if (options.browser) await shown.page.context().close();
      else await shown.browser.close();
      await server.close();
      core.close();
      temp.cleanup();
      shown.throwPageErrors();
    },
  };
}

export interface WorkerAppUnderTest extends Omit<AppUnderTest, 'core'> {
  dataDir: string;
}

/**
 * Browser mode exactly as `npm run web` runs it: the core in its worker thread (the bundled
 * dist/electron/core-worker.mjs) behind the bridge, so a dying core can be watched from the page.
 */
export async function startWorkerAppUnderTest(): Promise<WorkerAppUnderTest> {
  const temp = makeTempDir('jigai-e2e-');
  const core = await startCoreWorker(path.join(REPO_ROOT, 'dist', 'electron', CORE_WORKER_BUNDLE), { dataDir: temp.dir, resourcesDir: RESOURCES_DIR }, silentLogger);
  const server = await startBridgeServer({ invoke: core.invoke, logger: silentLogger, staticDir: rendererBuild() });
  const shown = await openPage(server);
  return {
    ...shown,
    dataDir: temp.dir,
    server,
    async close() {
      await shown.browser.close();
      await server.close();
      await core.close();
      temp.cleanup();
      shown.throwPageErrors();
    },
  };
}

function rendererBuild(): string {
  const staticDir = path.join(REPO_ROOT, 'dist', 'renderer');
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) throw new Error('dist/renderer 不存在：请先运行 npm run build');
  return staticDir;
}

export interface PageOptions {
  /** Several apps (one per reviewer's data folder) may share one browser, each in its own context. */
  browser?: Browser;
  viewport?: { width: number; height: number };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // 现场核查 takes photos with the laptop's camera: Chromium's test pattern stands in for it, allowed without asking.
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
    ],
  });
}

async function openPage(server: BridgeServer, options: PageOptions = {}) {
  const browser = options.browser ?? (await launchBrowser());
  const page = await browser.newPage({ viewport: options.viewport ?? { width: 1360, height: 860 }, locale: 'zh-CN', acceptDownloads: true });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(server.url);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    browser,
    page,
    async screenshot(name: string) {
      const file = path.join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: false });
      return file;
    },
    throwPageErrors() {
      if (pageErrors.length > 0) throw new Error(`页面脚本错误：${pageErrors.join('；')}`);
    },
  };
}
