import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSamplePackage } from '../../electron/cli/sample';
import { makeTempDir } from '../support/temp-dir';
import { createTestReviewer } from '../support/reviewer';
import { startAppUnderTest, type AppUnderTest } from './support/app-under-test';

const PAGES = ['batches', 'projects', 'invoices', 'inspection', 'scoring', 'summary', 'reports', 'policies', 'settings', 'about'] as const;
/** Words a Chinese reviewer reads as such: file formats, and the names printed on the keys to press. */
const ALLOWED_WORDS = new Set(['PDF', 'OFD', 'XML', 'Excel', 'ZIP', 'zip', 'xlsx', 'CSV', 'csv', 'Enter', 'Tab', 'Ctrl', 'Esc', 'Shift']);

/** What a reviewer must never read: ids, hashes, the policy files' stored names, English words. */
function developerWords(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}|[0-9a-f]{32,}/giu)) found.push(m[0]);
  for (const m of text.matchAll(/\d{3}_[0-9a-f]{16}\.txt|[a-z]+-20\d\d\b/gu)) found.push(m[0]);
  // Letters next to digits are the bureau's numbers (XM2024-001, HT-2025-0007); standalone words are English.
  // Paths the user chose (设置, 关于) and the certificate fingerprint read out to the chair (16 groups of four) are meant to be read.
  for (const m of text.matchAll(/(?<![A-Za-z0-9/._\\-])[A-Za-z]{2,}(?![A-Za-z0-9/._\\-])/gu)) if (!ALLOWED_WORDS.has(m[0]) && !/^[A-F]{4}$/u.test(m[0])) found.push(m[0]);
  return found;
}

describe('a reviewer’s words on every page, and a re-import that removes projects', () => {
  let app: AppUnderTest;
  const scratch = makeTempDir();
  const full = path.join(scratch.dir, '材料包-完整.zip');
  const smaller = path.join(scratch.dir, '材料包-新版.zip');

  beforeAll(async () => {
    app = await startAppUnderTest({ viewport: { width: 1366, height: 768 } });
    await createTestReviewer(app.core);
    await generateSamplePackage({ projects: 3, invoices: 40, seed: 'words', batchId: 'XM-WORDS', outFile: full, defects: ['date-outside-window'] });
    await generateSamplePackage({ projects: 1, invoices: 40, seed: 'words', batchId: 'XM-WORDS', outFile: smaller });
    await app.core.api.importPackage({ path: full });
  });
  afterAll(async () => {
    await app.close();
    scratch.cleanup();
  });

  it('asks before a re-import removes projects, naming them, and imports after the confirmation', async () => {
    const page = app.page;
    const before = await app.core.api.listProjects({});
    await page.goto(page.url().replace(/#.*$/, '#/batches'));
    await page.locator('input[type=file]').setInputFiles(smaller);
    const question = page.getByTestId('import-removes-projects');
    await question.waitFor();
    const kept = (await app.core.api.listProjects({})).map((p) => p.id);
    expect(kept).toEqual(before.map((p) => p.id));
    expect(await question.textContent()).toContain('材料包-新版.zip');
    for (const removed of before.slice(1)) expect(await question.textContent()).toContain(removed.id);
    await app.screenshot('reimport-removes-projects');
    await question.getByRole('button', { name: '确认替换并导入' }).click();
    await page.getByTestId('import-done').waitFor();
    expect(await app.core.api.listProjects({})).toHaveLength(1);
  });

  it('leaves a day of work to show: decisions, a declaration, a score', async () => {
    // The pages below are looked at with what a reviewer leaves behind, so the 操作记录, the cards and
    // the scoring column carry text and figures, not only empty states.
    const api = app.core.api;
    const [project] = await api.listProjects({});
    if (!project) throw new Error('no project');
    const ref = { batchId: project.batchId, projectId: project.id };
    const invoices = (await api.getProjectVerification(ref)).invoices;
    const [first, second, third] = invoices;
    if (!first || !second || !third) throw new Error('too few invoices');
    await api.decideInvoices({ ...ref, rowNos: [first.rowNo], kind: 'accept' });
    await api.decideInvoices({ ...ref, rowNos: [second.rowNo], kind: 'reduce', amount: '1000.00', reason: '含不属于技改设备的运费' });
    await api.decideInvoices({ ...ref, rowNos: [third.rowNo], kind: 'reject', reason: '开票日期超出认定期间' });
    await api.setRecusal({ ...ref, recusal: null });
    const sheet = await api.getScoringSheet(ref);
    const item = sheet.rubric.items[0];
    if (item) await api.saveItemScore({ ...ref, itemId: item.id, score: '1' });
    const log = await api.listAuditLog({ limit: 20 });
    expect(log.map((entry) => entry.actionCode)).toEqual(expect.arrayContaining(['invoice-accept', 'invoice-reduce', 'invoice-reject', 'recusal-withdraw']));
  });

  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    it(`shows no ids, file names or English on any page at ${String(viewport.width)}×${String(viewport.height)}`, async () => {
      const page = app.page;
      await page.setViewportSize(viewport);
      const found: string[] = [];
      for (const area of PAGES) {
        await page.goto(page.url().replace(/#.*$/, `#/${area}`));
        await page.getByTestId('page-title').waitFor();
        await page.waitForLoadState('networkidle');
        await page
          .locator('.ant-spin-spinning')
          .first()
          .waitFor({ state: 'detached' })
          .catch(() => undefined);
        await app.screenshot(`page-${area}-${String(viewport.width)}`);
        if (area === 'settings') {
          // The 操作记录 sits below the fold: each entry a sentence, the reduction with both amounts.
          const log = page.getByTestId('audit-log');
          await log.scrollIntoViewIfNeeded();
          await log.getByText('认定 1,000.00 元，理由：含不属于技改设备的运费').waitFor();
          await app.screenshot(`page-settings-audit-${String(viewport.width)}`);
        }
        const text = await page.locator('body').innerText();
        found.push(...developerWords(text).map((w) => `${area}: ${w}`));
      }
      expect(found).toEqual([]);
    });
  }
});
