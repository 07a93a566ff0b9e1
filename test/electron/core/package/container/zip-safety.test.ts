import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPackage } from '@core/package/container';
import { buildRawZip, type RawZipEntry } from './support/raw-zip-writer';
import { entriesOf, manifestFor, packageEntries, sampleFiles, tempDir, writeYazlZip } from './support/package-fixture';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const MIB = 1024 * 1024;

/** A valid package plus `extra` raw entries, written to a zip; returns its path. */
function zipWith(extra: RawZipEntry[], files = sampleFiles()): string {
  const file = path.join(dir, 'package.zip');
  fs.writeFileSync(file, buildRawZip([...[...packageEntries(files)].map(([name, data]) => ({ name, data, deflate: true })), ...extra]));
  return file;
}

async function errorsOf(file: string, limits?: Parameters<typeof readPackage>[1]) {
  const result = await readPackage(file, limits);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

describe('readPackage refuses unsafe zip entries', () => {
  it.each([
    ['../evil.txt', /上级目录「..」/],
    ['/etc/passwd', /绝对路径/],
    ['a/../../b', /上级目录「..」/],
    ['C:\\x', /盘符/],
    ['C:/Windows/system32/evil.dll', /盘符/],
    ['\\\\server\\share\\x', /网络路径/],
    ['XM2024-001\\..\\..\\evil.txt', /上级目录「..」/],
    ['XM2024-001/附件/a\u0000.pdf', /控制字符/],
    ['XM2024-001/附件/report.pdf:hidden', /冒号/],
  ])('refuses %s (zip-slip and friends), located by the entry name', async (name, message) => {
    const errors = await errorsOf(zipWith([{ name, data: Buffer.from('pwned') }]));
    expect(errors).toEqual([{ severity: 'error', file: name, message: expect.stringMatching(message) as unknown }]);
  });

  it('refuses a symlink entry', async () => {
    const file = path.join(dir, 'link.zip');
    await writeYazlZip(file, [...entriesOf(packageEntries(sampleFiles())), { name: 'XM2024-001/附件/passwd.pdf', data: Buffer.from('/etc/passwd'), mode: 0o120777 }]);
    const errors = await errorsOf(file);
    expect(errors).toEqual([{ severity: 'error', file: 'XM2024-001/附件/passwd.pdf', message: expect.stringContaining('符号链接') as unknown }]);
  });

  it('refuses an encrypted entry', async () => {
    const errors = await errorsOf(zipWith([{ name: 'XM2024-001/附件/secret.pdf', data: Buffer.alloc(40, 7), encrypted: true }]));
    expect(errors.map((e) => [e.file, e.message])).toContainEqual(['XM2024-001/附件/secret.pdf', expect.stringContaining('已加密') as unknown]);
  });

  it('refuses an unsupported compression method', async () => {
    const errors = await errorsOf(zipWith([{ name: 'XM2024-001/附件/lzma.pdf', data: Buffer.alloc(40, 7), compressionMethod: 14 }]));
    expect(errors.map((e) => [e.file, e.message])).toContainEqual(['XM2024-001/附件/lzma.pdf', expect.stringContaining('不支持的压缩方式（编号 14）') as unknown]);
  });

  it('refuses an entry larger than maxEntryBytes, by its declared size, without reading it', async () => {
    const files = sampleFiles();
    const big = files.get('XM2024-001/附件/合同HT-001.pdf')?.length ?? 0;
    const errors = await errorsOf(zipWith([], files), { maxEntryBytes: big - 1 });
    expect(errors).toEqual([{ severity: 'error', file: 'XM2024-001/附件/合同HT-001.pdf', message: expect.stringContaining('超过单个文件上限') as unknown }]);
  });

  it('refuses a zip bomb (50 MB of zeros deflated) by its compression ratio', async () => {
    const errors = await errorsOf(zipWith([{ name: 'XM2024-001/附件/zeros.pdf', data: Buffer.alloc(50 * MIB), deflate: true }]));
    expect(errors).toEqual([
      { severity: 'error', file: 'XM2024-001/附件/zeros.pdf', message: expect.stringMatching(/压缩比约 \d+:1.*超过上限 200:1.*压缩炸弹/) as unknown },
    ]);
  });

  it('refuses the same zip bomb by size when the limit is low', async () => {
    const errors = await errorsOf(zipWith([{ name: 'XM2024-001/附件/zeros.pdf', data: Buffer.alloc(50 * MIB), deflate: true }]), {
      maxEntryBytes: 10 * MIB,
      maxCompressionRatio: 100_000,
    });
    expect(errors).toEqual([{ severity: 'error', file: 'XM2024-001/附件/zeros.pdf', message: expect.stringMatching(/50 MiB.*超过单个文件上限 10 MiB/) as unknown }]);
  });

  it('stops inflating an entry whose header lies about its size', async () => {
    // Declares 1,000 bytes (so neither size nor ratio looks suspicious) but inflates to 20 MiB.
    const errors = await errorsOf(zipWith([{ name: 'XM2024-001/附件/liar.pdf', data: Buffer.alloc(20 * MIB), deflate: true, declaredSize: 1000 }]));
    expect(errors).toEqual([{ severity: 'error', file: 'XM2024-001/附件/liar.pdf', message: expect.stringContaining('超过文件头声明的大小') as unknown }]);
  });

  it('refuses an entry that inflates to less than it declares', async () => {
    const errors = await errorsOf(zipWith([{ name: 'XM2024-001/附件/short.pdf', data: Buffer.alloc(500, 1), deflate: true, declaredSize: 900 }]));
    expect(errors.map((e) => [e.file, e.message])).toContainEqual(['XM2024-001/附件/short.pdf', expect.stringContaining('少于文件头声明') as unknown]);
  });

  it('refuses a zip with more entries than maxEntries before listing them', async () => {
    const file = zipWith([]);
    const errors = await errorsOf(file, { maxEntries: 5 });
    expect(errors).toEqual([{ severity: 'error', file: 'package.zip', message: expect.stringContaining('6 个条目，超过上限 5 个') as unknown }]);
  });

  it('refuses a package whose total size is above maxTotalBytes, without inflating', async () => {
    const errors = await errorsOf(zipWith([{ name: 'XM2024-001/附件/a.pdf', data: Buffer.alloc(3000, 1) }]), { maxTotalBytes: 2000 });
    expect(errors).toEqual([{ severity: 'error', file: 'package.zip', message: expect.stringContaining('超过上限') as unknown }]);
  });

  it('refuses duplicate names, also when they differ only by separator or Unicode form', async () => {
    const files = new Map([...sampleFiles(), ['XM2024-001/附件/Café报价.pdf', Buffer.from('quote')]]);
    const decomposed = 'XM2024-001/附件/Café报价.pdf'.normalize('NFD');
    expect(decomposed).not.toBe('XM2024-001/附件/Café报价.pdf');
    const errors = await errorsOf(
      zipWith(
        [
          { name: 'XM2024-001\\附件\\合同HT-001.pdf', data: Buffer.from('second') },
          { name: decomposed, data: Buffer.from('x') },
          { name: 'XM2024-001/./申报表.xlsx', data: Buffer.from('third') },
        ],
        files,
      ),
    );
    expect(errors.map((e) => e.file)).toEqual(['XM2024-001\\附件\\合同HT-001.pdf', decomposed, 'XM2024-001/./申报表.xlsx']);
    expect(errors.every((e) => e.message.includes('重名'))).toBe(true);
  });

  it('refuses a path longer than maxPathLength', async () => {
    const name = `XM2024-001/附件/${'长'.repeat(60)}.pdf`;
    const errors = await errorsOf(zipWith([{ name, data: Buffer.from('x') }]), { maxPathLength: 50 });
    expect(errors).toEqual([{ severity: 'error', file: name, message: expect.stringContaining('超过上限 50 个字符') as unknown }]);
  });

  it('reports every problem of a package at once', async () => {
    const files = sampleFiles();
    const manifestFiles = new Map(files);
    files.set('XM2024-001/附件/合同HT-001.pdf', Buffer.from('altered'));
    files.delete('XM2024-002/附件/付款凭证（2024）.jpg');
    const file = path.join(dir, 'many.zip');
    fs.writeFileSync(
      file,
      buildRawZip([
        ...[...packageEntries(files, manifestFor(manifestFiles))].map(([name, data]) => ({ name, data })),
        { name: '../evil.txt', data: Buffer.from('x') },
        { name: '/etc/passwd', data: Buffer.from('x') },
        { name: 'XM2024-001/附件/secret.pdf', data: Buffer.alloc(20), encrypted: true },
        { name: 'XM2024-001/附件/link.pdf', data: Buffer.from('/etc'), unixMode: 0o120777 },
        { name: 'XM2024-001/附件/多余.pdf', data: Buffer.from('extra') },
      ]),
    );

    const errors = await errorsOf(file);

    expect(errors.map((e) => e.file).sort()).toEqual(
      [
        '../evil.txt',
        '/etc/passwd',
        'XM2024-001/附件/secret.pdf',
        'XM2024-001/附件/link.pdf',
        'XM2024-001/附件/多余.pdf',
        'XM2024-001/附件/合同HT-001.pdf',
        'XM2024-002/附件/付款凭证（2024）.jpg',
      ].sort(),
    );
  });
});
