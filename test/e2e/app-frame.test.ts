import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppUnderTest, type AppUnderTest } from './support/app-under-test';

const AREAS = [
  ['batches', '评审批次'],
  ['projects', '项目'],
  ['invoices', '发票核验'],
  ['inspection', '现场核查'],
  ['scoring', '评分'],
  ['summary', '汇总'],
  ['reports', '报告'],
  ['policies', '政策规则'],
  ['settings', '设置'],
  ['about', '关于'],
] as const;

describe('application frame in browser mode', () => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await startAppUnderTest();
  });
  afterAll(async () => {
    await app.close();
  });

  // The menu item's accessible name includes its icon's label, so match the visible text instead.
  const menuItem = (title: string) => app.page.locator('.ant-menu-item', { has: app.page.getByText(title, { exact: true }) });
  const waitForTitle = (title: string) =>
    app.page
      .getByTestId('page-title')
      .filter({ hasText: new RegExp(`^${title}$`) })
      .waitFor();

  it('removes the token from the address bar and opens on 评审批次', async () => {
    await app.page.getByTestId('page-title').waitFor();
    expect(app.page.url()).not.toContain('token=');
    expect(await app.page.getByTestId('page-title').textContent()).toBe('评审批次');
  });

  it('navigates every menu entry and shows its Chinese title', async () => {
    for (const [key, title] of AREAS) {
      await menuItem(title).click();
      await app.page.waitForURL(new RegExp(`#/${key}$`));
      await waitForTitle(title);
      await app.screenshot(`frame-${key}`);
    }
  });

  it('reaches the areas by keyboard (Alt+number)', async () => {
    await app.page.keyboard.press('Alt+3');
    await app.page.waitForURL(/#\/invoices$/);
    await waitForTitle('发票核验');
  });

  it('shows version, data folder and schema version on 关于, read through the bridge', async () => {
    await menuItem('关于').click();
    await app.page.getByTestId('schema-version').waitFor();
    const info = await app.core.api.getAppInfo({});
    expect(await app.page.getByTestId('schema-version').textContent()).toBe(String(info.schemaVersion));
    await expect(app.page.getByText(info.dataDir, { exact: true }).count()).resolves.toBe(1);
    await expect(app.page.getByText('浏览器模式（本机服务）').count()).resolves.toBe(1);
    await app.screenshot('about');
  });

  it('creates the reviewer identity in 设置 through the bridge', async () => {
    await menuItem('设置').click();
    const form = app.page.getByTestId('create-reviewer');
    await form.getByLabel('姓名').fill('林工程师');
    await form.getByLabel('工作单位').fill('厦门市工业和信息化局');
    await form.getByLabel('口令', { exact: true }).fill('评审口令-2026');
    await form.getByLabel('再次输入口令').fill('评审口令-2026');
    await form.getByRole('button', { name: '创建评审人身份' }).click();
    await app.page.getByTestId('my-reviewer').getByTestId('fingerprint').waitFor({ timeout: 60_000 });
    expect((await app.core.api.getMyReviewer({})).reviewer?.name).toBe('林工程师');
    await app.page.getByTestId('audit-log').getByText('创建评审人身份').waitFor();
    await app.screenshot('settings');
  });
});
