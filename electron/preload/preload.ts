import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { ipcChannel, methodNames } from '../../shared/api/contract';
import type { ApiBridge, DesktopBridge } from '../../shared/api/bridge';

/**
 * Exposes exactly the API contract (one function per method) and the two file dialogs. Bundled to
 * CommonJS because sandboxed preload scripts cannot load ES modules or other files.
 */
const api: Record<string, (input: unknown) => Promise<unknown>> = {};
for (const method of methodNames) {
  const channel = ipcChannel(method);
  api[method] = (input: unknown) => ipcRenderer.invoke(channel, input);
}

const desktop: DesktopBridge = {
  openFile: (options) => ipcRenderer.invoke('jigai-dialog:openFile', options) as Promise<string | null>,
  saveFile: (options) => ipcRenderer.invoke('jigai-dialog:saveFile', options) as Promise<string | null>,
  openFolder: (options) => ipcRenderer.invoke('jigai-dialog:openFolder', options) as Promise<string | null>,
  pathForFile: async (file) => {
    const path = webUtils.getPathForFile(file as File);
    return path === '' ? null : ((await ipcRenderer.invoke('jigai-dialog:grantDropped', path)) as string | null);
  },
};

contextBridge.exposeInMainWorld('api', api as ApiBridge);
contextBridge.exposeInMainWorld('desktop', desktop);
