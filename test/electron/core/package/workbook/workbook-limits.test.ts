import fs from 'node:fs';
import path from 'node:path';
import { createDeflateRaw, crc32 } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { parseProjectWorkbook } from '@core/package/workbook/parse-project-workbook';
import { WORKBOOK_LIMITS } from '@core/package/workbook/workbook-limits';
import { runImportChild } from '@test/support/import-child/run-import-child';
import { LIBREOFFICE_WORKBOOK, oneProjectSpec, writePackageZip } from '@test/support/package-builder';
import { makeTempDir } from '@test/support/temp-dir';
import { withRows, xlsxFrom, xlsxParts } from '@test/support/xlsx-surgery';

const FILE = 'XM2024-001/申报表.xlsx';
/** The fixture's 发票 sheet. */
const INVOICES = 'xl/worksheets/sheet3.xml';
const GIB = 1024 * 1024 * 1024;
const work = makeTempDir();
afterAll(() => work.cleanup());

const fixtureParts = () => xlsxParts(fs.readFileSync(LIBREOFFICE_WORKBOOK));

/** 1 GiB of zeros, deflated as it streams (about 1 MB), with its CRC: the bomb hidden in a picture. */
async function deflatedZeros(bytes: number): Promise<{ body: Buffer; crc: number }> {
  const deflate = createDeflateRaw({ level: 1 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const zeros = Buffer.alloc(16 * 1024 * 1024);
  let crc = 0;
  for (let left = bytes; left > 0; left -= zeros.length) {
    const part = zeros.subarray(0, Math.min(zeros.length, left));
    crc = crc32(part, crc);
    if (!deflate.write(part)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  await new Promise((resolve) => deflate.end(resolve));
  return { body: Buffer.concat(chunks), crc };
}

/** Imports a one-project package around `workbook` in a child process, into a fresh data folder. */
async function importWorkbook(name: string, workbook: Buffer) {
  const file = path.join(work.dir, `${name}.zip`);
  await writePackageZip(file, oneProjectSpec(workbook));
  const run = await runImportChild(file, path.join(work.dir, `${name}-data`), { timeoutMs: 180_000 });
  expect(run.exitCode, run.stderr).toBe(0);
  if (!run.report) throw new Error('no report');
  return run.report;
}

function errorsOf<T extends { severity: string }>(problems: T[]): T[] {
  return problems.filter((p) => p.severity === 'error');
}

describe('limits inside a workbook', () => {
  it('never inflates pictures: 1 GiB of zeros in xl/media is skipped and the workbook reads normally', async () => {
    const { body, crc } = await deflatedZeros(GIB);
    const xlsx = xlsxFrom(await fixtureParts(), [{ name: 'xl/media/image1.png', data: Buffer.alloc(0), body, declaredSize: GIB, crc32: crc, compressionMethod: 8 }]);
    expect(xlsx.length).toBeLessThan(8 * 1024 * 1024);
    const report = await importWorkbook('media-bomb', xlsx);
    expect(report).toMatchObject({ outcome: 'imported', invoices: 4 });
    expect(report.maxRssBytes).toBeLessThan(GIB / 2);
  }, 240_000);

  it('refuses a part the reader needs that would inflate beyond the limit, by its declared size', async () => {
    const parts = await fixtureParts();
    const { body, crc } = await deflatedZeros(WORKBOOK_LIMITS.maxPartBytes + 1);
    parts.delete('xl/sharedStrings.xml');
    const xlsx = xlsxFrom(parts, [{ name: 'xl/sharedStrings.xml', body, crc32: crc, declaredSize: WORKBOOK_LIMITS.maxPartBytes + 1, compressionMethod: 8 }]);
    const { parsed, problems } = await parseProjectWorkbook(FILE, xlsx, 'XM2024-001');
    expect(parsed).toBeNull();
    expect(problems).toEqual([
      { severity: 'error', file: FILE, message: expect.stringMatching(/^工作簿部件 xl\/sharedStrings\.xml：解压后 200 MiB，超过单个部件上限 200 MiB/) as unknown },
    ]);
  }, 60_000);

  it('stops inflating a part whose header understates its size', async () => {
    const parts = await fixtureParts();
    const sharedStrings = parts.get('xl/sharedStrings.xml') as Buffer;
    parts.delete('xl/sharedStrings.xml');
    const xlsx = xlsxFrom(parts, [{ name: 'xl/sharedStrings.xml', data: sharedStrings, deflate: true, declaredSize: 100 }]);
    const { problems } = await parseProjectWorkbook(FILE, xlsx, 'XM2024-001');
    expect(problems).toEqual([{ severity: 'error', file: FILE, message: expect.stringContaining('超过文件头声明的大小') as unknown }]);
  });

  it('refuses a sheet with one cell in column XFD on 30,000 rows, located, without running out of memory', async () => {
    const parts = await fixtureParts();
    let rows = '';
    for (let r = 10; r < 30_010; r++) rows += `<row r="${String(r)}"><c r="XFD${String(r)}" t="inlineStr"><is><t>x</t></is></c></row>`;
    parts.set(INVOICES, withRows(parts.get(INVOICES) as Buffer, rows));
    const report = await importWorkbook('wide', xlsxFrom(parts));
    if (report.outcome !== 'refused') throw new Error(JSON.stringify(report));
    expect(report.errors).toEqual([
      {
        severity: 'error',
        file: FILE,
        sheet: '发票',
        row: 10,
        column: 'XFD',
        message: 'XFD 列有内容，超出每个工作表 64 列（到 BL 列）的上限；共 30000 行在 BL 列以右有内容，请删除多余的列后重新导出',
      },
    ]);
    expect(report.maxRssBytes).toBeLessThan(GIB);
  }, 240_000);

  it('refuses 发票 with more rows than the limit before building them (a million ran out of memory), naming the sheet and the limit', async () => {
    const parts = await fixtureParts();
    const rows: string[] = [];
    for (let r = 10; r < 250_010; r++) rows.push(`<row r="${String(r)}"><c r="A${String(r)}"><v>1</v></c></row>`);
    parts.set(INVOICES, withRows(parts.get(INVOICES) as Buffer, rows.join('')));
    // Refused from the sheet's XML before exceljs builds a single row.
    const { parsed, problems } = await parseProjectWorkbook(FILE, xlsxFrom(parts), 'XM2024-001');
    expect(parsed).toBeNull();
    expect(problems).toEqual([
      {
        severity: 'error',
        file: FILE,
        sheet: '发票',
        row: 250_009,
        message: expect.stringMatching(/^工作表「发票」有 250006 行（最后一行是第 250009 行），超过每个工作表 200000 行的上限/) as unknown,
      },
    ]);
  }, 240_000);

  it('also catches a cell beyond the column limit whose reference is not written first', async () => {
    const parts = await fixtureParts();
    parts.set(INVOICES, withRows(parts.get(INVOICES) as Buffer, '<row r="40"><c t="inlineStr" r="BM40"><is><t>多出一列</t></is></c></row>'));
    const { problems } = await parseProjectWorkbook(FILE, xlsxFrom(parts), 'XM2024-001');
    expect(errorsOf(problems)).toEqual([
      expect.objectContaining({ sheet: '发票', row: 40, column: 'BM', message: expect.stringContaining('共 1 行在 BL 列以右有内容') as unknown }),
    ]);
  });

  it('reads a sheet whose data sits right up to the last allowed column', async () => {
    const parts = await fixtureParts();
    parts.set(INVOICES, withRows(parts.get(INVOICES) as Buffer, '<row r="40"><c r="BL40" t="inlineStr"><is><t>备注在最后一列</t></is></c></row>'));
    const { problems } = await parseProjectWorkbook(FILE, xlsxFrom(parts), 'XM2024-001');
    expect(errorsOf(problems).filter((p) => p.message.includes('上限'))).toEqual([]);
  });
});
