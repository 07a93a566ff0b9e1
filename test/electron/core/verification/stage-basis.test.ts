import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '@core/create-core';
import { createTestReviewer } from '@test/support/reviewer';
import { LIBREOFFICE_WORKBOOK, oneProjectSpec, writePackageZip } from '@test/support/package-builder';
import { createFolderCore } from '@test/support/test-core';

// Seed 000 §五(四): 立项 advances 30% and 中期 20% of the EXPECTED award (预期应获奖补资金总额);
// 竣工验收 computes the award on the verified investment and pays the remainder (award − advances).
// §五(三)2(1): 8% of the investment for 8000万–2亿, at most 10,000,000.00.
const BATCH = 'XM-2026-YS-01';
const PROJECT = 'XM2024-001';
let core: Core;
let work: string;
let close: () => void;

beforeEach(async () => {
  ({ core, work, close } = createFolderCore());
  await createTestReviewer(core, '王评审');
});
afterEach(() => close());

async function importAt(stage: string, planned: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync(LIBREOFFICE_WORKBOOK) as unknown as ArrayBuffer);
  const info = workbook.getWorksheet('项目信息');
  info?.eachRow((row) => {
    const label = String(row.getCell(1).value).replace(/\s/gu, '');
    // The label may carry its unit (计划总投资（万元）, PACKAGE.md): write the figure in that unit.
    if (label.startsWith('计划总投资')) row.getCell(2).value = label.includes('万元') ? String(Number(planned) / 10000) : planned;
  });
  const file = path.join(work, `${stage}.zip`);
  const spec = oneProjectSpec(Buffer.from(await workbook.xlsx.writeBuffer()));
  await writePackageZip(file, { ...spec, batch: { ...spec.batch, stage } });
  await core.api.importPackage({ path: file });
}

describe('the award basis at each stage (000 §五(四))', () => {
  it('§五(四)(一): at 立项 a planned investment of 150,000,000.00 gives the expected award 10,000,000.00 and a first advance of 3,000,000.00', async () => {
    await importAt('application', '150000000.00');
    const batch = await core.api.verifyBatch({ batchId: BATCH });
    // 150,000,000.00 × 8% = 12,000,000.00 > 10,000,000.00 → 10,000,000.00; × 30% = 3,000,000.00
    expect(batch.projects[0]).toMatchObject({ awardBasis: 'planned', award: '10000000.00', dueAtStage: '3000000.00' });
    const v = await core.api.getProjectVerification({ batchId: BATCH, projectId: PROJECT });
    expect(v.summary).toMatchObject({ award: '10000000.00', awardBasis: 'planned' });
    expect(v.summary.disbursement).toMatchObject({ dueAtStage: '3000000.00', paidBefore: '0.00', remaining: '7000000.00' });
    expect(v.awardTrace[0]?.text).toContain('按申报表计划总投资 150,000,000.00 元测算预期应获奖补资金总额');
  });

  it('§五(四)(二): at 中期 the second advance is 20% of the same expected award, 2,000,000.00, after the recorded first advance', async () => {
    await importAt('midterm', '150000000.00');
    await core.api.recordAdvance({ batchId: BATCH, projectId: PROJECT, stage: 'application', amount: '3000000.00' });
    const v = await core.api.getProjectVerification({ batchId: BATCH, projectId: PROJECT });
    expect(v.summary.awardBasis).toBe('planned');
    expect(v.summary.disbursement).toMatchObject({ dueAtStage: '2000000.00', paidBefore: '3000000.00', remaining: '5000000.00' });
  });

  it('§五(四)(三): at 竣工验收 the award rests on the verified investment; below the advances paid, the difference is refunded', async () => {
    await importAt('acceptance', '150000000.00');
    const before = await core.api.getProjectVerification({ batchId: BATCH, projectId: PROJECT });
    expect(before.summary.awardBasis).toBe('verified');
    // The sample project's verified investment is far below 8000万: no award (§五(三)1).
    expect(before.summary.award).toBe('0.00');
    await core.api.recordAdvance({ batchId: BATCH, projectId: PROJECT, stage: 'application', amount: '3000000.00' });
    const checklist = await core.api.recordAdvance({ batchId: BATCH, projectId: PROJECT, stage: 'midterm', amount: '2000000.00' });
    expect(checklist.advances).toEqual({ application: '3000000.00', midterm: '2000000.00', total: '5000000.00' });
    const after = await core.api.getProjectVerification({ batchId: BATCH, projectId: PROJECT });
    // award 0.00 − advances 5,000,000.00 → refund 5,000,000.00
    expect(after.summary.disbursement).toMatchObject({ paidBefore: '5000000.00', dueAtStage: '0.00', refund: '5000000.00' });
    const log = await core.api.listAuditLog({});
    expect(JSON.stringify(log)).toContain('advance-record');
  });

  it('refuses a negative advance in Chinese', async () => {
    await importAt('acceptance', '150000000.00');
    await expect(core.api.recordAdvance({ batchId: BATCH, projectId: PROJECT, stage: 'midterm', amount: '-1.00' })).rejects.toThrow(/预拨资金应为不小于 0 的金额/u);
  });
});
