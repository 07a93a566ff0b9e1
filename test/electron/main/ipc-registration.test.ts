import type { IpcMainInvokeEvent } from 'electron';
import { inProcessInvoker } from '@core/dispatch';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ipcChannel, methodNames } from '@shared/api/contract';
import type { Envelope } from '@shared/api/envelope';
import { createSenderCheck, registerApiHandlers, type IpcHandleRegistry } from '@main/ipc-registration';
import { silentLogger } from '@core/logger';
import { createTestCore } from '../../support/test-core';
import { createPathGrants, type PathGrants } from '@core/path-grants';
import { isAppUrl } from '@main/app-url';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

const APP_URL = 'file:///opt/jigai/dist/renderer';
const mainFrame = { url: `${APP_URL}/index.html#/about` };
const appWindow = { webContents: { id: 7, mainFrame } };

function event(senderId: number, frame: { url: string } | null): IpcMainInvokeEvent {
  return { sender: { id: senderId }, senderFrame: frame } as unknown as IpcMainInvokeEvent;
}

describe('IPC registration', () => {
  let core: ReturnType<typeof createTestCore>;
  let registered: Map<string, Listener>;
  let grants: PathGrants;

  beforeEach(() => {
    grants = createPathGrants();
    core = createTestCore();
    registered = new Map();
    const ipc: IpcHandleRegistry = { handle: (channel, listener) => registered.set(channel, listener) };
    registerApiHandlers(
      ipc,
      inProcessInvoker(core.handlers, silentLogger),
      createSenderCheck(() => appWindow, APP_URL),
      silentLogger,
      grants,
    );
  });
  afterEach(() => core.cleanup());

  const call = (channel: string, ev: IpcMainInvokeEvent, input: unknown) => {
    const listener = registered.get(channel);
    if (!listener) throw new Error(`not registered: ${channel}`);
    return listener(ev, input) as Promise<Envelope<unknown>>;
  };

  it('registers exactly one channel per contract method', () => {
    expect([...registered.keys()].sort()).toEqual(methodNames.map(ipcChannel).sort());
  });

  it('answers the app window top frame with the value in an ok envelope', async () => {
    const result = await call(ipcChannel('getAppInfo'), event(7, mainFrame), {});
    expect(result.ok).toBe(true);
    expect(result.ok && (result.value as { productName: string }).productName).toBe('技改评审');
  });

  it('refuses an input that fails its schema, naming the field in Chinese, and changes nothing', async () => {
    const result = await call(ipcChannel('updateSettings'), event(7, mainFrame), { reviewerRole: 'king' });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(!result.ok && result.error.message).toContain('reviewerRole');
    expect(!result.ok && result.error.message).toContain('无效选项：期望以下之一 "expert"|"chair"');
    const unknownField = await call(ipcChannel('updateSettings'), event(7, mainFrame), { reviewerName: '王五', admin: true });
    expect(!unknownField.ok && unknownField.error.message).toContain('未知字段 admin');
    expect(await core.api.getSettings({})).toMatchObject({ reviewerName: '', reviewerRole: 'expert' });
  });

  it('refuses another window, a subframe and a page that is not the app, without running the method', async () => {
    const iframe = { url: `${APP_URL}/index.html` };
    const strangers = [event(8, mainFrame), event(7, iframe), event(7, null), event(7, { url: 'https://example.com/' })];
    for (const stranger of strangers) {
      const result = await call(ipcChannel('updateSettings'), stranger, { reviewerName: '入侵者' });
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const foreign = createSenderCheck(() => appWindow, APP_URL);
    expect(foreign(event(7, { ...mainFrame }))).toBe(false);
    expect((await core.api.getSettings({})).reviewerName).toBe('');
  });

  it('refuses everything once the window is gone', async () => {
    const check = createSenderCheck(() => null, APP_URL);
    expect(check(event(7, mainFrame))).toBe(false);
  });

  it('refuses a page in a sibling folder that merely shares the app folder’s name as a prefix', async () => {
    const sibling = { url: 'file:///opt/jigai/dist/renderer-x/index.html' };
    const window = { webContents: { id: 7, mainFrame: sibling } };
    expect(createSenderCheck(() => window, APP_URL)(event(7, sibling))).toBe(false);
    expect(isAppUrl('file:///opt/jigai/dist/renderer-x/index.html', APP_URL)).toBe(false);
    expect(isAppUrl('file:///opt/jigai/dist/renderer/../secret.html', APP_URL)).toBe(false);
    expect(isAppUrl('file:///opt/jigai/dist/renderer/index.html#/batches', APP_URL)).toBe(true);
    expect(isAppUrl('file:///opt/jigai/dist/renderer/index.html', `${APP_URL}/`)).toBe(true);
  });

  it('lets a path reach the core only after the user chose it in a dialog, for the access chosen', async () => {
    const ev = event(7, mainFrame);
    const file = '/home/reviewer/材料包.zip';
    const refused = await call(ipcChannel('startImport'), ev, { path: file });
    expect(refused).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '拒绝访问：只能导入在对话框中选择、拖入或上传的文件' } });
    const exportRefused = await call(ipcChannel('exportVerificationWorkbook'), ev, { batchId: 'B', projectId: 'P', path: '/home/reviewer/.bashrc' });
    expect(exportRefused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '拒绝访问：只能保存到在对话框中选择的位置' } });
    // Granted for reading (an open dialog) does not allow writing over it.
    grants.grant(file, 'read');
    expect(await call(ipcChannel('importPackage'), ev, { path: file })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await call(ipcChannel('exportVerificationWorkbook'), ev, { batchId: 'B', projectId: 'P', path: file })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    // The download form of the export names no path and needs no grant.
    expect(await call(ipcChannel('exportVerificationWorkbook'), ev, { batchId: 'B', projectId: 'P' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
