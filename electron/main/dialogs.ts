import { dialog, ipcMain, type BrowserWindow } from 'electron';
import { z } from 'zod';
import type { PathGrants } from '../core/path-grants';
import type { SenderCheck } from './ipc-registration';

const openFileInput = z.strictObject({ title: z.string().max(200), extensions: z.array(z.string().regex(/^[a-z0-9]{1,8}$/)).max(10) });
const saveFileInput = openFileInput.extend({ defaultName: z.string().max(255) });

/**
 * File dialogs run in main; the renderer receives the chosen path, which it hands to the core. Each
 * chosen path is granted, and the IPC layer lets only granted paths through to the core.
 */
export function registerDialogHandlers(getWindow: () => BrowserWindow | null, isTrustedSender: SenderCheck, grants: PathGrants): void {
  ipcMain.handle('jigai-dialog:openFile', async (event, raw: unknown) => {
    const window = getWindow();
    const input = openFileInput.safeParse(raw);
    if (!window || !isTrustedSender(event) || !input.success) return null;
    const result = await dialog.showOpenDialog(window, {
      title: input.data.title,
      properties: ['openFile'],
      filters: [{ name: input.data.title, extensions: input.data.extensions }],
    });
    return granted(result.canceled ? undefined : result.filePaths[0], 'read');
  });
  ipcMain.handle('jigai-dialog:openFolder', async (event, raw: unknown) => {
    const window = getWindow();
    const input = z.strictObject({ title: z.string().max(200) }).safeParse(raw);
    if (!window || !isTrustedSender(event) || !input.success) return null;
    const result = await dialog.showOpenDialog(window, { title: input.data.title, properties: ['openDirectory'] });
    return granted(result.canceled ? undefined : result.filePaths[0], 'read');
  });
  ipcMain.handle('jigai-dialog:saveFile', async (event, raw: unknown) => {
    const window = getWindow();
    const input = saveFileInput.safeParse(raw);
    if (!window || !isTrustedSender(event) || !input.success) return null;
    const result = await dialog.showSaveDialog(window, {
      title: input.data.title,
      defaultPath: input.data.defaultName,
      filters: [{ name: input.data.title, extensions: input.data.extensions }],
    });
    return granted(result.canceled ? undefined : result.filePath, 'write');
  });
  // A file dropped on the window: the preload script finds its path with webUtils.getPathForFile,
  // which only answers for a real file the user dragged in; the page itself cannot reach this channel
  // (context isolation), only the preload's pathForFile can.
  ipcMain.handle('jigai-dialog:grantDropped', (event, raw: unknown) => {
    const file = z.string().min(1).max(4096).safeParse(raw);
    if (!isTrustedSender(event) || !file.success) return null;
    return granted(file.data, 'read');
  });

  function granted(file: string | undefined, access: 'read' | 'write'): string | null {
    if (!file) return null;
    grants.grant(file, access);
    return file;
  }
}
