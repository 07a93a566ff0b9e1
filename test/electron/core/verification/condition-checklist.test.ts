import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '@core/create-core';
import { renderReport } from '@core/reports/render-report';
import { createTestReviewer } from '@test/support/reviewer';
import { LIBREOFFICE_WORKBOOK, oneProjectSpec, writePackageZip } from '@test/support/package-builder';
import ExcelJS from 'exceljs';
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

/** The sample package at a stage and policy; `info` overrides rows of 项目信息 (字段 → 值). */
async function importAt(stage: string, policy = 'xiamen-2024', info: Record<string, string> = {}): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync(LIBREOFFICE_WORKBOOK) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('项目信息');
  const missing = new Map(Object.entries(info));
  sheet?.eachRow((row) => {
    const field = String(row.getCell(1).value).replace(/\s/gu, '');
    const value = missing.get(field);
    if (value === undefined) return;
    row.getCell(2).value = value;
    missing.delete(field);
  });
  for (const [field, value] of missing) sheet?.addRow([field, value]);
  const file = path.join(work, `${stage}-${policy}.zip`);
  const spec = oneProjectSpec(Buffer.from(await workbook.xlsx.writeBuffer()));
  await writePackageZip(file, { ...spec, batch: { ...spec.batch, stage, policy } });
  await core.api.importPackage({ path: file });
}

describe('资格条件核查表 per rule set and stage', () => {
  it('000 §五(一), §三(五)19: at 竣工验收 a Xiamen project lists the 重点项目 designation and the 退出机制, each with its paragraph', async () => {
    await importAt('acceptance');
    const checklist = await core.api.getProjectChecklist({ batchId: BATCH, projectId: PROJECT });
    const ids = checklist.items.map((i) => i.id);
    expect(ids).toContain('key-project');
    expect(ids).toContain('exit-mechanism');
    expect(checklist.items.find((i) => i.id === 'key-project')?.source).toBe('《厦门市制造业新型技术改造城市试点工作方案》第五条（一）、第五条（四）（一）');
    expect(checklist.items.every((i) => i.status === null && !i.source.includes('.txt'))).toBe(true);
  });

  it('000 §三(五)19: 退出机制 is not asked at 立项', async () => {
    await importAt('application');
    const ids = (await core.api.getProjectChecklist({ batchId: BATCH, projectId: PROJECT })).items.map((i) => i.id);
    expect(ids).toContain('key-project');
    expect(ids).not.toContain('exit-mechanism');
  });

  it('records a confirmation in the audit trail, asks a reason for 不满足, and prints the table in the acceptance report', async () => {
    await importAt('acceptance');
    await expect(core.api.confirmCondition({ batchId: BATCH, projectId: PROJECT, conditionId: 'exit-mechanism', status: 'not-met' })).rejects.toThrow(/须填写说明/u);
    await expect(core.api.confirmCondition({ batchId: BATCH, projectId: PROJECT, conditionId: 'no-such', status: 'met' })).rejects.toThrow(/没有「no-such」/u);
    const after = await core.api.confirmCondition({ batchId: BATCH, projectId: PROJECT, conditionId: 'key-project', status: 'met', note: '列入2024年重点项目名单第7号' });
    expect(after.items.find((i) => i.id === 'key-project')).toMatchObject({ status: 'met', note: '列入2024年重点项目名单第7号', recordedBy: '王评审' });
    const log = JSON.stringify(await core.api.listAuditLog({}));
    expect(log).toContain('condition-confirm');
    expect(log).toContain('列入市级新技改重点项目');

    const content = await core.reports.content('acceptance', BATCH, PROJECT);
    const report = await renderReport(content, { createdAt: new Date('2026-11-26T00:00:00Z') });
    const file = path.join(work, 'report.pdf');
    fs.writeFileSync(file, report.bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/gu, '');
    expect(text).toContain('资格条件核查表');
    expect(text).toContain('列入市级新技改重点项目');
    expect(text).toContain('满足（王评审）');
    expect(text).toContain('未确认');
  }, 60_000);

  it('001 第七条(三)2: the panel confirming 示范作用强 for a C29 线 project turns "no standard" into the central ceiling', async () => {
    await importAt('acceptance', 'shenyang-2025', { 行业代码: 'C2911', 项目类型: '线' });
    const before = await core.api.getProjectVerification({ batchId: BATCH, projectId: PROJECT });
    expect(before.summary).toMatchObject({ award: '0.00', awardIsCeiling: false });
    expect(before.summary.awardMessage).toContain('示范作用强');
    const ids = (await core.api.getProjectChecklist({ batchId: BATCH, projectId: PROJECT })).items.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining(['task-agreement', 'strong-demonstration', 'major-manufacturing']));
    await core.api.confirmCondition({ batchId: BATCH, projectId: PROJECT, conditionId: 'strong-demonstration', status: 'met', note: '带动12家上下游企业' });
    const after = await core.api.getProjectVerification({ batchId: BATCH, projectId: PROJECT });
    expect(after.summary.awardIsCeiling).toBe(true);
    expect(after.awardTrace.some((t) => t.text.includes('参照中央标准'))).toBe(true);
  });
});
