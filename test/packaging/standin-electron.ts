import fs from 'node:fs';
import path from 'node:path';

/**
 * A stand-in for an unpacked Electron distribution, for machines where the Electron program cannot be
 * downloaded. electron-builder (app-builder-lib 26, ElectronFramework `unpack` with a folder as
 * `electronDist`) copies such a folder as the app's base, then for Linux:
 * - renames `electron` to the configured executable name (the only file it requires);
 * - moves `LICENSE` to `LICENSE.electron.txt` (tolerates its absence);
 * - reads `locales/*.pak` only when `electronLanguages` is set;
 * - hashes every `*.asar` in `resources/` for the integrity record, so no fake default_app.asar;
 * - flips the fuses with @electron/fuses, which needs the fuse wire in the executable.
 * The executable therefore carries a real fuse wire (sentinel, version 1, eight fuses with Electron's
 * defaults), so the fuses electron-builder writes are the fuses the check reads back. Running it
 * only says that it is not Electron. The other files carry the usual names of a Linux distribution.
 */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** Electron's own defaults, in wire order: RunAsNode, cookie encryption, NODE_OPTIONS, inspect, asar integrity, only-asar, V8 snapshot, file protocol. */
const DEFAULT_FUSES = '10110001';

const USUAL_FILES = [
  'LICENSE',
  'LICENSES.chromium.html',
  'chrome-sandbox',
  'chrome_crashpad_handler',
  'chrome_100_percent.pak',
  'chrome_200_percent.pak',
  'icudtl.dat',
  'libEGL.so',
  'libGLESv2.so',
  'libffmpeg.so',
  'libvk_swiftshader.so',
  'libvulkan.so.1',
  'resources.pak',
  'snapshot_blob.bin',
  'v8_context_snapshot.bin',
  'vk_swiftshader_icd.json',
  'locales/en-US.pak',
  'locales/zh-CN.pak',
];

export function writeStandInElectron(dir: string, electronVersion: string): string {
  fs.mkdirSync(path.join(dir, 'resources'), { recursive: true });
  for (const file of USUAL_FILES) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), `stand-in for Electron ${electronVersion}: ${file}\n`);
  }
  fs.writeFileSync(path.join(dir, 'version'), electronVersion);
  const script = [
    '#!/bin/sh',
    `echo "stand-in for Electron ${electronVersion}: only for checking the package layout, it cannot run the app" >&2`,
    'exit 1',
    `# fuse wire: ${FUSE_SENTINEL}\u0001\u0008${DEFAULT_FUSES}`,
    '',
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'electron'), script, { mode: 0o755 });
  return dir;
}
