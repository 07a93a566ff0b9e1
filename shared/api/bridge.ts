import type { Envelope } from './envelope';
import type { ApiInput, MethodName } from './contract';

/**
 * What the renderer finds at `window.api`: one function per contract method answering an envelope.
 * Preload provides it over IPC in the desktop app; in browser mode an HTTP client of the same shape
 * is installed. Envelopes rather than thrown errors, because errors lose their code across contextBridge.
 */
export type ApiBridge = { [M in MethodName]: (input: ApiInput<M>) => Promise<Envelope<unknown>> };

/** File dialogs exist only in the desktop app; browser mode uploads instead. */
export interface DesktopBridge {
  openFile(options: { title: string; extensions: string[] }): Promise<string | null>;
  saveFile(options: { title: string; defaultName: string; extensions: string[] }): Promise<string | null>;
  openFolder(options: { title: string }): Promise<string | null>;
  /** The local path of a file dropped on the window (null if it is not a file on this computer). */
  pathForFile(file: unknown): Promise<string | null>;
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // antd writes its styles at run time (CSS-in-JS); scripts stay strictly 'self'.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
