import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppUnderTest, type AppUnderTest } from './support/app-under-test';

describe('奖补测算 in browser mode', () => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await startAppUnderTest();
  });
  afterAll(async () => {
    await app.close();
  });

  it('updates the award, trace and schedule as the reviewer types', async () => {
    const page = app.page;
    await page.getByRole('menuitem').filter({ hasText: '政策规则' }).click();
    await page.getByText('xiamen-2024', { exact: true }).click();
    await page.getByLabel('认定投资额').fill('150000000.00');
    // 150,000,000.00 × 8% = 12,000,000.00, capped at 10,000,000.00 (000 §五(三)2(1)).
    await page.getByTestId('award-amount').filter({ hasText: '10,000,000.00 元' }).waitFor();
    await page.getByTestId('award-trace').getByText('000_985b87a7ad46cc56.txt', { exact: false }).first().waitFor();
    await app.screenshot('award-calculator-xiamen');

    await page.getByLabel('认定投资额').fill('600000000');
    // 16,000,000.00 + 2% × 100,000,000.00 = 18,000,000.00, at the 18,000,000.00 cap.
    await page.getByTestId('award-amount').filter({ hasText: '18,000,000.00 元' }).waitFor();
    await page.getByLabel('认定投资额').fill('abc');
    await page.getByTestId('award-error').waitFor();
    expect(await page.getByTestId('award-error').textContent()).toContain('认定投资额');
  });

  it('shows the rule set as readable Chinese tables with their sources', async () => {
    await app.page.getByRole('tab', { name: '规则说明' }).click();
    await app.page.getByTestId('rule-set-tables').waitFor();
    await app.page.getByTestId('rule-set-tables').getByText('§五', { exact: false }).first().waitFor();
    await app.screenshot('rule-set-tables-xiamen');
  });
});
