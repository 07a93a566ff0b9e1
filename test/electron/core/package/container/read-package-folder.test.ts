import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPackage } from '@core/package/container';
import { entriesOf, manifestBytes, manifestFor, packageEntries, sampleFiles, sha256, tempDir, writeFolder, writeYazlZip } from './support/package-fixture';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('readPackage — a folder with the zip layout', () => {
  it('reads the same manifest and files as the zip, hashing the manifest bytes', async () => {
    const files = sampleFiles();
    const folder = path.join(dir, 'XM-2026-YS-01');
    writeFolder(folder, packageEntries(files));
    const zip = path.join(dir, 'XM-2026-YS-01.zip');
    await writeYazlZip(zip, entriesOf(packageEntries(files)));

    const fromFolder = await readPackage(folder);
    const fromZip = await readPackage(zip);

    expect(fromFolder.ok && fromZip.ok).toBe(true);
    if (!fromFolder.ok || !fromZip.ok) return;
    expect(fromFolder.sourceName).toBe('XM-2026-YS-01');
    expect(fromFolder.manifest).toEqual(fromZip.manifest);
    expect([...fromFolder.files.keys()].sort()).toEqual([...fromZip.files.keys()].sort());
    for (const [name, data] of fromZip.files) expect(fromFolder.files.get(name)?.equals(data), name).toBe(true);
    expect(fromFolder.packageSha256).toBe(sha256(manifestBytes(manifestFor(files))));
    expect(fromFolder.warnings).toEqual(fromZip.warnings);
  });

  it('accepts a parent folder holding the package folder, and skips OS junk with a warning', async () => {
    const files = sampleFiles();
    writeFolder(path.join(dir, 'XM-2026-YS-01'), packageEntries(files));
    fs.writeFileSync(path.join(dir, 'XM-2026-YS-01', 'XM2024-001', 'Thumbs.db'), 'x');
    fs.writeFileSync(path.join(dir, '.DS_Store'), 'x');

    const result = await readPackage(dir);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect([...result.files.keys()].sort()).toEqual([...files.keys()].sort());
    expect(result.warnings.map((w) => w.file).sort()).toEqual(['.DS_Store', 'XM-2026-YS-01/XM2024-001/Thumbs.db']);
  });

  it('refuses a symlink found by lstat, even one pointing inside the package', async () => {
    const files = sampleFiles();
    writeFolder(dir, packageEntries(files));
    fs.symlinkSync('/etc/passwd', path.join(dir, 'XM2024-001', '附件', 'passwd.pdf'));
    fs.symlinkSync(path.join(dir, 'XM2024-002'), path.join(dir, 'XM2024-001', '附件', 'loop'));

    const result = await readPackage(dir);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { severity: 'error', file: 'XM2024-001/附件/loop', message: expect.stringContaining('符号链接') as unknown },
      { severity: 'error', file: 'XM2024-001/附件/passwd.pdf', message: expect.stringContaining('符号链接') as unknown },
    ]);
  });

  it('refuses a file above maxEntryBytes and a folder above maxEntries', async () => {
    const files = sampleFiles();
    writeFolder(dir, packageEntries(files));
    const big = files.get('XM2024-001/附件/合同HT-001.pdf')?.length ?? 0;

    const tooBig = await readPackage(dir, { maxEntryBytes: big - 1 });
    expect(tooBig.ok).toBe(false);
    if (!tooBig.ok) {
      expect(tooBig.errors).toEqual([{ severity: 'error', file: 'XM2024-001/附件/合同HT-001.pdf', message: expect.stringContaining('超过单个文件上限') as unknown }]);
    }

    const tooMany = await readPackage(dir, { maxEntries: 4 });
    expect(tooMany.ok).toBe(false);
    if (!tooMany.ok) expect(tooMany.errors).toEqual([expect.objectContaining({ message: expect.stringContaining('超过上限 4 个') as unknown })]);
  });

  it('reports missing, extra and altered files by name', async () => {
    const files = sampleFiles();
    const manifest = manifestFor(files);
    files.delete('XM2024-001/附件/合同HT-001.pdf');
    files.set('XM2024-002/附件/付款凭证（2024）.jpg', Buffer.from('changed'));
    files.set('XM2024-002/附件/extra.ofd', Buffer.from('extra'));
    writeFolder(dir, packageEntries(files, manifest));

    const result = await readPackage(dir);

    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => e.file).sort()).toEqual(
        ['XM2024-001/附件/合同HT-001.pdf', 'XM2024-002/附件/付款凭证（2024）.jpg', 'XM2024-002/附件/extra.ofd'].sort(),
      );
    }
  });
});
