import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/temp-dir';

// js-yaml and app-builder-lib come with electron-builder, which reads the same file the same way.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const scheme = require('app-builder-lib/scheme.json') as { definitions: Record<string, { properties?: Record<string, unknown> }> };

describe('packaging (electron-builder.yml)', () => {
  it('flips the Electron fuses that stop the app being used as a Node.js runtime, with names electron-builder knows', () => {
    const config = yaml.load(fs.readFileSync(path.join(REPO_ROOT, 'electron-builder.yml'), 'utf8')) as { electronFuses?: Record<string, boolean>; asar?: boolean };
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    const known = Object.keys(scheme.definitions.FuseOptionsV1?.properties ?? {});
    expect(known).toEqual(expect.arrayContaining(Object.keys(config.electronFuses ?? {})));
    // Only-load-from-asar needs the app packed into app.asar.
    expect(config.asar).toBe(true);
  });
});
