import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '@core/create-core';
import { silentLogger } from '@core/logger';
import { DEFECT_NAMES, generateSamplePackage } from '@cli/sample';
import { applyDecisionReply } from '@shared/api/decision-reply';
import type { DecisionReply, ProjectVerification } from '@shared/api/verification-contract';
import { RESOURCES_DIR, makeTempDir } from '@test/support/temp-dir';
import { createTestReviewer } from '@test/support/reviewer';

const BATCH = 'XM-INCREMENTAL';

/**
 * A decision is applied to the cached review state; what it answers, patched into the verification
 * the reviewer had, must equal verifying the project from scratch (a second core on the same data
 * folder, whose own cache a commit by the first one makes out of date).
 */
describe('incremental decisions', () => {
  const temp = makeTempDir();
  const open = () => createCore({ dataDir: temp.dir, resourcesDir: RESOURCES_DIR, logger: silentLogger, now: () => new Date('2026-11-22T10:00:00Z') });
  let core: Core;
  let fresh: Core;
  let projectId = '';

  beforeAll(async () => {
    core = open();
    await createTestReviewer(core);
    const file = path.join(temp.dir, 'package.zip');
    await generateSamplePackage({ projects: 2, invoices: 400, seed: 'incremental', defects: [...DEFECT_NAMES], batchId: BATCH, outFile: file });
    const summary = await core.api.importPackage({ path: file });
    // The project where the invoice without a contract was planted, so that path is exercised too.
    for (const project of summary.projects) {
      const v = await core.api.getProjectVerification({ batchId: BATCH, projectId: project.id });
      if (v.invoices.some((r) => r.contractNo === '')) projectId = project.id;
    }
    fresh = open();
  }, 120_000);
  afterAll(() => {
    core.close();
    fresh.close();
    temp.cleanup();
  });

  it('answers only what changed, and the patched verification equals a full recompute', async () => {
    let current = await core.api.getProjectVerification({ batchId: BATCH, projectId });
    const rows = current.invoices;
    expect(rows.length).toBeGreaterThan(100);
    const withContract = rows.filter((r) => r.contractNo !== '' && Number(r.amount) > 0);
    const withoutContract = rows.filter((r) => r.contractNo === '');
    // Statutory findings (000 §五(一)(二)) refuse 认定: the accepting steps take the other rows.
    const statutory = (r: (typeof rows)[number]) => r.findings.some((f) => f.statutory !== undefined);
    // Halfway a correction (更正) moves one invoice's date out of the period: from then on it is statutory.
    const corrected = rows.filter((r) => !statutory(r) && r.contractNo !== '' && Number(r.amount) > 0).at(-1);
    if (!corrected) throw new Error('生成的项目缺少有合同的发票');
    const acceptable = rows.filter((r) => !statutory(r) && r !== corrected);
    const flagged = acceptable.filter((r) => r.severity === 'error');
    expect(withoutContract.length).toBeGreaterThan(0);
    expect(flagged.length).toBeGreaterThan(0);
    const [first, second, third] = withContract;
    if (!first || !second || !third) throw new Error('生成的项目缺少有合同的发票');
    const reduced = (Number(second.amount) / 2).toFixed(2);

    const steps: Parameters<Core['api']['decideInvoices']>[0][] = [
      { batchId: BATCH, projectId, rowNos: [first.rowNo], kind: 'accept' },
      { batchId: BATCH, projectId, rowNos: [second.rowNo], kind: 'reduce', amount: reduced, reason: '部分设备不属于本项目' },
      { batchId: BATCH, projectId, rowNos: [third.rowNo], kind: 'reject', reason: '设备未到货' },
      { batchId: BATCH, projectId, rowNos: flagged.slice(0, 40).map((r) => r.rowNo), kind: 'accept' },
      { batchId: BATCH, projectId, rowNos: withoutContract.slice(0, 5).map((r) => r.rowNo), kind: 'reject', reason: '无对应合同' },
      { batchId: BATCH, projectId, rowNos: rows.slice(0, 120).map((r) => r.rowNo), kind: 'reject', reason: '批量复核不予认定' },
      { batchId: BATCH, projectId, rowNos: [first.rowNo, third.rowNo, ...rows.slice(10, 60).map((r) => r.rowNo)], kind: 'clear' },
      { batchId: BATCH, projectId, rowNos: acceptable.map((r) => r.rowNo), kind: 'accept' },
    ];
    // Halfway, a correction: the invoice's date on the sheet was a typing error (更正 re-runs the checks).
    const correctAt = 4;
    let previousInvestment = current.summary.verifiedInvestment;
    let investmentChanged = false;
    for (const [i, step] of steps.entries()) {
      if (i === correctAt) {
        current = await core.api.correctRecord({
          batchId: BATCH,
          projectId,
          target: 'invoice',
          rowNo: corrected.rowNo,
          field: '开票日期',
          value: '2023-12-20',
          reason: '附件发票开票日期为 2023-12-20，申报表误填',
        });
        expect(current).toEqual(await fresh.api.getProjectVerification({ batchId: BATCH, projectId }));
        const findings = current.invoices.find((r) => r.rowNo === corrected.rowNo)?.findings ?? [];
        expect(findings.find((f) => f.code === 'DATE_OUTSIDE_WINDOW')?.statutory).toBeDefined();
        expect(current.trace[0]).toContain(`更正：第 ${String(corrected.rowNo)} 行发票「${corrected.key}」开票日期由「${corrected.issuedOn}」更正为「2023-12-20」`);
      }
      const reply: DecisionReply = await core.api.decideInvoices(step);
      expect(new Set(reply.invoices.map((r) => r.rowNo))).toEqual(new Set(step.rowNos));
      current = applyDecisionReply(current, reply);
      const full: ProjectVerification = await fresh.api.getProjectVerification({ batchId: BATCH, projectId });
      expect(current).toEqual(full);
      // The core's own cached state answers the same as well.
      expect(await core.api.getProjectVerification({ batchId: BATCH, projectId })).toEqual(full);
      if (full.summary.verifiedInvestment !== previousInvestment) investmentChanged = true;
      previousInvestment = full.summary.verifiedInvestment;
    }
    expect(investmentChanged).toBe(true);
    expect(current.invoices.filter((r) => !statutory(r)).every((r) => r.decision?.kind === 'accept')).toBe(true);
    expect(current.corrections.map((c) => [c.rowNo, c.fieldLabel, c.newValue])).toEqual([[corrected.rowNo, '开票日期', '2023-12-20']]);
    // whatever was decided on it, the corrected invoice now counts nothing
    expect(current.contracts.find((c) => c.contractNo === corrected.contractNo)?.trace.join('\n')).toContain(`第 ${String(corrected.rowNo)} 行发票：依规不计入`);
  });

  it('answers a single decision with only its invoice and contract', async () => {
    const before = await core.api.getProjectVerification({ batchId: BATCH, projectId });
    const invoice = before.invoices.find((r) => before.contracts.some((c) => c.contractNo === r.contractNo) && Number(r.amount) > 0);
    if (!invoice) throw new Error('生成的项目缺少有合同的发票');
    const reply = await core.api.decideInvoices({ batchId: BATCH, projectId, rowNos: [invoice.rowNo], kind: 'reject', reason: '重复申报' });
    expect(reply.invoices.map((r) => r.rowNo)).toEqual([invoice.rowNo]);
    expect(reply.contracts.map((c) => c.contractNo)).toEqual([invoice.contractNo]);
    expect(reply.withoutContract).toBeNull();
  });

  it('keeps both of two decisions sent at once before the project was ever verified', async () => {
    const other = open();
    try {
      const rows = (await fresh.api.getProjectVerification({ batchId: BATCH, projectId })).invoices.slice(-2);
      const [a, b] = rows;
      if (!a || !b) throw new Error('项目发票不足');
      await Promise.all([
        other.api.decideInvoices({ batchId: BATCH, projectId, rowNos: [a.rowNo], kind: 'reject', reason: '同时提交一' }),
        other.api.decideInvoices({ batchId: BATCH, projectId, rowNos: [b.rowNo], kind: 'reject', reason: '同时提交二' }),
      ]);
      const after = await other.api.getProjectVerification({ batchId: BATCH, projectId });
      expect(after.invoices.filter((r) => r.rowNo === a.rowNo || r.rowNo === b.rowNo).map((r) => r.decision?.reason)).toEqual(['同时提交一', '同时提交二']);
    } finally {
      other.close();
    }
  });

  it('keeps every decision current when a later migration adds a column to invoices', async () => {
    const before = await fresh.api.getProjectVerification({ batchId: BATCH, projectId });
    expect(before.summary.decided).toBeGreaterThan(0);
    expect(before.summary.stale).toBe(0);
    core.context.db.exec("ALTER TABLE invoices ADD COLUMN reviewer_note TEXT NOT NULL DEFAULT ''");
    core.context.db.prepare("UPDATE invoices SET reviewer_note = '后补的说明'").run();
    const reopened = open();
    try {
      const after = await reopened.api.getProjectVerification({ batchId: BATCH, projectId });
      expect(after.summary).toMatchObject({ decided: before.summary.decided, stale: 0 });
    } finally {
      reopened.close();
    }
  });
});
