import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import type { Manifest } from '../../shared/package/manifest-schema';
import { writePackageZip } from './package-builder';

/**
 * The sample generator plants only a third-party payer on the 付款 sheet. The payment checks also
 * look for a payee other than the contractor and one voucher entered twice; this plants both in a
 * generated package, as a bureau's clerk would: the payee cell of one row retyped, another row
 * copied below the table. Returns what was planted, by voucher number.
 */
export interface PlantedPayments {
  /** Voucher whose payee was changed. */
  wrongPayee: string;
  /** Voucher entered twice. */
  duplicated: string;
}

async function readZip(zip: Buffer): Promise<Map<string, Buffer>> {
  const archive = await yauzl.fromBufferPromise(zip, { lazyEntries: true });
  const entries: yauzl.Entry[] = [];
  for await (const entry of archive.eachEntry()) if (!entry.fileName.endsWith('/')) entries.push(entry);
  const files = new Map<string, Buffer>();
  for (const entry of entries) {
    const stream = await archive.openReadStreamPromise(entry);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    files.set(entry.fileName, Buffer.concat(chunks));
  }
  archive.close();
  return files;
}

function headerRow(sheet: ExcelJS.Worksheet): { row: number; columns: Map<string, number> } {
  for (let r = 1; r <= 3; r++) {
    const columns = new Map<string, number>();
    sheet.getRow(r).eachCell((cell, c) => columns.set(String(cell.value).trim(), c));
    if ([...columns.keys()].some((name) => name.includes('收款方'))) return { row: r, columns };
  }
  throw new Error('付款 sheet without a 收款方 header');
}

function column(columns: Map<string, number>, part: string): number {
  const found = [...columns].find(([name]) => name.includes(part));
  if (!found) throw new Error(`付款 sheet without a column like ${part}`);
  return found[1];
}

export async function plantPaymentDefects(zip: Buffer, manifest: Manifest, projectId: string, outFile: string): Promise<PlantedPayments> {
  const files = await readZip(zip);
  files.delete('manifest.json');
  const workbookPath = `${projectId}/申报表.xlsx`;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(files.get(workbookPath) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('付款');
  if (!sheet) throw new Error('no 付款 sheet');
  const { row: header, columns } = headerRow(sheet);
  const voucherColumn = column(columns, '凭证');
  const payeeColumn = column(columns, '收款方');
  const last = sheet.actualRowCount;
  if (last < header + 2) throw new Error('too few payments to plant defects');

  const retyped = sheet.getRow(header + 1);
  retyped.getCell(payeeColumn).value = '厦门远航物资贸易有限公司';
  const copied = sheet.getRow(header + 2);
  const copy = sheet.getRow(last + 1);
  copied.eachCell((cell, c) => (copy.getCell(c).value = cell.value));

  files.set(workbookPath, Buffer.from(await workbook.xlsx.writeBuffer()));
  await writePackageZip(outFile, { batch: manifest.batch, projects: manifest.projects, files: Object.fromEntries(files) });
  return { wrongPayee: String(retyped.getCell(voucherColumn).value), duplicated: String(copied.getCell(voucherColumn).value) };
}
