import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '@core/create-core';
import { silentLogger } from '@core/logger';
import { generateSamplePackage } from '@cli/sample';
import { moneyToFen } from '@shared/domain/fen';
import type { ProjectVerification } from '@shared/api/verification-contract';
import { RESOURCES_DIR, makeTempDir } from '@test/support/temp-dir';
import { createTestReviewer } from '@test/support/reviewer';

const BATCH = 'XM-BREAKDOWN';

/** 核定投资额 = 已认定 + 暂计入 − 合同/付款上限扣减, with counts per decision kind, as the cards show it. */
describe('verified investment breakdown', () => {
  const temp = makeTempDir();
  let core: Core;
  let projectId = '';

  beforeAll(async () => {
    core = createCore({ dataDir: temp.dir, resourcesDir: RESOURCES_DIR, logger: silentLogger });
    await createTestReviewer(core);
    const file = path.join(temp.dir, 'package.zip');
    await generateSamplePackage({ projects: 1, invoices: 60, seed: 'breakdown', defects: ['duplicate-invoice', 'amount-arithmetic'], batchId: BATCH, outFile: file });
    projectId = (await core.api.importPackage({ path: file })).projects[0]?.id ?? '';
  }, 60_000);
  afterAll(() => {
    core.close();
    temp.cleanup();
  });

  const addsUp = (v: ProjectVerification) => {
    const b = v.summary.breakdown;
    const fen = moneyToFen(b.accepted.amount) + moneyToFen(b.reduced.amount) + moneyToFen(b.undecided.provisional.amount) - moneyToFen(b.capDeduction);
    expect(fen).toBe(moneyToFen(v.summary.verifiedInvestment));
    expect(b.accepted.count + b.reduced.count + b.rejected.count + b.undecided.count).toBe(v.summary.invoices);
    expect(b.accepted.count + b.reduced.count + b.rejected.count).toBe(v.summary.decided);
  };

  it('counts undecided invoices without errors as provisional and those with errors as held', async () => {
    const v = await core.api.getProjectVerification({ batchId: BATCH, projectId });
    const b = v.summary.breakdown;
    expect(b.accepted.count).toBe(0);
    expect(b.undecided.held.count).toBe(v.invoices.filter((i) => i.severity === 'error').length);
    expect(b.undecided.held.count).toBeGreaterThan(0);
    expect(b.undecided.provisional.count).toBe(v.invoices.length - b.undecided.held.count);
    addsUp(v);
  });

  it('moves invoices between the kinds as reviewers decide, and a reduction says what was cut', async () => {
    const v = await core.api.getProjectVerification({ batchId: BATCH, projectId });
    const clean = v.invoices.filter((i) => i.severity === null && Number(i.amount) > 100);
    const [a, b, c] = clean;
    if (!a || !b || !c) throw new Error('样例缺少无问题的发票');
    await core.api.decideInvoices({ batchId: BATCH, projectId, rowNos: [a.rowNo], kind: 'accept' });
    await core.api.decideInvoices({ batchId: BATCH, projectId, rowNos: [b.rowNo], kind: 'reject', reason: '设备未到货' });
    const reply = await core.api.decideInvoices({ batchId: BATCH, projectId, rowNos: [c.rowNo], kind: 'reduce', amount: '100.00', reason: '部分不属于本项目' });
    const s = reply.summary.breakdown;
    expect(s.accepted).toEqual({ count: 1, amount: a.amount });
    expect(s.rejected).toEqual({ count: 1, amount: b.amount });
    expect(s.reduced.count).toBe(1);
    expect(s.reduced.amount).toBe('100.00');
    expect(moneyToFen(s.reduced.cut)).toBe(moneyToFen(c.amount) - 10_000);
    addsUp(await core.api.getProjectVerification({ batchId: BATCH, projectId }));
  });

  it('refuses a reduced amount above the invoice amount', async () => {
    const v = await core.api.getProjectVerification({ batchId: BATCH, projectId });
    const row = v.invoices.find((i) => Number(i.amount) > 0);
    if (!row) throw new Error('样例缺少发票');
    const above = ((moneyToFen(row.amount) + 1) / 100).toFixed(2);
    await expect(core.api.decideInvoices({ batchId: BATCH, projectId, rowNos: [row.rowNo], kind: 'reduce', amount: above, reason: '核减' })).rejects.toThrow(/发票金额/);
  });
});
