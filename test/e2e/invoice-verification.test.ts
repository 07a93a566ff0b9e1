import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSamplePackage } from '../../electron/cli/sample';
import { plantPaymentDefects, type PlantedPayments } from '../support/plant-payment-defects';
import { makeTempDir } from '../support/temp-dir';
import { createTestReviewer } from '../support/reviewer';
import { startAppUnderTest, type AppUnderTest } from './support/app-under-test';

describe('发票核验 in browser mode', () => {
  let app: AppUnderTest;
  const scratch = makeTempDir();
  let batchId = '';
  let projectId = '';
  let planted: PlantedPayments;

  beforeAll(async () => {
    app = await startAppUnderTest();
    // Decisions are recorded as the data folder's reviewer.
    await createTestReviewer(app.core);
    const file = path.join(scratch.dir, 'sample.zip');
    const sample = await generateSamplePackage({
      projects: 1,
      invoices: 80,
      seed: 'e2e-verify',
      defects: ['amount-arithmetic', 'buyer-not-applicant', 'third-party-payment'],
    });
    // A payee other than the contractor and one voucher entered twice, beside the third-party payer.
    planted = await plantPaymentDefects(sample.zip, sample.manifest, sample.manifest.projects[0]?.id ?? '', file);
    const summary = await app.core.api.importPackage({ path: file });
    batchId = summary.batch.id;
    projectId = summary.projects[0]?.id ?? '';
  });
  afterAll(async () => {
    await app.close();
    scratch.cleanup();
  });

  it('rejects an invoice by keyboard and shows the verified investment and the award change', async () => {
    const page = app.page;
    const before = await app.core.api.getProjectVerification({ batchId, projectId });
    await page.goto(page.url().replace(/#.*$/, `#/invoices?batch=${encodeURIComponent(batchId)}&project=${encodeURIComponent(projectId)}`));
    const verified = page.getByTestId('verified-investment');
    await verified.waitFor();
    await app.screenshot('verification-start');

    // A clean invoice among the first rows (the table is virtualised: far rows are not in the page).
    const target = before.invoices.filter((i) => i.rowNo <= 8 && i.findings.every((f) => f.severity !== 'error')).sort((a, b) => Number(b.amount) - Number(a.amount))[0];
    if (!target) throw new Error('sample has no clean invoice');
    await page.getByText(target.key, { exact: true }).first().click();
    await page.getByTestId('invoice-panel').filter({ hasText: target.key }).waitFor();
    await page.locator('body').press('r');
    const reason = page.getByTestId('decision-reason');
    await reason.waitFor();
    await reason.fill('现场核查：设备未到货');
    await reason.press('Enter');
    await page
      .getByTestId(`decision-${String(target.rowNo)}`)
      .filter({ hasText: '不予认定' })
      .waitFor();

    const after = await app.core.api.getProjectVerification({ batchId, projectId });
    expect(Number(after.summary.verifiedInvestment)).toBeLessThan(Number(before.summary.verifiedInvestment));
    expect(after.summary.award).not.toBe(before.summary.award);
    const shown = (text: string) => text.replace(/[^\d.]/g, '');
    await expect.poll(async () => shown((await verified.textContent()) ?? '')).toBe(after.summary.verifiedInvestment);
    await expect.poll(async () => shown((await page.getByTestId('award').textContent()) ?? '')).toBe(after.summary.award ?? '');
    await app.screenshot('verification-rejected');
    const decision = after.invoices.find((i) => i.rowNo === target.rowNo)?.decision;
    expect(decision).toMatchObject({ kind: 'reject', reason: '现场核查：设备未到货' });
  });

  it('shows the per-contract reconciliation', async () => {
    await app.page.getByRole('tab', { name: '合同对账' }).click();
    await app.page.getByText('核定投资额计算过程').waitFor();
    await app.page.getByTestId('contract-chart').locator('canvas').waitFor();
    await app.screenshot('verification-contracts');
  });

  it('shows the payment findings in 付款核验, where the invoice keys do nothing', async () => {
    const page = app.page;
    const before = await app.core.api.getProjectVerification({ batchId, projectId });
    const flagged = before.payments.filter((p) => p.findings.length > 0).length;
    expect(flagged).toBeGreaterThanOrEqual(4);
    const tab = page.getByRole('tab', { name: `付款核验（${String(flagged)} 笔有问题）` });
    await tab.focus();
    await tab.press('Enter');
    const table = page.getByTestId('payment-table');
    await table.waitFor();
    await table.getByText('收款方非合同供应商').first().waitFor();
    expect(await table.textContent()).toContain(planted.wrongPayee);
    expect(await table.getByText('重复付款记录').count()).toBe(2);
    expect(await table.getByText('第三方付款').count()).toBeGreaterThanOrEqual(1);
    // Only the flagged rows are listed at first: the reviewer sees the problems, not 300 clean rows.
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(flagged);
    await app.screenshot('verification-payments');

    // A on this tab must not accept the invoice last opened in 逐张核验.
    await page.locator('body').press('a');
    const after = await app.core.api.getProjectVerification({ batchId, projectId });
    expect(after.summary.decided).toBe(before.summary.decided);
  });

  it('shows an attached 数电 XML as the invoice data it holds', async () => {
    const detail = await app.core.api.getProject({ batchId, projectId });
    const xml = detail.attachments.find((a) => a.path.endsWith('.xml'));
    if (!xml) throw new Error('sample has no XML attachment');
    const page = app.page;
    await page.goto(page.url().replace(/#.*$/, `#/projects/${encodeURIComponent(batchId)}/${encodeURIComponent(projectId)}?tab=attachments`));
    await page.getByText(xml.path, { exact: true }).click();
    const data = page.getByTestId('einvoice-data');
    await data.waitFor();
    expect(await data.textContent()).toContain('数电XML');
    await app.screenshot('attachment-einvoice-xml');
  });
});
