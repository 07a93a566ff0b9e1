import fs from 'node:fs';
import path from 'node:path';
import { createTestReviewer } from '@test/support/reviewer';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '@core/create-core';
import { LIBREOFFICE_WORKBOOK, oneProjectSpec, writePackageZip } from '@test/support/package-builder';
import { createFolderCore } from '@test/support/test-core';

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

async function packageWith(name: string, edit?: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync(LIBREOFFICE_WORKBOOK) as unknown as ArrayBuffer);
  edit?.(workbook);
  const file = path.join(work, name);
  await writePackageZip(file, oneProjectSpec(Buffer.from(await workbook.xlsx.writeBuffer())));
  return file;
}

describe('reviewers’ decisions across a re-imported batch', () => {
  it('keeps decisions on unchanged invoices and marks those on changed invoices for review', async () => {
    await core.api.importPackage({ path: await packageWith('v1.zip') });
    await core.api.updateSettings({ reviewerName: '王评审' });
    await core.api.decideInvoices({ batchId: BATCH, projectId: PROJECT, rowNos: [3], kind: 'reject', reason: '设备未到货' });
    await core.api.decideInvoices({ batchId: BATCH, projectId: PROJECT, rowNos: [5], kind: 'reduce', amount: '80000.00', reason: '部分服务不属于本项目' });

    // The bureau corrects the amount of row 5 and sends the package again; row 3 is untouched.
    await core.api.importPackage({
      path: await packageWith('v2.zip', (wb) => {
        const sheet = wb.getWorksheet('发票');
        if (sheet) sheet.getCell('J5').value = '88,000.60';
      }),
    });
    const v = await core.api.getProjectVerification({ batchId: BATCH, projectId: PROJECT });
    const row3 = v.invoices.find((i) => i.rowNo === 3);
    const row5 = v.invoices.find((i) => i.rowNo === 5);
    expect(row3?.decision).toMatchObject({ kind: 'reject', reason: '设备未到货', reviewer: '王评审', stale: false });
    expect(row5?.decision).toMatchObject({ kind: 'reduce', amount: '80000.00', stale: true });
    expect(v.summary).toMatchObject({ decided: 2, stale: 1 });
    expect((await core.api.listProjects({ batchId: BATCH }))[0]?.state).toEqual({ code: 'in-progress', decided: 2 });
  });

  it('records every decision in the audit trail with reviewer and reason', async () => {
    await core.api.importPackage({ path: await packageWith('v1.zip') });
    await core.api.updateSettings({ reviewerName: '李专家' });
    const reviewer = (await core.api.getMyReviewer({})).reviewer;
    await core.api.decideInvoices({ batchId: BATCH, projectId: PROJECT, rowNos: [3, 4], kind: 'accept' });
    await core.api.decideInvoices({ batchId: BATCH, projectId: PROJECT, rowNos: [4], kind: 'clear' });
    // Recorded as the data folder's reviewer (by id), whatever name the settings hold.
    const rows = core.context.db
      .prepare('SELECT actor_id AS actorId, actor, action, details FROM audit_log WHERE subject = ? ORDER BY id')
      .all(`project:${BATCH}/${PROJECT}`) as { actorId: string; actor: string; action: string; details: string }[];
    expect(rows.map((r) => [r.actorId, r.actor, r.action])).toEqual([
      [reviewer?.id, '王评审', 'invoice-accept'],
      [reviewer?.id, '王评审', 'invoice-clear'],
    ]);
    const v = await core.api.getProjectVerification({ batchId: BATCH, projectId: PROJECT });
    expect(v.invoices.filter((i) => i.decision).map((i) => i.rowNo)).toEqual([3]);
    // The same record through the API, newest first, all of it or one project's.
    const all = await core.api.listAuditLog({});
    expect(all.map((e) => e.action)).toEqual(['撤销发票认定', '认定发票', '修改设置', '导入材料包']);
    const forProject = await core.api.listAuditLog({ subject: `project:${BATCH}/${PROJECT}`, limit: 1 });
    expect(forProject).toEqual([expect.objectContaining({ actor: '王评审', action: '撤销发票认定', actionCode: 'invoice-clear' })]);
  });

  it('refuses a reduction above the invoice amount and a rejection without a reason, storing nothing', async () => {
    await core.api.importPackage({ path: await packageWith('v1.zip') });
    await expect(core.api.decideInvoices({ batchId: BATCH, projectId: PROJECT, rowNos: [5], kind: 'reduce', amount: '99999999.00', reason: '核减' })).rejects.toThrow(
      /应在 0 与发票金额/,
    );
    await expect(core.api.decideInvoices({ batchId: BATCH, projectId: PROJECT, rowNos: [5], kind: 'reject' })).rejects.toThrow(/必须填写理由/);
    await expect(core.api.decideInvoices({ batchId: BATCH, projectId: PROJECT, rowNos: [99], kind: 'accept' })).rejects.toThrow(/没有第 99 行/);
    expect((await core.api.getProjectVerification({ batchId: BATCH, projectId: PROJECT })).summary.decided).toBe(0);
  });
});
