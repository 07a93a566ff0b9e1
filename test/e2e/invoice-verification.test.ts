import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSamplePackage } from '../../electron/cli/sample';
import { makeTempDir } from '../support/temp-dir';
import { startAppUnderTest, type AppUnderTest } from './support/app-under-test';

describe('发票核验 in browser mode', () => {
  let app: AppUnderTest;
  const scratch = makeTempDir();
  let batchId = '';
  let projectId = '';

  beforeAll(async () => {
    app = await startAppUnderTest();
    const file = path.join(scratch.dir, 'sample.zip');
    await generateSamplePackage({ projects: 1, invoices: 80, seed: 'e2e-verify', outFile: file, defects: ['amount-arithmetic', 'buyer-not-applicant'] });
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
    await page.getByTestId(`decision-${String(target.rowNo)}`).filter({ hasText: '不予认定' }).waitFor();

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
