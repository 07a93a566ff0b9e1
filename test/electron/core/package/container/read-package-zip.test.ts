import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPackage } from '@core/package/container';
import { buildRawZip } from './support/raw-zip-writer';
import { entriesOf, manifestFor, packageEntries, sampleFiles, sha256, tempDir, writeYazlZip } from './support/package-fixture';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('readPackage — a valid zip', () => {
  it('returns the manifest, every listed file with its bytes, and the zip hash', async () => {
    const files = sampleFiles();
    const zip = path.join(dir, 'XM-2026-YS-01.zip');
    await writeYazlZip(zip, entriesOf(packageEntries(files)));

    const result = await readPackage(zip);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.sourceName).toBe('XM-2026-YS-01.zip');
    expect(result.packageSha256).toBe(sha256(fs.readFileSync(zip)));
    expect(result.manifest.batch.stage).toBe('acceptance');
    expect(result.manifest.projects.map((p) => p.workbook)).toEqual(['XM2024-001/申报表.xlsx', 'XM2024-002/申报表.xlsx']);
    expect([...result.files.keys()].sort()).toEqual([...files.keys()].sort());
    for (const [name, data] of files) expect(result.files.get(name)?.equals(data), name).toBe(true);
    expect(result.files.has('manifest.json')).toBe(false);
    expect(result.warnings).toEqual([]);
  });

  it('reads stored (uncompressed) entries and directory entries too', async () => {
    const files = sampleFiles();
    const zip = path.join(dir, 'stored.zip');
    await writeYazlZip(zip, [
      { name: 'XM2024-001/', directory: true },
      { name: 'XM2024-001/附件/', directory: true },
      ...entriesOf(packageEntries(files)).map((e) => ({ ...e, compress: false })),
    ]);
    const result = await readPackage(zip);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.files.get('XM2024-001/附件/合同HT-001.pdf')?.equals(files.get('XM2024-001/附件/合同HT-001.pdf') ?? Buffer.alloc(1))).toBe(true);
  });

  it('strips one top-level folder around the whole package (Windows “发送到压缩文件夹”)', async () => {
    const files = sampleFiles();
    const zip = path.join(dir, 'wrapped.zip');
    await writeYazlZip(zip, [
      { name: 'XM-2026-YS-01/', directory: true },
      ...entriesOf(packageEntries(files), 'XM-2026-YS-01/'),
      { name: '__MACOSX/XM-2026-YS-01/._manifest.json', data: Buffer.from('resource fork') },
    ]);

    const result = await readPackage(zip);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect([...result.files.keys()].sort()).toEqual([...files.keys()].sort());
    expect(result.warnings.map((w) => w.file)).toEqual(['__MACOSX/']);
  });

  it('does not strip a top-level folder when manifest.json is at the root', async () => {
    const files = new Map([['XM2024-001/申报表.xlsx', Buffer.from('x')]]);
    const zip = path.join(dir, 'one-project.zip');
    await writeYazlZip(zip, entriesOf(packageEntries(files)));
    const result = await readPackage(zip);
    expect(result.ok).toBe(true);
    if (result.ok) expect([...result.files.keys()]).toEqual(['XM2024-001/申报表.xlsx']);
  });

  it('matches decomposed (macOS, NFD) entry names to a composed manifest and returns NFC paths', async () => {
    const files = new Map([
      ['XM2024-001/申报表.xlsx', Buffer.from('wb')],
      ['XM2024-001/附件/Café-报价.pdf', Buffer.from('pdf')],
    ]);
    const manifest = manifestFor(files);
    const zip = path.join(dir, 'nfd.zip');
    await writeYazlZip(zip, entriesOf(packageEntries(new Map([...files].map(([n, d]) => [n.normalize('NFD'), d])), manifest)));

    const result = await readPackage(zip);

    expect(result.ok).toBe(true);
    if (result.ok) expect(result.files.has('XM2024-001/附件/Café-报价.pdf'.normalize('NFC'))).toBe(true);
  });

  it('ignores OS junk (__MACOSX, .DS_Store, Thumbs.db, desktop.ini) with warnings', async () => {
    const files = sampleFiles();
    const zip = path.join(dir, 'junk.zip');
    await writeYazlZip(zip, [
      ...entriesOf(packageEntries(files)),
      { name: '__MACOSX/._manifest.json', data: Buffer.from('x') },
      { name: '__MACOSX/XM2024-001/._申报表.xlsx', data: Buffer.from('x') },
      { name: '.DS_Store', data: Buffer.from('x') },
      { name: 'XM2024-001/附件/Thumbs.db', data: Buffer.from('x') },
      { name: 'XM2024-002/desktop.ini', data: Buffer.from('x') },
    ]);

    const result = await readPackage(zip);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings.map((w) => w.file).sort()).toEqual(['.DS_Store', 'XM2024-001/附件/Thumbs.db', 'XM2024-002/desktop.ini', '__MACOSX/']);
    expect(result.warnings.every((w) => w.severity === 'warning' && w.message.startsWith('已忽略'))).toBe(true);
    expect(result.files.has('.DS_Store')).toBe(false);
  });

  it('warns about an attachment type outside .pdf .ofd .xml .jpg .jpeg .png but accepts the package', async () => {
    const files = new Map([...sampleFiles(), ['XM2024-001/附件/说明.docx', Buffer.from('docx')], ['XM2024-001/附件/扫描件.PDF', Buffer.from('pdf')]]);
    const zip = path.join(dir, 'docx.zip');
    await writeYazlZip(zip, entriesOf(packageEntries(files)));

    const result = await readPackage(zip);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ severity: 'warning', file: 'XM2024-001/附件/说明.docx' });
    expect(result.warnings[0]?.message).toContain('.docx');
  });
});

describe('readPackage — not a zip', () => {
  it('reports a file that is not a zip with one clear error', async () => {
    const file = path.join(dir, '申报材料.zip');
    fs.writeFileSync(file, '这不是压缩包，只是一段文字。'.repeat(100));

    const result = await readPackage(file);

    expect(result).toEqual({
      ok: false,
      warnings: [],
      errors: [{ severity: 'error', file: '申报材料.zip', message: expect.stringMatching(/^「申报材料.zip」不是有效的 ZIP 文件（/) as unknown }],
    });
  });

  it('reports a truncated zip with one clear error', async () => {
    const zip = path.join(dir, 'cut.zip');
    await writeYazlZip(zip, entriesOf(packageEntries(sampleFiles())));
    const bytes = fs.readFileSync(zip);
    fs.writeFileSync(zip, bytes.subarray(0, bytes.length - 30));

    const result = await readPackage(zip);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.message).toMatch(/^「[^」]+\.zip」不是有效的 ZIP 文件（/);
  });

  it('reports corrupt entry data by entry name', async () => {
    const files = new Map([['XM2024-001/申报表.xlsx', Buffer.from('a workbook '.repeat(50))]]);
    const entries = [...packageEntries(files)].map(([name, data]) => ({ name, data, deflate: true }));
    const zip = buildRawZip(entries);
    // Flip bytes inside the workbook's compressed data (after its local header and name).
    const at = zip.indexOf(Buffer.from('XM2024-001/申报表.xlsx')) + Buffer.byteLength('XM2024-001/申报表.xlsx') + 3;
    for (let k = 0; k < 6; k += 1) zip[at + k] = (zip[at + k] ?? 0) ^ 0xa5;
    const file = path.join(dir, 'corrupt.zip');
    fs.writeFileSync(file, zip);

    const result = await readPackage(file);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.file)).toContain('XM2024-001/申报表.xlsx');
    expect(result.errors.find((e) => e.file === 'XM2024-001/申报表.xlsx')?.message).toMatch(/损坏/);
  });

  it('reports a source that does not exist', async () => {
    const result = await readPackage(path.join(dir, 'nope.zip'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toMatch(/^找不到材料包「/);
  });
});
