import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { generateSamplePackage } from '../../electron/cli/sample';
import type { ProjectVerification } from '../../shared/api/verification-contract';
import { makeTempDir } from '../support/temp-dir';
import { createTestReviewer } from '../support/reviewer';
import { startAppUnderTest, type AppUnderTest } from './support/app-under-test';

/** Inside the window, horizontally and vertically, with nothing to scroll to. */
async function fullyVisible(page: Page, locator: Locator) {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) return false;
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height;
}

/** 逐张核验 on a 1366×768 laptop: the columns, the keyboard loop and the questions before money moves. */
describe('发票核验 on a 1366×768 laptop', () => {
  let app: AppUnderTest;
  const scratch = makeTempDir();
  let batchId = '';
  let projectId = '';
  const verification = () => app.core.api.getProjectVerification({ batchId, projectId });
  const panelTitle = () => app.page.getByTestId('invoice-panel').locator('.ant-card-head-title');
  const currentRow = async () => Number(/第 (\d+) 行/.exec((await panelTitle().textContent()) ?? '')?.[1]);

  beforeAll(async () => {
    app = await startAppUnderTest({ viewport: { width: 1366, height: 768 } });
    await createTestReviewer(app.core);
    const file = path.join(scratch.dir, 'sample.zip');
    await generateSamplePackage({
      projects: 1,
      invoices: 160,
      seed: 'e2e-laptop',
      defects: ['date-outside-window', 'amount-arithmetic', 'buyer-not-applicant', 'duplicate-invoice'],
      outFile: file,
    });
    const summary = await app.core.api.importPackage({ path: file });
    batchId = summary.batch.id;
    projectId = summary.projects[0]?.id ?? '';
    const page = app.page;
    await page.goto(page.url().replace(/#.*$/, `#/invoices?batch=${encodeURIComponent(batchId)}&project=${encodeURIComponent(projectId)}`));
    await page.getByTestId('verified-investment').waitFor();
  });
  afterAll(async () => {
    await app.close();
    scratch.cleanup();
  });

  it('shows 金额, 核验发现, 认定 and 计入 without scrolling, and no page scrollbar', async () => {
    const page = app.page;
    const header = page.locator('.ant-table-thead');
    for (const title of ['金额（不含税）', '核验发现', '认定', '计入']) {
      const cell = header.locator('th', { hasText: new RegExp(`^${title}$`) }).first();
      expect(await fullyVisible(page, cell), title).toBe(true);
    }
    // The layout fills the window exactly: the content area has nothing to scroll.
    const overflow = await page.evaluate(() => {
      const content = document.querySelector('.ant-layout-content');
      return content ? content.scrollHeight - content.clientHeight : -1;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await app.screenshot('laptop-invoices-1366');
  });

  it('keeps J working after a click on a filter, and follows the cursor down the list', async () => {
    const page = app.page;
    await page.getByTestId('severity-filter').getByText('全部', { exact: true }).click();
    await page.keyboard.press('j');
    await panelTitle().waitFor();
    const first = await currentRow();
    for (let i = 0; i < 30; i++) await page.keyboard.press('j');
    await expect.poll(currentRow).toBe(first + 30);
    const marked = page.locator('.invoice-current');
    await expect.poll(() => fullyVisible(page, marked.first())).toBe(true);
    expect(await fullyVisible(page, page.getByTestId('decision-buttons'))).toBe(true);
    // The whole row is marked, from the checkbox to 计入.
    const cells = await marked
      .first()
      .locator('.ant-table-cell')
      .evaluateAll((all) => all.map((c) => getComputedStyle(c).backgroundColor));
    expect(new Set(cells).size).toBe(1);
    expect(cells[0]).toMatch(/^rgba?\(230, 244, 255/);
    await app.screenshot('laptop-invoices-cursor');
  });

  it('moves on after R + Enter and keeps the place in the 待认定 filter', async () => {
    const page = app.page;
    await page.getByTestId('severity-filter').getByText('待认定', { exact: true }).click();
    const before = await verification();
    const undecided = before.invoices.filter((i) => i.decision === null).map((i) => i.rowNo);
    // Deep in the list, as in the reported case (row 69 jumped back to row 7).
    const start = undecided[40] ?? 0;
    await page.keyboard.press('j');
    for (let i = 0; i < 80 && (await currentRow()) !== start; i++) {
      const at = await currentRow();
      await page.keyboard.press(at < start ? 'j' : 'k');
      await expect.poll(currentRow).not.toBe(at);
    }
    expect(await currentRow()).toBe(start);
    await page.keyboard.press('r');
    const reason = page.getByTestId('decision-reason');
    await reason.fill('现场核查：设备未到货');
    await reason.press('Enter');
    const next = undecided.find((r) => r > start);
    await expect.poll(currentRow).toBe(next);
    await expect.poll(async () => (await verification()).invoices.find((i) => i.rowNo === start)?.decision?.kind).toBe('reject');
    await page.keyboard.press('j');
    await expect.poll(currentRow).toBe(undecided.find((r) => r > (next ?? 0)));
  });

  it('asks before A accepts an invoice with an error finding, and says what it does to the money', async () => {
    const page = app.page;
    await page.getByTestId('severity-filter').getByText('错误', { exact: true }).click();
    await page.keyboard.press('j');
    const row = await currentRow();
    const before = await verification();
    const invoice = before.invoices.find((i) => i.rowNo === row);
    expect(invoice?.severity).toBe('error');
    await page.keyboard.press('a');
    const question = page.getByTestId('decision-question');
    await question.waitFor();
    expect(await question.textContent()).toMatch(/有错误发现.*计入金额增加/);
    await app.screenshot('laptop-accept-error-question');
    await page.getByRole('button', { name: /^取\s?消$/ }).click();
    await question.waitFor({ state: 'hidden' });
    expect((await verification()).summary.verifiedInvestment).toBe(before.summary.verifiedInvestment);
    await page.keyboard.press('a');
    await page.getByRole('button', { name: '仍然认定' }).click();
    await expect.poll(async () => (await verification()).invoices.find((i) => i.rowNo === row)?.decision?.kind).toBe('accept');
  });

  it('asks before bulk accept overturns earlier rejections, and clears the selection on a filter change', async () => {
    const page = app.page;
    const before = await verification();
    const rejected = before.invoices.filter((i) => i.decision?.kind === 'reject').length;
    expect(rejected).toBeGreaterThan(0);
    await page.getByTestId('severity-filter').getByText('全部', { exact: true }).click();
    await page.getByRole('button', { name: /^全\s?选$/ }).click();
    const bulk = page.getByRole('button', { name: /^批量认定（\d+）$/ });
    expect(await bulk.textContent()).toContain(String(before.invoices.length));
    await bulk.click();
    const question = page.getByTestId('decision-question');
    await question.waitFor();
    expect(await question.textContent()).toContain(`不予认定 ${String(rejected)} 张`);
    await app.screenshot('laptop-bulk-overturn-question');
    await page.getByRole('button', { name: /^取\s?消$/ }).click();
    await page.getByTestId('severity-filter').getByText('警告', { exact: true }).click();
    await expect.poll(() => bulk.textContent()).toBe('批量认定（0）');
    expect((await verification()).summary.decided).toBe(before.summary.decided);
  });

  it('refuses a bulk rejection without a reason in the field, and confirms with Ctrl+Enter', async () => {
    const page = app.page;
    await page.getByRole('button', { name: /^全\s?选$/ }).click();
    await page.getByRole('button', { name: /^批量不予认定/ }).click();
    const reason = page.getByTestId('bulk-reason');
    await reason.waitFor();
    await expect.poll(() => reason.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByRole('button', { name: /不予认定（Ctrl\+Enter）/ }).click();
    await page.getByTestId('bulk-reason-error').waitFor();
    await reason.fill('购买方不是申报单位');
    const warned = (await verification()).invoices.filter((i) => i.severity === 'warning').length;
    await reason.press('Control+Enter');
    await expect.poll(async () => (await verification()).invoices.filter((i) => i.severity === 'warning' && i.decision?.kind === 'reject').length).toBe(warned);
  });

  it('writes a reduction as 核减 Y 元，认定 X 元 and refuses an amount above the invoice', async () => {
    const page = app.page;
    await page.getByTestId('severity-filter').getByText('无问题', { exact: true }).click();
    await page.keyboard.press('j');
    const row = await currentRow();
    const invoice = (await verification()).invoices.find((i) => i.rowNo === row) as ProjectVerification['invoices'][number];
    await page.keyboard.press('h');
    const amount = page.getByTestId('reduce-amount');
    await amount.fill(String(Number(invoice.amount) + 1000));
    await page.getByTestId('decision-reason').fill('部分设备不属于本项目');
    await page.getByTestId('decision-reason').press('Enter');
    await page.getByText(/认定金额不能超过发票金额/).waitFor();
    await amount.fill('1000.00');
    await page.getByTestId('decision-reason').press('Enter');
    await expect.poll(async () => (await verification()).invoices.find((i) => i.rowNo === row)?.decision?.amount).toBe('1000.00');
    await page.keyboard.press('k');
    await expect.poll(() => page.getByTestId('current-decision').textContent()).toMatch(/核减 [\d,]+\.\d{2} 元，认定 1,000\.00 元/);
    await page.getByTestId('verified-formula').filter({ hasText: '= 已认定' }).waitFor();
    await app.screenshot('laptop-reduced');
  });

  it('lists the keys on ?', async () => {
    await app.page.keyboard.press('?');
    await app.page.locator('.ant-modal-title', { hasText: '按键说明' }).waitFor();
    await app.screenshot('laptop-key-help');
    await app.page.keyboard.press('Escape');
  });
});
