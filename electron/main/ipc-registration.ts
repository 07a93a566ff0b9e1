import type { IpcMainInvokeEvent } from 'electron';
import { ipcChannel, methodNames } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/envelope';
import type { ApiInvoker } from '../core/dispatch';
import type { Logger } from '../core/logger';
import { gatePaths, type PathGrants } from '../core/path-grants';
import { isAppUrl } from './app-url';

/** The part of ipcMain we use, so tests can hand in a recording fake. */
export interface IpcHandleRegistry {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
}

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/**
 * Registers every contract method on its own channel. A request from anything but the app's own
 * window top frame is refused before its input is even looked at; inputs are validated by dispatch.
 */
export function registerApiHandlers(ipc: IpcHandleRegistry, invoke: ApiInvoker, isTrustedSender: SenderCheck, logger: Logger, grants: PathGrants): string[] {
  // Paths from the window reach the core only if the user chose them (see path-grants.ts).
  const gated = gatePaths(invoke, grants);
  const channels: string[] = [];
  for (const method of methodNames) {
    const channel = ipcChannel(method);
    ipc.handle(channel, async (event, input): Promise<Envelope<unknown>> => {
      if (!isTrustedSender(event)) {
        logger.warn('拒绝了来自非本应用窗口的调用', { channel, url: event.senderFrame?.url });
        return { ok: false, error: { code: 'FORBIDDEN', message: '拒绝访问：请求不是来自本应用的窗口' } };
      }
      return (await gated(method, input)) as Envelope<unknown>;
    });
    channels.push(channel);
  }
  return channels;
}

interface WindowLike {
  webContents: { id: number; mainFrame: unknown };
}

/**
 * Trusts only the top frame of our one window, showing our own page (file:// in the app).
 * Compared by identity, not by URL alone, so an iframe or a second window cannot pass.
 */
export function createSenderCheck(getWindow: () => WindowLike | null, appUrlPrefix: string): SenderCheck {
  return (event) => {
    const window = getWindow();
    if (!window) return false;
    const frame = event.senderFrame;
    return event.sender.id === window.webContents.id && frame !== null && frame === window.webContents.mainFrame && isAppUrl(frame.url, appUrlPrefix);
  };
}
