import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSamplePackage } from '../../electron/cli/sample';
import { makeTempDir } from '../support/temp-dir';
import { startAppUnderTest, type AppUnderTest } from './support/app-under-test';

/** The attachment viewer at the laptop size reviewers use (issue 15 item 7, issue 12 items 9–10). */
describe('attachment viewer at 1366×768', () => {
  let app: AppUnderTest;
  const scratch = makeTempDir();
  let batchId = '';
  let projectId = '';

  beforeAll(async () => {
    app = await startAppUnderTest({ viewport: { width: 1366, height: 768 } });
    const file = path.join(scratch.dir, 'sample.zip');
    const sample = await generateSamplePackage({ projects: 1, invoices: 40, seed: 'e2e-attachments' });
    fs.writeFileSync(file, sample.zip);
    const summary = await app.core.api.importPackage({ path: file });
    batchId = summary.batch.id;
    projectId = summary.projects[0]?.id ?? '';
  });
  afterAll(async () => {
    await app.close();
    scratch.cleanup();
  });

  /** The 发票 tab filtered to one invoice (the table is virtualised: far rows are not in the page). */
  async function openInvoicesTab(key: string) {
    const page = app.page;
    await page.goto(page.url().replace(/#.*$/, `#/projects/${encodeURIComponent(batchId)}/${encodeURIComponent(projectId)}?tab=invoices`));
    await page.getByTestId('invoice-count').waitFor();
    await page.getByPlaceholder('按号码、销售方、项目名称或合同编号查找').fill(key);
    await page.getByTestId('invoice-count').filter({ hasText: '共 1 张' }).waitFor();
    return page;
  }

  it('opens an attachment from its name in the 发票 tab and shows line items and the match with the row', async () => {
    const invoices = await app.core.api.listInvoices({ batchId, projectId });
    const row = invoices.find((i) => i.attachments.some((a) => a.endsWith('.xml')));
    const xml = row?.attachments.find((a) => a.endsWith('.xml'));
    if (!row || !xml) throw new Error('sample has no XML attachment on an invoice row');
    const page = await openInvoicesTab(row.key);
    await page.locator('a', { hasText: xml }).first().click();
    const comparison = page.getByTestId('einvoice-comparison');
    await comparison.waitFor();
    expect(await comparison.textContent()).toContain(`与申报表第 ${String(row.rowNo)} 行比对`);
    expect(await comparison.textContent()).toContain('全部一致');
    const lines = page.getByTestId('einvoice-lines');
    await lines.waitFor();
    expect(await lines.textContent()).toContain(row.itemName);
    await lines.scrollIntoViewIfNeeded();
    await app.screenshot('attachment-viewer-lines-1366');
    await page.keyboard.press('Escape');
  });

  it('reads a 数电 PDF invoice, matches it with its row, and fits the landscape page to the viewer', async () => {
    const invoices = await app.core.api.listInvoices({ batchId, projectId });
    const row = invoices.find((i) => i.attachments.some((a) => a.endsWith('.pdf')));
    const pdf = row?.attachments.find((a) => a.endsWith('.pdf'));
    if (!row || !pdf) throw new Error('sample has no PDF attachment on an invoice row');
    const page = await openInvoicesTab(row.key);
    await page.locator('a', { hasText: pdf }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('einvoice-comparison').waitFor();
    expect(await dialog.getByTestId('einvoice-comparison').textContent()).toContain('全部一致');
    const canvas = dialog.locator('[data-testid="pdf-pages"] canvas').first();
    await canvas.waitFor();
    await expect.poll(async () => (await dialog.getByTestId('pdf-zoom').textContent()) ?? '', { timeout: 30_000 }).not.toBe('100%');
    const pages = await dialog.getByTestId('pdf-pages').boundingBox();
    const drawn = await canvas.boundingBox();
    // Fitted: the landscape page is as wide as the viewer, never cut.
    expect(drawn && pages && drawn.width <= pages.width && drawn.width > pages.width - 20).toBe(true);
    await canvas.scrollIntoViewIfNeeded();
    await app.screenshot('attachment-viewer-pdf-fitted-1366');
    const fitted = drawn?.width ?? 0;
    await dialog.getByRole('button', { name: /放\s*大/u }).click();
    await expect.poll(async () => (await dialog.getByTestId('pdf-zoom').textContent()) ?? '', { timeout: 30_000 }).toBe('200%');
    await app.screenshot('attachment-viewer-pdf-zoomed-1366');
    await expect.poll(async () => (await canvas.boundingBox())?.width ?? 0, { timeout: 30_000 }).toBeGreaterThan(fitted);
    await dialog.getByRole('button', { name: '适合宽度' }).click();
    await expect.poll(async () => Math.round((await canvas.boundingBox())?.width ?? 0), { timeout: 30_000 }).toBe(Math.round(fitted));
  });
});
