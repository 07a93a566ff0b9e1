import { buffer } from 'node:stream/consumers';
import yauzl from 'yauzl';
import { buildRawZip, type RawZipEntry } from '../electron/core/package/container/support/raw-zip-writer';

/** Every part of an xlsx, inflated, in zip order: to edit a workbook below what exceljs can write. */
export async function xlsxParts(xlsx: Buffer): Promise<Map<string, Buffer>> {
  const zipfile = await yauzl.fromBufferPromise(xlsx, { lazyEntries: true });
  const parts = new Map<string, Buffer>();
  for await (const entry of zipfile.eachEntry()) parts.set(entry.fileName, await buffer(await zipfile.openReadStreamPromise(entry)));
  zipfile.close();
  return parts;
}

/** An xlsx of `parts` (deflated), plus raw entries such as a bomb or a lying header. */
export function xlsxFrom(parts: ReadonlyMap<string, Buffer>, extra: readonly RawZipEntry[] = []): Buffer {
  return buildRawZip([...[...parts].map(([name, data]) => ({ name, data, deflate: true })), ...extra]);
}

/** A worksheet part with `rowsXml` appended to its sheetData. */
export function withRows(sheetXml: Buffer, rowsXml: string): Buffer {
  const text = sheetXml.toString('utf8');
  const end = text.lastIndexOf('</sheetData>');
  if (end < 0) throw new Error('worksheet without sheetData');
  return Buffer.from(`${text.slice(0, end)}${rowsXml}${text.slice(end)}`, 'utf8');
}
