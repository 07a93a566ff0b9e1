import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-url';

/** One permission request or check as Electron reports it, reduced to what the decision needs. */
export interface PermissionAsk {
  permission: string;
  /** The web contents asking; null when Electron checks on behalf of no page (a service worker). */
  webContentsId: number | null;
  isMainFrame: boolean;
  /** The URL the asking frame shows (absent for a check made for no document). */
  requestingUrl: string | undefined;
  /** Camera ('video') and/or microphone ('audio'); 'unknown' when a check does not say. */
  mediaTypes: readonly string[];
}

/**
 * 现场核查 photographs equipment with the laptop's camera: that is the one permission the app
 * needs. It is given to the app's own window, its top frame showing the app's own page, for video
 * only; the microphone, the screen, notifications and everything else stay refused.
 */
export function allowsPermission(ask: PermissionAsk, appWindowId: number | null, appUrlPrefix: string): boolean {
  if (ask.permission !== 'media') return false;
  if (appWindowId === null || ask.webContentsId !== appWindowId || !ask.isMainFrame) return false;
  if (ask.requestingUrl === undefined || !isAppUrl(ask.requestingUrl, appUrlPrefix)) return false;
  return ask.mediaTypes.length > 0 && ask.mediaTypes.every((type) => type === 'video');
}

/** Installs the decision on the session for both of Electron's paths: the request and the check. */
export function restrictPermissionsToCamera(session: Session, getWindowId: () => number | null, appUrlPrefix: string): void {
  const idOf = (contents: WebContents | null) => (contents ? contents.id : null);
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(
      allowsPermission(
        { permission, webContentsId: idOf(contents), isMainFrame: details.isMainFrame, requestingUrl: details.requestingUrl, mediaTypes },
        getWindowId(),
        appUrlPrefix,
      ),
    );
  });
  session.setPermissionCheckHandler((contents, permission, _origin, details) =>
    allowsPermission(
      {
        permission,
        webContentsId: idOf(contents),
        isMainFrame: details.isMainFrame,
        requestingUrl: details.requestingUrl,
        mediaTypes: details.mediaType ? [details.mediaType] : [],
      },
      getWindowId(),
      appUrlPrefix,
    ),
  );
}
