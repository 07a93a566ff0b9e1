import { dialog, ipcMain, type BrowserWindow } from 'electron';
import { z } from 'zod';
import type { SenderCheck } from './ipc-registration';

const openFileInput = z.strictObject({ title: z.string().max(200), extensions: z.array(z.string().regex(/^[a-z0-9]{1,8}$/)).max(10) });
const saveFileInput = openFileInput.extend({ defaultName: z.string().max(255) });

/** File dialogs run in main; the renderer only receives the chosen path, which it hands to the core. */
export function registerDialogHandlers(getWindow: () => BrowserWindow | null, isTrustedSender: SenderCheck): void {
  ipcMain.handle('jigai-dialog:openFile', async (event, raw: unknown) => {
    const window = getWindow();
    const input = openFileInput.safeParse(raw);
    if (!window || !isTrustedSender(event) || !input.success) return null;
    const result = await dialog.showOpenDialog(window, {
      title: input.data.title,
      properties: ['openFile'],
      filters: [{ name: input.data.title, extensions: input.data.extensions }],
    });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  });
  ipcMain.handle('jigai-dialog:openFolder', async (event, raw: unknown) => {
    const window = getWindow();
    const input = z.strictObject({ title: z.string().max(200) }).safeParse(raw);
    if (!window || !isTrustedSender(event) || !input.success) return null;
    const result = await dialog.showOpenDialog(window, { title: input.data.title, properties: ['openDirectory'] });
    return result.canceled ? null : (result.filePaths[0] ?? null);
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
    return result.canceled ? null : (result.filePath ?? null);
  });
}
