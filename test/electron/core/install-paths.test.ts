import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORE_WORKER_BUNDLE, coreWorkerFileOf, outsideAsar } from '@core/install-paths';

describe('where the core worker is started from', () => {
  it('leaves app.asar for app.asar.unpacked in the layouts electron-builder produces', () => {
    const linux = path.posix.join('/opt/技改评审/resources/app.asar/dist/electron');
    expect(outsideAsar(linux)).toBe('/opt/技改评审/resources/app.asar.unpacked/dist/electron');
    expect(outsideAsar('/Applications/技改评审.app/Contents/Resources/app.asar/dist/electron')).toBe(
      '/Applications/技改评审.app/Contents/Resources/app.asar.unpacked/dist/electron',
    );
    expect(outsideAsar('C:\\Program Files\\技改评审\\resources\\app.asar\\dist\\electron')).toBe(
      'C:\\Program Files\\技改评审\\resources\\app.asar.unpacked\\dist\\electron',
    );
    expect(outsideAsar('/opt/技改评审/resources/app.asar')).toBe('/opt/技改评审/resources/app.asar.unpacked');
  });

  it('changes nothing outside a package, not even a folder whose name merely starts with app.asar', () => {
    expect(outsideAsar('/home/me/jigai/dist/electron')).toBe('/home/me/jigai/dist/electron');
    expect(outsideAsar('/home/me/app.asar.unpacked/dist')).toBe('/home/me/app.asar.unpacked/dist');
    expect(outsideAsar('/home/me/app.asarx/dist')).toBe('/home/me/app.asarx/dist');
  });

  it('names the bundled worker next to the entry point that starts it', () => {
    const dir = path.join(path.sep, 'opt', 'app', 'resources', 'app.asar', 'dist', 'electron');
    expect(coreWorkerFileOf(dir)).toBe(path.join(path.sep, 'opt', 'app', 'resources', 'app.asar.unpacked', 'dist', 'electron', CORE_WORKER_BUNDLE));
  });
});
