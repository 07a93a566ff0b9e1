import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '@core/create-core';
import { silentLogger } from '@core/logger';
import { correctionsSection } from '@core/reports/corrections-section';
import { generateSamplePackage } from '@cli/sample';
import type { ProjectVerification } from '@shared/api/verification-contract';
import { RESOURCES_DIR, makeTempDir } from '@test/support/temp-dir';
import { createTestReviewer } from '@test/support/reviewer';

const BATCH = 'XM-CORRECTIONS';
// Findings cite the policy by its title and paragraph (shared/verification/cite-findings.ts).
const SOURCE = '《厦门市制造业新型技术改造城市试点工作方案》第五条';

/**
 * Statutory findings (000 §五(一)(二)) cannot be accepted away; a correction (更正) with the attachment
 * page as evidence is what a reviewer records instead, and the checks run again on the corrected value.
 */
describe('statutory findings and corrections through the API', () => {
  const temp = makeTempDir();
  let core: Core;
  let projectId = '';
  let before: ProjectVerification;

  beforeAll(async () => {
    core = createCore({ dataDir: temp.dir, resourcesDir: RESOURCES_DIR, logger: silentLogger, now: () => new Date('2026-11-26T04:00:00Z') });
    await createTestReviewer(core);
    const file = path.join(temp.dir, 'package.zip');
    await generateSamplePackage({ projects: 1, invoices: 40, seed: 'corrections', defects: ['date-outside-window'], batchId: BATCH, outFile: file });
    projectId = (await core.api.importPackage({ path: file })).projects[0]?.id ?? '';
    before = await core.api.getProjectVerification({ batchId: BATCH, projectId });
  }, 120_000);
  afterAll(() => {
    core.close();
    temp.cleanup();
  });

  const outsideRow = () => {
    const row = before.invoices.find((r) => r.findings.some((f) => f.code === 'DATE_OUTSIDE_WINDOW'));
    if (!row) throw new Error('样例中没有认定期间外的发票');
    return row;
  };

  it('marks an invoice dated 2023-12 as statutory, citing §五(二)', () => {
    const finding = outsideRow().findings.find((f) => f.code === 'DATE_OUTSIDE_WINDOW');
    expect(finding).toMatchObject({ severity: 'error' });
    expect(finding?.statutory).toContain(SOURCE);
    expect(finding?.message).toContain('不在认定期间 2024-01-01 至 2026-12-31 内');
  });

  it('refuses 认定 and 核减 on it with a Chinese reason citing the paragraph; 不予认定 and other rows keep working', async () => {
    const row = outsideRow();
    const accept = core.api.decideInvoices({ batchId: BATCH, projectId, rowNos: [row.rowNo], kind: 'accept' });
    await expect(accept).rejects.toThrow(/依政策规定不得认定/u);
    await expect(accept).rejects.toThrow(new RegExp(`第 ${String(row.rowNo)} 行：开票日期 .*${SOURCE}`, 'u'));
    await expect(core.api.decideInvoices({ batchId: BATCH, projectId, rowNos: [row.rowNo], kind: 'reduce', amount: '1.00', reason: '部分' })).rejects.toThrow(
      /请登记更正/u,
    );
    // a bulk 认定 that includes it is refused as a whole: nothing half-stored
    const other = before.invoices.find((r) => r.findings.length === 0);
    if (!other) throw new Error('样例中没有无发现的发票');
    await expect(core.api.decideInvoices({ batchId: BATCH, projectId, rowNos: [other.rowNo, row.rowNo], kind: 'accept' })).rejects.toThrow(/不得认定/u);
    expect((await core.api.getProjectVerification({ batchId: BATCH, projectId })).invoices.find((r) => r.rowNo === other.rowNo)?.decision).toBeNull();
    const rejected = await core.api.decideInvoices({ batchId: BATCH, projectId, rowNos: [row.rowNo], kind: 'reject', reason: '认定期外' });
    expect(rejected.invoices[0]?.decision?.kind).toBe('reject');
    const accepted = await core.api.decideInvoices({ batchId: BATCH, projectId, rowNos: [other.rowNo], kind: 'accept' });
    expect(accepted.invoices[0]?.decision?.kind).toBe('accept');
  });

  it('refuses a correction with an unknown attachment, an unreadable value or no reason', async () => {
    const rowNo = outsideRow().rowNo;
    const base = { batchId: BATCH, projectId, target: 'invoice' as const, rowNo, field: '开票日期', reason: '附件发票日期' };
    await expect(core.api.correctRecord({ ...base, value: '2024-01-03', evidence: '不存在.pdf#1' })).rejects.toThrow(/附件「不存在.pdf」不在本项目的附件中/u);
    await expect(core.api.correctRecord({ ...base, value: '2024年13月1日' })).rejects.toThrow(/开票日期/u);
    await expect(core.api.correctRecord({ ...base, value: '2024-01-03', reason: '' })).rejects.toThrow(/理由/u);
    await expect(core.api.correctRecord({ ...base, field: '发票号码', value: '1' })).rejects.toThrow(/不能更正/u);
  });

  it('a correction of the date re-runs the checks: the statutory finding goes, 认定 works, and it shows in trace, export, report, batch and audit', async () => {
    const row = outsideRow();
    const evidence = row.attachments[0] === undefined ? undefined : `${row.attachments[0]}#1`;
    const after = await core.api.correctRecord({
      batchId: BATCH,
      projectId,
      target: 'invoice',
      rowNo: row.rowNo,
      field: '开票日期',
      value: '2024/1/3',
      reason: '附件发票开票日期为 2024-01-03，申报表误填为上年',
      ...(evidence === undefined ? {} : { evidence }),
    });
    const corrected = after.invoices.find((r) => r.rowNo === row.rowNo);
    // the row shows the value checked; the value as filed stays in the correction
    expect(corrected?.issuedOn).toBe('2024-01-03');
    expect(corrected?.findings.some((f) => f.code === 'DATE_OUTSIDE_WINDOW')).toBe(false);
    expect(after.corrections).toEqual([
      expect.objectContaining({
        target: 'invoice',
        rowNo: row.rowNo,
        fieldLabel: '开票日期',
        oldValue: row.issuedOn,
        newValue: '2024-01-03',
        evidence: evidence ?? '',
        reviewer: '陈立新',
      }),
    ]);
    expect(after.trace[0]).toContain(`更正：第 ${String(row.rowNo)} 行发票「${row.key}」开票日期由「${row.issuedOn}」更正为「2024-01-03」`);

    const reply = await core.api.decideInvoices({ batchId: BATCH, projectId, rowNos: [row.rowNo], kind: 'accept' });
    expect(reply.invoices[0]?.decision?.kind).toBe('accept');
    // now counted: the verified investment grows by at most the invoice's amount (caps may apply)
    const grown = Number(reply.summary.verifiedInvestment) - Number(after.summary.verifiedInvestment);
    expect(grown).toBeGreaterThan(0);
    expect(grown).toBeLessThanOrEqual(Number(row.amount) + 0.005);

    const exported = await core.api.exportVerificationWorkbook({ batchId: BATCH, projectId });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(exported.base64 ?? '', 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('更正记录');
    // laid out like every export: two title lines, the header, then the rows
    expect(sheet?.getRow(3).getCell(1).value).toBe('对象');
    expect(sheet?.getRow(4).values).toEqual(expect.arrayContaining(['发票', row.rowNo, row.key, '开票日期', row.issuedOn, '2024-01-03']));

    const section = correctionsSection(await core.api.getProjectVerification({ batchId: BATCH, projectId }));
    expect(section.lines).toHaveLength(1);
    expect(section.lines[0]).toContain(`开票日期：申报表为「${row.issuedOn}」，更正为「2024-01-03」`);

    const batch = await core.api.verifyBatch({ batchId: BATCH });
    expect(batch.projects[0]?.corrections.map((c) => c.newValue)).toEqual(['2024-01-03']);

    const actions = core.context.db.prepare<[], { action: string }>("SELECT action FROM audit_log WHERE action LIKE 'record-correction%' ORDER BY id").all();
    expect(actions.map((a) => a.action)).toEqual(['record-correction']);
  });

  it('withdrawing the correction brings the statutory finding back, and the accepted invoice counts nothing again', async () => {
    const row = outsideRow();
    const after = await core.api.correctRecord({ batchId: BATCH, projectId, target: 'invoice', rowNo: row.rowNo, field: '开票日期', value: null, reason: '' });
    expect(after.corrections).toEqual([]);
    expect(after.invoices.find((r) => r.rowNo === row.rowNo)?.findings.find((f) => f.code === 'DATE_OUTSIDE_WINDOW')?.statutory).toBeDefined();
    const contract = after.contracts.find((c) => c.contractNo === row.contractNo);
    expect(contract?.trace.join('\n')).toContain(`第 ${String(row.rowNo)} 行发票：依规不计入，不受评审决定影响`);
  });

  it('a contract correction of 约定尾款 with the contract page is how a reviewer confirms the tail clause', async () => {
    const v = await core.api.getProjectVerification({ batchId: BATCH, projectId });
    const contract = v.contracts[0];
    if (!contract) throw new Error('样例中没有合同');
    const after = await core.api.correctRecord({
      batchId: BATCH,
      projectId,
      target: 'contract',
      contractNo: contract.contractNo,
      field: '约定尾款',
      value: '8 %',
      reason: '合同第 9 条约定质保金 8%',
    });
    expect(after.corrections.find((c) => c.target === 'contract')).toMatchObject({ targetKey: contract.contractNo, fieldLabel: '约定尾款', newValue: '8%', rowNo: null });
  });
});
