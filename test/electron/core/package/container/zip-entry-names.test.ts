import fs from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPackage } from '@core/package/container';
import { decodeZipEntryNames } from '@core/package/container/zip-entry-name';
import { buildRawZip, unicodePathField } from './support/raw-zip-writer';
import { packageEntries, sampleFiles, tempDir } from './support/package-fixture';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const gbk = (text: string) => iconv.encode(text, 'gbk');

describe('zip entry names', () => {
  it('decodes GBK names written without the UTF-8 flag (Windows tools in China)', async () => {
    const entries = [...packageEntries(sampleFiles())].map(([name, data]) => ({ name: gbk(name), data, deflate: true }));
    const file = path.join(dir, 'gbk.zip');
    fs.writeFileSync(file, buildRawZip(entries));

    const result = await readPackage(file);

    expect(result.ok).toBe(true);
    if (result.ok) expect([...result.files.keys()].sort()).toEqual([...sampleFiles().keys()].sort());
  });

  it('decodes UTF-8 names written without the flag (macOS Archive Utility, some libraries)', async () => {
    const entries = [...packageEntries(sampleFiles())].map(([name, data]) => ({ name: Buffer.from(name, 'utf8'), data }));
    const file = path.join(dir, 'utf8-unflagged.zip');
    fs.writeFileSync(file, buildRawZip(entries));

    const result = await readPackage(file);

    expect(result.ok).toBe(true);
    if (result.ok) expect(result.files.has('XM2024-001/附件/合同HT-001.pdf')).toBe(true);
  });

  it('decides GBK for the whole archive, so a GBK name that happens to be valid UTF-8 is still read as GBK', () => {
    // 「同同」 in GBK is CD AC CD AC, which is also valid UTF-8 (ͬͬ): judged alone it would be misread.
    expect(Buffer.from(gbk('XM2024-001/同同.pdf')).toString('utf8')).toBe('XM2024-001/ͬͬ.pdf');
    const names = decodeZipEntryNames([
      { raw: gbk('XM2024-001/同同.pdf'), utf8Flag: false, extraFields: [] },
      { raw: gbk('XM2024-001/附件/合同.pdf'), utf8Flag: false, extraFields: [] },
      { raw: Buffer.from('manifest.json'), utf8Flag: false, extraFields: [] },
    ]);
    expect(names).toEqual([
      { ok: true, name: 'XM2024-001/同同.pdf', encoding: 'gbk' },
      { ok: true, name: 'XM2024-001/附件/合同.pdf', encoding: 'gbk' },
      { ok: true, name: 'manifest.json', encoding: 'ascii' },
    ]);
  });

  it('trusts the UTF-8 flag per entry, whatever the other entries are', () => {
    const names = decodeZipEntryNames([
      { raw: Buffer.from('附件/合同.pdf', 'utf8'), utf8Flag: true, extraFields: [] },
      { raw: gbk('附件/发票.pdf'), utf8Flag: false, extraFields: [] },
    ]);
    expect(names.map((n) => n.name)).toEqual(['附件/合同.pdf', '附件/发票.pdf']);
  });

  it('prefers an Info-ZIP Unicode Path extra field (0x7075) whose CRC matches the header name', async () => {
    const files = sampleFiles();
    const entries = [...packageEntries(files)].map(([name, data]) => {
      const legacy = Buffer.from(name.replace(/[^\x20-\x7e]/g, '_'), 'latin1'); // what an old tool keeps in the header
      return { name: legacy, data, utf8Flag: false, extraFields: [unicodePathField(legacy, name)] };
    });
    const file = path.join(dir, 'unicode-path.zip');
    fs.writeFileSync(file, buildRawZip(entries));

    const result = await readPackage(file);

    expect(result.ok).toBe(true);
    if (result.ok) expect(result.files.has('XM2024-001/附件/合同HT-001.pdf')).toBe(true);
  });

  it('ignores a stale Unicode Path field whose CRC does not match the header name', () => {
    const raw = gbk('附件/合同.pdf');
    const [name] = decodeZipEntryNames([{ raw, utf8Flag: false, extraFields: [unicodePathField(raw, '附件/别的.pdf', Buffer.from('other'))] }]);
    expect(name).toEqual({ ok: true, name: '附件/合同.pdf', encoding: 'gbk' });
    expect(crc32(raw)).not.toBe(crc32(Buffer.from('other')));
  });

  it('refuses a name that is neither UTF-8 nor GBK, and one flagged UTF-8 that is not', async () => {
    const files = new Map([['XM2024-001/申报表.xlsx', Buffer.from('wb')]]);
    const file = path.join(dir, 'garbage-names.zip');
    fs.writeFileSync(
      file,
      buildRawZip([
        ...[...packageEntries(files)].map(([name, data]) => ({ name, data })),
        { name: Buffer.from([0x58, 0x2f, 0x81, 0x20, 0x2e, 0x70, 0x64, 0x66]), data: Buffer.from('x'), utf8Flag: false },
        { name: Buffer.from([0x59, 0x2f, 0xc3, 0x28]), data: Buffer.from('y'), utf8Flag: true },
      ]),
    );

    const result = await readPackage(file);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.message)).toEqual([
      expect.stringContaining('既不是 UTF-8 也不是 GBK'),
      expect.stringContaining('标记为 UTF-8 编码，但内容不是有效的 UTF-8'),
    ]);
  });
});
