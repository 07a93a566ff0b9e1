import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '@core/create-core';
import { LIBREOFFICE_WORKBOOK, oneProjectSpec, writePackageZip } from '@test/support/package-builder';
import { createTestReviewer } from '@test/support/reviewer';
import { createFolderCore } from '@test/support/test-core';

const ref = { batchId: 'XM-2026-YS-01', projectId: 'XM2024-001' };
let core: Core;
let work: string;
let close: () => void;

beforeEach(async () => {
  ({ core, work, close } = createFolderCore());
  await createTestReviewer(core, '王评审');
});
afterEach(() => close());

async function packageWith(name: string, edit?: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync(LIBREOFFICE_WORKBOOK) as unknown as ArrayBuffer);
  edit?.(workbook);
  const file = path.join(work, name);
  await writePackageZip(file, oneProjectSpec(Buffer.from(await workbook.xlsx.writeBuffer())));
  return file;
}

describe('on-site observations across a re-imported batch', () => {
  it('stay on their equipment line when the bureau sends the package again with another amount', async () => {
    await core.api.importPackage({ path: await packageWith('v1.zip') });
    const { lines } = await core.api.getInspection(ref);
    const line = lines[0];
    if (!line) throw new Error('清单为空');
    await core.api.recordLineObservation({ ...ref, lineId: line.id, status: 'not-found', note: '未见' });

    await core.api.importPackage({
      path: await packageWith('v2.zip', (wb) => {
        const sheet = wb.getWorksheet('发票');
        if (sheet) sheet.getCell('J5').value = '88,000.60';
      }),
    });
    const after = await core.api.getInspection(ref);
    expect(after.lines.find((l) => l.id === line.id)?.mine).toMatchObject({ status: 'not-found', note: '未见', reviewerName: '王评审' });
    const v = await core.api.getProjectVerification(ref);
    for (const invoice of line.invoices) {
      expect(v.invoices.find((i) => i.rowNo === invoice.rowNo)?.findings.map((f) => f.code)).toContain('INSPECTION_NOT_FOUND');
    }
  });
});
