import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneProjectSpec, writePackageZip } from '../support/package-builder';
import { makeTempDir } from '../support/temp-dir';
import { startAppUnderTest, type AppUnderTest } from './support/app-under-test';

describe('importing a package in browser mode', () => {
  let app: AppUnderTest;
  const scratch = makeTempDir();
  beforeAll(async () => {
    app = await startAppUnderTest();
  });
  afterAll(async () => {
    await app.close();
    scratch.cleanup();
  });

  it('uploads a package, shows the result and lists the batch', async () => {
    const file = path.join(scratch.dir, '验收材料包.zip');
    await writePackageZip(file, oneProjectSpec());
    await app.page.locator('input[type=file]').setInputFiles(file);
    await app.page.getByTestId('import-done').waitFor();
    await app.page.getByText('已导入「2026年新型技改重点项目竣工验收」：1 个项目，4 张发票').waitFor();
    await app.page.getByRole('link', { name: 'XM-2026-YS-01' }).waitFor();
    await app.screenshot('import-done');
  });

  it('shows every located error of a bad package and imports nothing', async () => {
    const file = path.join(scratch.dir, '有错误的材料包.zip');
    await writePackageZip(file, { ...oneProjectSpec(), batch: { id: 'BAD-01', policy: 'nowhere-2030' }, missing: ['XM2024-001/附件/缺失.pdf'] });
    await app.page.locator('input[type=file]').setInputFiles(file);
    await app.page.getByTestId('import-failed').waitFor();
    await app.page.getByText('XM2024-001/附件/缺失.pdf').first().waitFor();
    await app.screenshot('import-failed');
    expect((await app.core.api.listBatches({})).map((b) => b.id)).toEqual(['XM-2026-YS-01']);
  });

  it('opens the project and its invoices, indicators and PDF attachment', async () => {
    await app.page.getByRole('menuitem').filter({ hasText: '项目' }).first().click();
    await app.page.getByRole('cell', { name: '数控加工智能化改造项目' }).click();
    await app.page.getByTestId('project-title').waitFor();
    await app.page.getByRole('tab', { name: /发票/ }).click();
    await app.page.getByTestId('invoice-count').filter({ hasText: '共 4 张' }).waitFor();
    await app.page.getByText('24352000000012345678').waitFor();
    await app.screenshot('project-invoices');
    await app.page.getByRole('tab', { name: /绩效指标/ }).click();
    await app.page.getByText('4200（未达标）').waitFor();
    await app.page.getByRole('tab', { name: /附件/ }).click();
    await app.page.locator('[data-testid=pdf-pages] canvas').first().waitFor();
    await app.screenshot('project-attachment-pdf');
  });
});
