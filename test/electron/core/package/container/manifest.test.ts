import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPackage } from '@core/package/container';
import { entriesOf, manifestFor, sampleFiles, tempDir, writeYazlZip } from './support/package-fixture';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** Errors of a zip holding the sample files and `manifest` (bytes as given, or JSON of an object). */
async function errorsWith(manifest: Buffer | string | Record<string, unknown> | undefined, files = sampleFiles()) {
  const file = path.join(dir, 'package.zip');
  const bytes =
    manifest === undefined ? undefined : Buffer.isBuffer(manifest) ? manifest : Buffer.from(typeof manifest === 'string' ? manifest : JSON.stringify(manifest, null, 2));
  await writeYazlZip(file, [...(bytes ? [{ name: 'manifest.json', data: bytes }] : []), ...entriesOf(files)]);
  const result = await readPackage(file);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

describe('manifest.json', () => {
  it('must exist at the root', async () => {
    const errors = await errorsWith(undefined);
    expect(errors).toEqual([{ severity: 'error', file: 'manifest.json', message: expect.stringContaining('根目录下没有 manifest.json') as unknown }]);
  });

  it('is not found in a deeper folder (only one wrapping folder is stripped)', async () => {
    const file = path.join(dir, 'deep.zip');
    const files = sampleFiles();
    await writeYazlZip(file, [{ name: 'a/b/manifest.json', data: Buffer.from(JSON.stringify(manifestFor(files))) }, ...entriesOf(files, 'a/b/')]);
    const result = await readPackage(file);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors).toEqual([expect.objectContaining({ file: 'manifest.json', message: expect.stringContaining('没有 manifest.json') as unknown })]);
  });

  it('must be valid JSON: the error says line, column and what was expected', async () => {
    const text = JSON.stringify(manifestFor(sampleFiles()), null, 2).replace('"version": 1,', '"version": 1');
    const line = text.split('\n').findIndex((l) => l.includes('"batch"')) + 1;
    const errors = await errorsWith(text);
    expect(errors).toEqual([
      {
        severity: 'error',
        file: 'manifest.json',
        message: expect.stringMatching(new RegExp(`^manifest.json 不是有效的 JSON：第 ${String(line)} 行第 3 列（位置 \\d+），应为逗号 , 或 }`)) as unknown,
      },
    ]);
  });

  it('points out full-width punctuation typed by a Chinese input method', async () => {
    const errors = await errorsWith('{"format"："jigai-package"}');
    expect(errors[0]?.message).toContain('第 1 行第 10 列');
    expect(errors[0]?.message).toContain('全角冒号');
  });

  it('must be UTF-8 (a manifest saved as GBK is refused with a hint), while a UTF-8 BOM is fine', async () => {
    const json = JSON.stringify(manifestFor(sampleFiles()));
    const errors = await errorsWith(iconv.encode(json, 'gbk'));
    expect(errors).toEqual([{ severity: 'error', file: 'manifest.json', message: expect.stringContaining('不是 UTF-8 编码') as unknown }]);

    const file = path.join(dir, 'bom.zip');
    await writeYazlZip(file, [{ name: 'manifest.json', data: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]) }, ...entriesOf(sampleFiles())]);
    expect((await readPackage(file)).ok).toBe(true);
  });

  it('must be a JSON object', async () => {
    const errors = await errorsWith('[]');
    expect(errors).toEqual([{ severity: 'error', file: 'manifest.json', message: 'manifest.json 整体类型不对：应为对象 { … }，实际为数组' }]);
  });

  it('must have version 1', async () => {
    const errors = await errorsWith({ ...manifestFor(sampleFiles()), version: 2 });
    expect(errors).toEqual([{ severity: 'error', file: 'manifest.json', column: 'version', message: '清单字段 version：本程序读取第 1 版材料包，version 应为 1' }]);
  });

  it('must name a known stage', async () => {
    const errors = await errorsWith(manifestFor(sampleFiles(), { batch: { stage: 'final' } }));
    expect(errors).toEqual([
      { severity: 'error', file: 'manifest.json', column: 'batch.stage', message: expect.stringContaining('stage 应为 application（立项评审）') as unknown },
    ]);
  });

  it('reports every schema problem in Chinese with its JSON path', async () => {
    const files = sampleFiles();
    const manifest = manifestFor(files, {
      batch: { name: '', createdAt: '2026/10/15', issuer: undefined },
      projects: [{ id: 'XM2024-001', workbook: 42 }],
      files: { 'XM2024-001/申报表.xlsx': 'ABC' },
    });
    const errors = await errorsWith({ ...manifest, format: 'zip' });
    expect(errors.map((e) => [e.column, e.message])).toEqual([
      ['format', '清单字段 format：format 应为 "jigai-package"'],
      ['batch.name', '清单字段 batch.name：不能为空'],
      ['batch.issuer', '清单字段 batch.issuer：缺少此字段'],
      ['batch.createdAt', '清单字段 batch.createdAt：createdAt 应为 YYYY-MM-DD 格式的日期'],
      ['projects[0].workbook', '清单字段 projects[0].workbook：类型不对：应为文本（带双引号的字符串），实际为数字 42'],
      ['files["XM2024-001/申报表.xlsx"]', '清单字段 files["XM2024-001/申报表.xlsx"]：应为 64 位小写十六进制的 SHA-256 值'],
    ]);
    expect(errors.every((e) => e.file === 'manifest.json' && e.severity === 'error')).toBe(true);
  });

  it('still checks the files when only another part of the manifest is wrong', async () => {
    const files = sampleFiles();
    const manifest = manifestFor(files, { batch: { stage: 'final' } });
    files.set('XM2024-001/附件/合同HT-001.pdf', Buffer.from('changed'));
    const errors = await errorsWith(manifest, files);
    expect(errors.map((e) => [e.file, e.column])).toEqual([
      ['manifest.json', 'batch.stage'],
      ['XM2024-001/附件/合同HT-001.pdf', undefined],
    ]);
  });

  it('must list every project workbook in files', async () => {
    const files = sampleFiles();
    const manifest = manifestFor(files);
    (manifest.projects as { workbook: string }[])[1] = { id: 'XM2024-002', workbook: 'XM2024-002/申报表（新）.xlsx' } as never;
    const errors = await errorsWith(manifest, files);
    expect(errors).toEqual([
      {
        severity: 'error',
        file: 'manifest.json',
        column: 'projects[1].workbook',
        message: '项目 XM2024-002 的申报表「XM2024-002/申报表（新）.xlsx」没有列在清单 files 中',
      },
    ]);
  });

  it('refuses duplicate project ids and unsafe listed paths', async () => {
    const files = sampleFiles();
    const manifest = manifestFor(files, {
      projects: [
        { id: 'XM2024-001', workbook: 'XM2024-001/申报表.xlsx' },
        { id: 'XM2024-001', workbook: 'XM2024-002/申报表.xlsx' },
      ],
    });
    (manifest.files as Record<string, string>)['../outside.pdf'] = 'a'.repeat(64);
    const errors = await errorsWith(manifest, files);
    expect(errors.map((e) => [e.file, e.column])).toEqual([
      ['manifest.json', 'files["../outside.pdf"]'],
      ['manifest.json', 'projects[1].id'],
    ]);
  });

  it('returns manifest paths normalised like the file keys (backslashes, NFD)', async () => {
    const files = new Map([
      ['XM2024-001/申报表.xlsx', Buffer.from('wb')],
      ['XM2024-001/附件/Café.pdf', Buffer.from('pdf')],
    ]);
    const manifest = manifestFor(files, { projects: [{ id: 'XM2024-001', workbook: 'XM2024-001\\申报表.xlsx' }] });
    manifest.files = Object.fromEntries(Object.entries(manifest.files as Record<string, string>).map(([k, v]) => [k.normalize('NFD'), v]));
    const file = path.join(dir, 'normalise.zip');
    await writeYazlZip(file, [{ name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) }, ...entriesOf(files)]);

    const result = await readPackage(file);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.manifest.projects[0]?.workbook).toBe('XM2024-001/申报表.xlsx');
    expect(Object.keys(result.manifest.files).sort()).toEqual([...result.files.keys()].sort());
    expect(result.files.get(result.manifest.projects[0]?.workbook ?? '')?.toString()).toBe('wb');
  });
});

describe('files against the manifest', () => {
  it('reports a missing, an extra and an altered file by name, all at once', async () => {
    const files = sampleFiles();
    const manifest = manifestFor(files);
    files.delete('XM2024-002/附件/付款凭证（2024）.jpg');
    files.set('XM2024-001/附件/未列出的发票.pdf', Buffer.from('extra'));
    files.set('XM2024-001/附件/合同HT-001.pdf', Buffer.from('forged contract'));

    const errors = await errorsWith(manifest, files);

    expect(errors).toEqual([
      {
        severity: 'error',
        file: 'XM2024-001/附件/合同HT-001.pdf',
        message: expect.stringMatching(/^文件内容与清单不符（已被修改或损坏）：清单记录的 SHA-256 为 [0-9a-f]{12}…，实际为 [0-9a-f]{12}…$/) as unknown,
      },
      { severity: 'error', file: 'XM2024-002/附件/付款凭证（2024）.jpg', message: '清单列出的文件缺失' },
      { severity: 'error', file: 'XM2024-001/附件/未列出的发票.pdf', message: expect.stringContaining('不在清单') as unknown },
    ]);
  });

  it('does not call a refused file missing as well', async () => {
    const files = sampleFiles();
    const file = path.join(dir, 'refused.zip');
    await writeYazlZip(file, [
      { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifestFor(files))) },
      ...entriesOf(files).map((e) => (e.name === 'XM2024-001/附件/合同HT-001.pdf' ? { ...e, mode: 0o120777 } : e)),
    ]);
    const result = await readPackage(file);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.file)).toEqual(['XM2024-001/附件/合同HT-001.pdf']);
  });
});
