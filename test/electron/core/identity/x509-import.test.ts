import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/u.test(entry.name) ? [path] : [];
  });
}

describe('@peculiar/x509 is loaded only after its Reflect shim', () => {
  it('is imported as a value nowhere but x509-library.ts (a bundled static import would load it before the shim and crash)', () => {
    const offenders = ['electron', 'shared', 'renderer']
      .flatMap((dir) => sourceFiles(join(ROOT, dir)))
      .filter(
        (file) =>
          /^import\s+(?!type\b)[^;]*from\s+'@peculiar\/x509'/mu.test(readFileSync(file, 'utf8')) || /^import\s+'@peculiar\/x509'/mu.test(readFileSync(file, 'utf8')),
      )
      .map((file) => relative(ROOT, file));
    expect(offenders).toEqual([]);
  });
});
