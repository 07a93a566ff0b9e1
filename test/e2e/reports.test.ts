import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSamplePackage } from '../../electron/cli/sample';
import { makeTempDir } from '../support/temp-dir';
import { startAppUnderTest, type AppUnderTest } from './support/app-under-test';

const PASSPHRASE = '组长的签名口令 2026';

describe('报告 in browser mode', () => {
  let app: AppUnderTest;
  const scratch = makeTempDir();

  beforeAll(async () => {
    app = await startAppUnderTest({ viewport: { width: 1366, height: 768 } });
    const file = path.join(scratch.dir, 'sample.zip');
    const sample = await generateSamplePackage({ projects: 1, invoices: 40, seed: 'e2e-reports', pdfAttachments: false });
    fs.writeFileSync(file, sample.zip);
    await app.core.api.importPackage({ path: file });
    await app.core.api.createMyReviewer({ name: '王建国', organization: '厦门大学', field: '机械', role: 'chair', passphrase: PASSPHRASE });
  });
  afterAll(async () => {
    await app.close();
    scratch.cleanup();
  });

  it('previews the acceptance report as a draft and verifies a signed report file dropped on the page', async () => {
    const page = app.page;
    await page.goto(page.url().replace(/#.*$/, '#/reports'));
    await page.getByRole('button', { name: /^预\s*览$/u }).click();
    await page.getByText('这是草稿，尚未完成的事项：').waitFor();
    await page.locator('canvas').first().waitFor({ timeout: 60_000 });
    await app.screenshot('reports-preview');

    const [batch] = await app.core.api.listBatches({});
    const [project] = await app.core.api.listProjects({});
    const signed = await app.core.api.makeReport({ batchId: batch?.id ?? '', projectId: project?.id ?? '', kind: 'acceptance', final: false, passphrase: PASSPHRASE });
    const file = path.join(scratch.dir, 'signed.pdf');
    fs.writeFileSync(file, Buffer.from(signed.base64 ?? '', 'base64'));
    await page.getByTestId('report-verify-drop').locator('input[type=file]').setInputFiles(file);
    await page.getByText('signed.pdf：全部签名有效').waitFor();
    expect(await page.getByRole('cell', { name: '王建国' }).count()).toBe(1);
    await app.screenshot('reports-verified');
  });
});

describe('报告 of a 2,000-invoice project in browser mode', () => {
  let app: AppUnderTest;
  const scratch = makeTempDir();

  beforeAll(async () => {
    app = await startAppUnderTest({ viewport: { width: 1366, height: 768 } });
    const file = path.join(scratch.dir, 'large.zip');
    const sample = await generateSamplePackage({ projects: 1, invoices: 2000, seed: 'e2e-reports-large', pdfAttachments: false });
    fs.writeFileSync(file, sample.zip);
    await app.core.api.importPackage({ path: file });
  }, 300_000);
  afterAll(async () => {
    await app.close();
    scratch.cleanup();
  });

  it('shows what it is doing while the report is made, then the pages drawn so far out of all of them', { timeout: 300_000 }, async () => {
    const page = app.page;
    await page.goto(page.url().replace(/#.*$/, '#/reports'));
    // The stage line shows while the core works; on a fast run it may come and go between two polls,
    // so the page itself records what the line said.
    await page.evaluate(() => {
      const seen: string[] = [];
      Object.assign(window, { reportStagesSeen: seen });
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="report-stage"]')?.textContent ?? '';
        if (text !== '' && !seen.includes(text)) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole('button', { name: /^预\s*览$/u }).click();
    await expect.poll(() => page.evaluate(() => ((window as unknown as { reportStagesSeen: string[] }).reportStagesSeen ?? []).join('\n'))).toContain('正在生成验收报告');
    const progress = page.getByTestId('pdf-progress');
    await progress.getByText(/正在显示第 \d+ 页，共 \d+ 页/u).waitFor({ timeout: 120_000 });
    await app.screenshot('reports-progress');
    const total = Number(/共 (\d+) 页/u.exec((await progress.textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(40);
    await progress.waitFor({ state: 'detached', timeout: 240_000 });
    expect(await page.getByTestId('pdf-pages').locator('canvas').count()).toBe(total);
    expect(await page.getByTestId('report-stage').count()).toBe(0);
  });
});
