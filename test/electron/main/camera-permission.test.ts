import { describe, expect, it } from 'vitest';
import { allowsPermission, type PermissionAsk } from '@main/camera-permission';

const APP_URL = 'file:///opt/jigai/dist/renderer';
const WINDOW_ID = 7;
const cameraFromApp: PermissionAsk = {
  permission: 'media',
  webContentsId: WINDOW_ID,
  isMainFrame: true,
  requestingUrl: `${APP_URL}/index.html#/inspection`,
  mediaTypes: ['video'],
};
const decide = (change: Partial<PermissionAsk>, windowId: number | null = WINDOW_ID) => allowsPermission({ ...cameraFromApp, ...change }, windowId, APP_URL);

describe('camera permission of the desktop app', () => {
  it('gives the camera to the app window showing the app page', () => {
    expect(decide({})).toBe(true);
  });

  it('refuses the microphone, alone or with the camera, and a check that does not say what it wants', () => {
    expect(decide({ mediaTypes: ['audio'] })).toBe(false);
    expect(decide({ mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(decide({ mediaTypes: ['unknown'] })).toBe(false);
    expect(decide({ mediaTypes: [] })).toBe(false);
  });

  it('refuses every other permission, even to the app window', () => {
    for (const permission of ['display-capture', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fileSystem', 'usb', 'midi']) {
      expect(decide({ permission })).toBe(false);
    }
  });

  it('refuses another window, a sub-frame, no window at all and a page that is not the app', () => {
    expect(decide({ webContentsId: 8 })).toBe(false);
    expect(decide({ webContentsId: null })).toBe(false);
    expect(decide({}, null)).toBe(false);
    expect(decide({ isMainFrame: false })).toBe(false);
    expect(decide({ requestingUrl: undefined })).toBe(false);
    expect(decide({ requestingUrl: 'https://example.com/' })).toBe(false);
    expect(decide({ requestingUrl: 'file:///opt/jigai/dist/renderer-x/index.html' })).toBe(false);
    expect(decide({ requestingUrl: 'file:///opt/jigai/dist/renderer/../other.html' })).toBe(false);
  });
});
