import type { ApiBridge, DesktopBridge } from '@shared/api/bridge';
import { createHttpBridge } from './http-bridge';

declare global {
  interface Window {
    api?: ApiBridge;
    desktop?: DesktopBridge;
  }
}

/** Preload provides window.api in the desktop app; in browser mode the HTTP bridge takes its place. */
export function ensureWindowApi(): void {
  window.api ??= createHttpBridge();
}

export function isDesktop(): boolean {
  return window.desktop !== undefined;
}
