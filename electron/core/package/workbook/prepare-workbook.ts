import type { PackageProblem } from '@shared/package/problem';
import { checkSheetExtents } from './check-sheet-extents';
import { storedZip } from './stored-zip';
import { WORKBOOK_LIMITS } from './workbook-limits';
import { readXlsxParts } from './xlsx-parts';

export type PreparedWorkbook = { ok: true; xlsx: Buffer } | { ok: false; problems: PackageProblem[] };

/**
 * The workbook as exceljs will be given it: only the parts the reader needs, inflated within
 * {@link WORKBOOK_LIMITS} and stored uncompressed, after every sheet's rows and columns were checked
 * against the limits. The inflated parts are dropped once copied, so only one copy lives on.
 */
export async function prepareWorkbook(file: string, content: Buffer): Promise<PreparedWorkbook> {
  const unpacked = await readXlsxParts(content, WORKBOOK_LIMITS);
  if (!unpacked.ok) return { ok: false, problems: [{ severity: 'error', file, message: unpacked.message }] };
  const problems = checkSheetExtents(file, unpacked.parts);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, xlsx: storedZip(unpacked.parts) };
}
