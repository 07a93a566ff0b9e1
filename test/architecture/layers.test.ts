import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/temp-dir';

/** Import specifiers of every TypeScript file under a folder, with the file they stand in. */
function importsUnder(folder: string): { file: string; specifier: string }[] {
  const found: { file: string; specifier: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name)) {
        const source = fs.readFileSync(full, 'utf8');
        for (const match of source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
          found.push({ file: path.relative(REPO_ROOT, full), specifier: match[1] ?? '' });
        }
      }
    }
  };
  walk(path.join(REPO_ROOT, folder));
  return found;
}

/** The repository folder an import lands in, for relative specifiers; bare package names stay as they are. */
function target(i: { file: string; specifier: string }): string {
  return i.specifier.startsWith('.') ? path.join(path.dirname(i.file), i.specifier).split(path.sep).join('/') : i.specifier;
}

/** Libraries that only the sample package generator (electron/cli/sample) may bring in. */
function sampleOnlyLibraries(imports: { file: string; specifier: string }[]) {
  return imports.filter((i) => i.specifier === 'yazl' || (i.specifier === 'pdfkit' && !i.file.startsWith('electron/core/reports/')));
}

const NODE_MODULE = /^(node:|fs$|path$|os$|child_process$|crypto$|http$|https$|net$|url$|util$|stream$|zlib$|worker_threads$)/;

describe('layers (STYLE.md)', () => {
  it('electron/core, cli and web never import electron', () => {
    const offenders = ['electron/core', 'electron/cli', 'electron/web']
      .flatMap(importsUnder)
      .filter((i) => i.specifier === 'electron' || i.specifier.startsWith('electron/'));
    expect(offenders).toEqual([]);
  });

  it('renderer and shared import neither Node nor Electron', () => {
    const offenders = ['renderer/src', 'shared']
      .flatMap(importsUnder)
      .filter((i) => NODE_MODULE.test(i.specifier) || i.specifier === 'electron' || /(^|\/)electron\//.test(i.specifier));
    expect(offenders).toEqual([]);
  });

  it('shared imports nothing from renderer or electron folders', () => {
    const offenders = importsUnder('shared').filter((i) => /\/(renderer|electron)\//.test(i.specifier));
    expect(offenders).toEqual([]);
  });

  it('electron/core never imports from electron/cli (the CLI and its sample generator sit on top of the core)', () => {
    const offenders = importsUnder('electron/core').filter((i) => target(i).startsWith('electron/cli/'));
    expect(offenders).toEqual([]);
  });

  it('the zip writer and PDF library of the sample generator stay out of electron/core (PDF reports excepted)', () => {
    expect(sampleOnlyLibraries(importsUnder('electron/core'))).toEqual([]);
    // The check sees them where they are used: the generator beside the `jigai sample` command.
    expect(sampleOnlyLibraries(importsUnder('electron/cli')).map((i) => i.file)).toEqual(
      expect.arrayContaining(['electron/cli/sample/zip.ts', 'electron/cli/sample/pdf.ts']),
    );
  });
});
