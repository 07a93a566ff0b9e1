import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneProjectSpec, writePackageZip } from '../support/package-builder';
import { startAppUnderTest, type AppUnderTest } from './support/app-under-test';

const BATCH = 'XM-2026-YS-01';
const PROJECT = 'XM2024-001';

describe('资格条件核查 in the project workspace at 1366×768', () => {
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

  it('lists the conditions with their paragraphs, saves a confirmation and an advance', async () => {
    const page = app.page;
    await page.goto(`${page.url().split('#')[0] ?? ''}#/projects/${BATCH}/${PROJECT}?tab=checklist`);
    const table = page.getByTestId('condition-checklist');
    await table.getByText('列入市级新技改重点项目').waitFor();
    expect(await table.textContent()).not.toMatch(/\.txt|key-project|exit-mechanism/u);
    await page.getByLabel('列入市级新技改重点项目的说明').fill('列入2024年重点项目名单第7号');
    await table.getByText('满足', { exact: true }).first().click();
    await table
      .getByRole('button', { name: /保\s*存/u })
      .first()
      .click();
    await table.getByText('已确认').first().waitFor();
    await table.getByPlaceholder('如 300万').first().fill('300万');
    await table
      .getByRole('button', { name: /登\s*记/u })
      .first()
      .click();
    await table.getByText('已登记合计 3,000,000.00 元').waitFor();
    await app.screenshot('condition-checklist-1366');
    const checklist = await app.core.api.getProjectChecklist({ batchId: BATCH, projectId: PROJECT });
    expect(checklist.items.find((i) => i.id === 'key-project')).toMatchObject({ status: 'met', note: '列入2024年重点项目名单第7号' });
    expect(checklist.advances.application).toBe('3000000.00');
  });
});
