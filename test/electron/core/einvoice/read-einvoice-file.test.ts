import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readEInvoiceFile } from '@core/einvoice/read-einvoice-file';
import {
  SHUDIAN_DEFAULTS,
  TAX_CONTROL_DEFAULTS,
  renameOfdParts,
  shudianOfd,
  taxControlOfd,
  xbrlOfd,
  zipEntries,
  zipOfd,
} from '@test/fixtures/einvoice/make-ofd-fixtures';
import { REPO_ROOT } from '@test/support/temp-dir';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'einvoice');
const official = fs.readFileSync(path.join(FIXTURES, 'shudian-special-official-sample.xml'));
const red = fs.readFileSync(path.join(FIXTURES, 'shudian-red-sample.xml'));
const chinese = /[\u4e00-\u9fff]/u;

async function failureOf(promise: Promise<unknown>): Promise<string> {
  const result = (await promise) as { ok: boolean; message?: string } | null;
  expect(result?.ok).toBe(false);
  expect(result?.message).toMatch(chinese);
  return result?.message ?? '';
}

/** Rewrites the uncompressed size an entry declares in the central directory, as a hostile zip would. */
function declareSize(zip: Buffer, entryName: string, uncompressedSize: number): Buffer {
  const patched = Buffer.from(zip);
  for (let at = patched.indexOf('PK\x01\x02', 0, 'latin1'); at >= 0; at = patched.indexOf('PK\x01\x02', at + 4, 'latin1')) {
    const nameLength = patched.readUInt16LE(at + 28);
    if (patched.toString('utf8', at + 46, at + 46 + nameLength) === entryName) {
      patched.writeUInt32LE(uncompressedSize, at + 24);
      return patched;
    }
  }
  throw new Error(`no central directory entry ${entryName}`);
}

describe('readEInvoiceFile: 数电 XML', () => {
  it('reads the official sample and the red variant', async () => {
    const blue = await readEInvoiceFile('发票.xml', official);
    expect(blue).toEqual({ ok: true, value: expect.objectContaining({ source: '数电XML', fileName: '发票.xml', total: '2.12', red: false }) });
    const reversed = await readEInvoiceFile('RED.XML', red);
    expect(reversed).toEqual({ ok: true, value: expect.objectContaining({ red: true, originalNumber: '23440000000000100001' }) });
  });

  it('reads a GBK file by its declaration, and a UTF-8 file with a byte-order mark', async () => {
    const gbk = iconv.encode(official.toString('utf8').replace('encoding="utf-8"', 'encoding="GBK"'), 'gbk');
    const fromGbk = await readEInvoiceFile('gbk.xml', gbk);
    expect(fromGbk?.ok && fromGbk.value.sellerName).toBe('示例制造集团有限公司');
    const withBom = await readEInvoiceFile('bom.xml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), official]));
    expect(withBom?.ok).toBe(true);
  });

  it('refuses bytes that are not UTF-8, and text that is not an invoice', async () => {
    expect(await failureOf(readEInvoiceFile('a.xml', iconv.encode(official.toString('utf8'), 'gbk')))).toMatch(/UTF-8/u);
    expect(await failureOf(readEInvoiceFile('a.xml', Buffer.from([0x00, 0xff, 0x10, 0x80])))).toMatch(/UTF-8/u);
    expect(await failureOf(readEInvoiceFile('a.xml', Buffer.from('<html><body>hello</body></html>')))).toMatch(/根元素是「html」/u);
  });
});

describe('readEInvoiceFile: OFD', () => {
  it('reads a tax-control OFD from its attachment', async () => {
    const result = await readEInvoiceFile('增值税电子发票.ofd', await zipOfd(taxControlOfd()));
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({ source: 'OFD', code: '052002100113', number: '00008006', amount: '24519.05', total: '27706.53' }),
    });
  });

  it('reads a 数电 OFD from CustomDatas and tags', async () => {
    const result = await readEInvoiceFile('dzfp.OFD', await zipOfd(shudianOfd()));
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        number: SHUDIAN_DEFAULTS.number,
        buyerName: '示例精密机械制造有限公司',
        sellerName: SHUDIAN_DEFAULTS.sellerName,
        total: '11300.00',
      }),
    });
  });

  it('finds the parts whatever the case of their names', async () => {
    const entries = Object.fromEntries(Object.entries(shudianOfd().entries).map(([name, text]) => [name.toUpperCase(), text]));
    const result = await readEInvoiceFile('a.ofd', await zipEntries(entries));
    expect(result?.ok).toBe(true);
  });

  it('refuses a file that is not a zip, an empty file and a truncated zip', async () => {
    expect(await failureOf(readEInvoiceFile('a.ofd', Buffer.from('%PDF-1.7\n...')))).toMatch(/不是有效的 OFD 文件/u);
    expect(await failureOf(readEInvoiceFile('a.ofd', Buffer.alloc(0)))).toMatch(/不是有效的 OFD 文件/u);
    const zip = await zipOfd(shudianOfd());
    expect(await failureOf(readEInvoiceFile('a.ofd', zip.subarray(0, Math.floor(zip.length / 2))))).toMatch(/不是有效的 OFD 文件/u);
  });

  it('refuses a zip without invoice data', async () => {
    const zip = await zipEntries({ 'readme.txt': 'hello' });
    expect(await failureOf(readEInvoiceFile('a.ofd', zip))).toMatch(/不是电子发票/u);
  });

  it('refuses a zip bomb: a part expanding beyond 20 MB', async () => {
    const fixture = shudianOfd();
    const bomb = await zipEntries({ ...fixture.entries, 'Doc_0/Pages/Page_0/Content.xml': Buffer.alloc(25 * 1024 * 1024, 0x20) });
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(await failureOf(readEInvoiceFile('bomb.ofd', bomb))).toMatch(/超过单个文件上限/u);
  });

  it('refuses a part compressed beyond any real XML', async () => {
    const bomb = await zipEntries({ ...shudianOfd().entries, 'Doc_0/Tags/CustomTag.xml': Buffer.alloc(5 * 1024 * 1024, 0x20) });
    expect(await failureOf(readEInvoiceFile('bomb.ofd', bomb))).toMatch(/压缩炸弹/u);
  });

  it('refuses an archive declaring absurd sizes, even for parts it would not read', async () => {
    const zip = await zipEntries({ ...shudianOfd().entries, 'Doc_0/Res/image_80.jb2': Buffer.alloc(100, 1) });
    expect(await failureOf(readEInvoiceFile('a.ofd', declareSize(zip, 'Doc_0/Res/image_80.jb2', 0x7fff_ffff)))).toMatch(/压缩炸弹/u);
  });

  it('stops inflating a part that is longer than its header says', async () => {
    const fixture = shudianOfd();
    const padded = fixture.entries['Doc_0/Pages/Page_0/Content.xml']?.replace('</ofd:Page>', `<!--${' '.repeat(500_000)}--></ofd:Page>`) ?? '';
    const zip = await zipEntries({ ...fixture.entries, 'Doc_0/Pages/Page_0/Content.xml': padded });
    expect(await failureOf(readEInvoiceFile('a.ofd', declareSize(zip, 'Doc_0/Pages/Page_0/Content.xml', 1000)))).toMatch(/超过文件头声明的大小/u);
  });

  it('refuses a corrupted part (CRC mismatch)', async () => {
    const zip = await zipEntries(shudianOfd().entries, { stored: ['OFD.xml'] });
    const at = zip.indexOf('<ofd:DocID>', 0, 'utf8');
    const corrupted = Buffer.from(zip);
    corrupted[at + 11] = 0x5a;
    expect(await failureOf(readEInvoiceFile('a.ofd', corrupted))).toMatch(/CRC/u);
  });
});

describe('readEInvoiceFile: OFD parts under the names issuers give them', () => {
  const expected = { number: TAX_CONTROL_DEFAULTS.number, code: TAX_CONTROL_DEFAULTS.code, amount: '24519.05', tax: '3187.48', total: '27706.53' };

  it('follows OFD.xml → Document.xml → CustomTags.xml to a tag file named Tag_Invoice.xml', async () => {
    const { originalInvoice: _dropped, ...rest } = { originalInvoice: 1, ...shudianOfd().entries };
    const fixture = renameOfdParts({ entries: rest as Record<string, string> }, { tagFile: 'Tag_Invoice.xml' });
    expect(Object.keys(fixture.entries)).toContain('Doc_0/Tags/Tag_Invoice.xml');
    const result = await readEInvoiceFile('sd.ofd', await zipOfd(fixture));
    expect(result?.ok && [result.value.buyerName, result.value.sellerName, result.value.total]).toEqual([
      '示例精密机械制造有限公司',
      SHUDIAN_DEFAULTS.sellerName,
      '11300.00',
    ]);
  });

  it('follows Attachments.xml to the data attachment whatever its name, in a document folder other than Doc_0', async () => {
    const fixture = renameOfdParts(taxControlOfd(), { docDir: 'Doc_1', attachmentFile: 'fp_0123.xml', tagFile: 'Tag_e-invoice.xml' });
    expect(Object.keys(fixture.entries).some((name) => name.startsWith('Doc_0/'))).toBe(false);
    const result = await readEInvoiceFile('fp.ofd', await zipOfd(fixture));
    expect(result?.ok && result.value).toMatchObject({ ...expected, lines: [expect.objectContaining({ name: '*计算机配套产品*服务器' })] });
  });

  it('reads XBRL invoice data from inv_ord_issuer_….xml, 合计税额 taken from the tags when the data lacks it', async () => {
    const fixture = xbrlOfd({ withoutTax: true });
    expect(Object.keys(fixture.entries)).toContain('Doc_0/Attachs/inv_ord_issuer_0123456789.xml');
    const result = await readEInvoiceFile('xbrl.ofd', await zipOfd(fixture));
    expect(result?.ok && result.value).toMatchObject({
      ...expected,
      buyerName: TAX_CONTROL_DEFAULTS.buyerName,
      lines: [{ name: '*建筑服务*设备基础施工', quantity: '1', amount: '24519.05', taxRate: '9%' }],
    });
  });
});

describe('readEInvoiceFile: other files', () => {
  it('returns null for files that are not e-invoice files', async () => {
    for (const name of ['scan.jpg', 'contract.docx', 'noextension', 'xml', 'a.xml.zip', 'folder.ofd/readme']) {
      expect(await readEInvoiceFile(name, Buffer.from('x'))).toBeNull();
    }
  });

  it('says why a .pdf that is no PDF cannot be read', async () => {
    const read = await readEInvoiceFile('发票.pdf', Buffer.from('x'));
    expect(read).toMatchObject({ ok: false });
    expect(read && !read.ok ? read.message : '').toMatch(/[\u4e00-\u9fff]/u);
  });
});
