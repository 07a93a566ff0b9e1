import type { BrowserWindow, Session } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/bridge';
import { isAppUrl } from './app-url';
import { restrictPermissionsToCamera } from './camera-permission';

/**
 * Hardening that applies to the app's session: no permission but the camera for the app's own
 * window (现场核查 photos), CSP on every response.
 */
export function hardenSession(session: Session, getAppWindowId: () => number | null, appUrlPrefix: string): void {
  restrictPermissionsToCamera(session, getAppWindowId, appUrlPrefix);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  // No remote content at all: only our own files and in-memory data.
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = /^(file|data|blob|devtools):/.test(details.url);
    callback({ cancel: !allowed });
  });
}

/** Navigation and new windows are blocked; the window only ever shows the app. */
export function lockNavigation(window: BrowserWindow, appUrlPrefix: string): void {
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appUrlPrefix)) event.preventDefault();
  });
  window.webContents.on('will-redirect', (event) => event.preventDefault());
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
