import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSamplePackage } from '../../electron/cli/sample';
import { makeTempDir } from '../support/temp-dir';
import { createTestReviewer } from '../support/reviewer';
import { startAppUnderTest, type AppUnderTest } from './support/app-under-test';

/** 更正 from the invoice side panel: a statutory finding (000 §五(二)) refuses 认定; a correction with the page clears it. */
describe('更正 in browser mode', () => {
  let app: AppUnderTest;
  const scratch = makeTempDir();
  let batchId = '';
  let projectId = '';

  beforeAll(async () => {
    app = await startAppUnderTest();
    await createTestReviewer(app.core);
    const file = path.join(scratch.dir, 'sample.zip');
    await generateSamplePackage({ projects: 1, invoices: 12, seed: 'e2e-correct', defects: ['date-outside-window'], outFile: file });
    const summary = await app.core.api.importPackage({ path: file });
    batchId = summary.batch.id;
    projectId = summary.projects[0]?.id ?? '';
  });
  afterAll(async () => {
    await app.close();
    scratch.cleanup();
  });

  it('disables 认定 on an invoice outside the period, and a correction with the attachment page re-runs the checks', async () => {
    const page = app.page;
    const before = await app.core.api.getProjectVerification({ batchId, projectId });
    const target = before.invoices.find((i) => i.findings.some((f) => f.code === 'DATE_OUTSIDE_WINDOW' && f.statutory !== undefined));
    if (!target) throw new Error('sample has no invoice outside the period');
    await page.goto(page.url().replace(/#.*$/, `#/invoices?batch=${encodeURIComponent(batchId)}&project=${encodeURIComponent(projectId)}`));
    await page.getByTestId('verified-investment').waitFor();
    await page.getByText(target.key, { exact: true }).first().click();
    const panel = page.getByTestId('invoice-panel').filter({ hasText: target.key });
    await panel.waitFor();
    await panel.getByText('依政策规定不得认定，评审决定不能改变').waitFor();
    expect(await panel.getByRole('button', { name: '认定 A' }).isDisabled()).toBe(true);
    await app.screenshot('correction-statutory');

    await panel.getByTestId('open-correction').click();
    await page.getByTestId('correction-value').fill('2024-01-03');
    await page.getByTestId('correction-reason').fill('附件发票开票日期为 2024-01-03，申报表误填');
    await app.screenshot('correction-dialog');
    await page.getByTestId('save-correction').click();
    await panel.getByText('已登记的更正').waitFor();
    await panel.getByText(`「${target.issuedOn}」→「2024-01-03」`, { exact: false }).waitFor();
    expect(await panel.getByText('依政策规定不得认定，评审决定不能改变').count()).toBe(0);
    expect(await panel.getByRole('button', { name: '认定 A' }).isDisabled()).toBe(false);
    await app.screenshot('correction-recorded');

    const after = await app.core.api.getProjectVerification({ batchId, projectId });
    expect(after.corrections).toEqual([expect.objectContaining({ rowNo: target.rowNo, fieldLabel: '开票日期', oldValue: target.issuedOn, newValue: '2024-01-03' })]);
    expect(after.invoices.find((i) => i.rowNo === target.rowNo)?.findings.some((f) => f.code === 'DATE_OUTSIDE_WINDOW')).toBe(false);
  });
});
