import os from 'node:os';
import path from 'node:path';
import { PRODUCT_NAME } from './app-version';

/**
 * Where the desktop app keeps its data (Electron's userData folder for this product name), computed
 * without Electron so that the CLI and browser mode open the same database as the desktop app.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
}
