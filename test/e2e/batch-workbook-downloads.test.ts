import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMULA_LIKE_NAMES, buildReviewedPanel, type ReviewedPanel } from '../support/reviewed-panel';
import { makeTempDir } from '../support/temp-dir';
import { startAppUnderTest, type AppUnderTest } from './support/app-under-test';

/** The chair downloads the batch's three workbooks from the 汇总 page in browser mode. */
describe('导出 Excel on the 汇总 page', () => {
  const scratch = makeTempDir();
  let app: AppUnderTest;
  let panel: ReviewedPanel;

  beforeAll(async () => {
    app = await startAppUnderTest({ viewport: { width: 1366, height: 768 } });
    panel = await buildReviewedPanel(scratch.dir, app.core);
  }, 300_000);

  afterAll(async () => {
    await app.close();
    scratch.cleanup();
  });

  it('downloads 评分矩阵, 汇总结果 and 评审结果汇总表 that open as workbooks with the panel’s projects', async () => {
    const { page } = app;
    await page.goto(page.url().replace(/#.*$/u, `#/summary?batch=${encodeURIComponent(panel.batchId)}`));
    // The panel was built through the core after the page opened: open the window afresh, as a chair would.
    await page.reload();
    await page.getByTestId('batch-workbook-exports').waitFor();
    await app.screenshot('summary-export-buttons');
    for (const [kind, sheetName] of [
      ['matrix', '评分矩阵'],
      ['consolidated', '汇总结果'],
      ['summary', '评审结果汇总表'],
    ] as const) {
      const download = page.waitForEvent('download');
      await page.getByTestId(`export-${kind}`).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe(`${sheetName}-${panel.batchId}.xlsx`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile((await file.path()) ?? '');
      const sheet = workbook.getWorksheet(sheetName);
      const values: unknown[] = [];
      sheet?.eachRow((row) => row.eachCell((cell) => void values.push(cell.value)));
      for (const projectId of panel.projectIds) expect(values).toContain(projectId);
      expect(values).toContain(FORMULA_LIKE_NAMES[0]);
    }
  });
});
