import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneProjectSpec, writePackageZip } from '../support/package-builder';
import { startAppUnderTest, type AppUnderTest } from './support/app-under-test';

const XIAMEN = '厦门市制造业新型技术改造城市试点专项资金（重点项目奖补）';
const SHENYANG = '沈阳市制造业新型技术改造城市试点专项资金（“点”“线”“面”项目）';

describe('奖补测算 in browser mode at 1366×768', () => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await startAppUnderTest({ viewport: { width: 1366, height: 768 } });
    const file = path.join(app.core.context.dataDir, 'package.zip');
    await writePackageZip(file, oneProjectSpec());
    await app.core.api.importPackage({ path: file });
  });
  afterAll(async () => {
    await app.close();
  });

  it('lists the policies by Chinese name, explains the empty form in plain words and reads 亿 and 万', async () => {
    const page = app.page;
    await page.getByRole('menuitem').filter({ hasText: '政策规则' }).click();
    const names = await page.locator('.ant-list-item-meta-title').allTextContents();
    expect(names.map((n) => n.trim())).toEqual([...names.map((n) => n.trim())].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN')));
    await page.getByText(XIAMEN, { exact: true }).click();
    const empty = (await page.getByTestId('award-error').textContent()) ?? '';
    expect(empty).toContain('1.5亿');
    expect(empty).not.toMatch(/investment|[A-Za-z]{4,}/u);

    await page.getByLabel('核定投资额').fill('1.5亿');
    // 150,000,000.00 × 8% = 12,000,000.00, capped at 10,000,000.00 (000 §五(三)2(1)).
    await page.getByTestId('award-amount').filter({ hasText: '10,000,000.00 元' }).waitFor();
    await page.getByText('即 150,000,000.00 元').waitFor();
    await page.getByTestId('award-trace').getByText('第五条（三）', { exact: false }).first().waitFor();
    expect(await page.getByTestId('award-trace').textContent()).not.toContain('.txt');
    await app.screenshot('award-calculator-xiamen-1366');

    await page.getByLabel('核定投资额').fill('60000万');
    // 600,000,000.00: 16,000,000.00 + 2% × 100,000,000.00 = 18,000,000.00, at the 18,000,000.00 cap.
    await page.getByTestId('award-amount').filter({ hasText: '18,000,000.00 元' }).waitFor();
    await page.getByLabel('核定投资额').fill('abc');
    const error = (await page.getByTestId('award-error').textContent()) ?? '';
    expect(error).toContain('核定投资额');
    expect(error).not.toContain('investment');
  });

  it('keeps the typed amount when another policy is chosen', async () => {
    const page = app.page;
    await page.getByLabel('核定投资额').fill('3000万');
    await page.getByText(SHENYANG, { exact: true }).click();
    expect(await page.getByLabel('技术改造投资').inputValue()).toBe('3000万');
    await page.getByText(XIAMEN, { exact: true }).click();
    expect(await page.getByLabel('核定投资额').inputValue()).toBe('3000万');
  });

  it('brings in an imported project’s verified investment', async () => {
    const page = app.page;
    const verified = (await app.core.api.getProjectVerification({ batchId: 'XM-2026-YS-01', projectId: 'XM2024-001' })).summary.verifiedInvestment;
    await page.getByLabel('选择项目').click();
    await page.locator('.ant-select-item-option').first().click();
    await page.getByRole('button', { name: '带入本项目核定投资额' }).click();
    await page.waitForFunction((expected) => (document.querySelector('input#investment') as HTMLInputElement | null)?.value === expected, verified);
    await app.screenshot('award-calculator-project-1366');
  });

  it('shows the rule set as readable Chinese tables with their sources', async () => {
    await app.page.getByRole('tab', { name: '规则说明' }).click();
    await app.page.getByTestId('rule-set-tables').waitFor();
    await app.page.getByTestId('rule-set-tables').getByText('§五', { exact: false }).first().waitFor();
    await app.screenshot('rule-set-tables-xiamen');
  });
});
