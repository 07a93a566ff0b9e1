import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSamplePackage } from '../../electron/cli/sample';
import { makeTempDir } from '../support/temp-dir';
import { launchBrowser, startAppUnderTest, type AppUnderTest } from './support/app-under-test';

/**
 * The whole panel loop in browser mode, each reviewer on their own data folder: two experts score
 * in the page, expert A exports by download, the chair imports both files, confirms A's
 * fingerprint, approves the change lists and reads the consolidation. A second chair's folder
 * shows the rubric adjustment before scoring (an adjusted rubric is that panel's rubric, so the
 * experts of this loop, scoring the default, are not mixed with it).
 */
const VIEWPORT = { width: 1366, height: 768 };
const PASSPHRASE = '评审口令-2026-secure';

describe('评分、专家评审文件与汇总 in browser mode', () => {
  const scratch = makeTempDir();
  let browser: Browser;
  let expertA: AppUnderTest;
  let expertB: AppUnderTest;
  let chair: AppUnderTest;
  let otherChair: AppUnderTest;
  let batchId = '';
  let projects: { id: string; name: string }[] = [];
  const files: Record<string, string> = {};

  const open = async (app: AppUnderTest, route: string) => {
    await app.page.goto(app.page.url().replace(/#.*$/u, `#${route}`));
  };
  const shot = async (app: AppUnderTest, name: string) => app.screenshot(`panel-${name}`);

  beforeAll(async () => {
    browser = await launchBrowser();
    expertA = await startAppUnderTest({ browser, viewport: VIEWPORT });
    expertB = await startAppUnderTest({ browser, viewport: VIEWPORT });
    chair = await startAppUnderTest({ browser, viewport: VIEWPORT });
    otherChair = await startAppUnderTest({ browser, viewport: VIEWPORT });
    const zip = path.join(scratch.dir, 'sample.zip');
    const sample = await generateSamplePackage({ projects: 3, invoices: 12, seed: 'e2e-panel' });
    fs.writeFileSync(zip, sample.zip);
    for (const app of [expertA, expertB, chair, otherChair]) {
      const summary = await app.core.api.importPackage({ path: zip });
      batchId = summary.batch.id;
    }
    projects = (await chair.core.api.listProjects({ batchId })).map((p) => ({ id: p.id, name: p.name }));
    await expertB.core.api.createMyReviewer({ name: '李秀英', organization: '集美大学', field: '工业软件', role: 'expert', passphrase: PASSPHRASE });
    await chair.core.api.createMyReviewer({ name: '陈志明', organization: '厦门市工业和信息化局', field: '技术改造', role: 'chair', passphrase: PASSPHRASE });
    await otherChair.core.api.createMyReviewer({ name: '周海燕', organization: '厦门市工业和信息化局', field: '技术改造', role: 'chair', passphrase: PASSPHRASE });
    // Their pages were opened before these identities existed (made here through the API, not the form).
    for (const app of [expertB, chair, otherChair]) await app.page.reload();
  }, 180_000);

  afterAll(async () => {
    for (const app of [expertA, expertB, chair, otherChair]) await app.close();
    await browser.close();
    scratch.cleanup();
  });

  it('asks for the reviewer identity first and creates it with a visible fingerprint', async () => {
    // First use: every page leads to the identity form, and 评分 never claims there is nothing to score.
    await open(expertA, '/projects');
    await expertA.page.getByTestId('first-run-prompt').waitFor();
    await shot(expertA, '00-first-run-prompt');
    await expertA.page.getByRole('button', { name: '填写评审人身份' }).click();
    await expertA.page.getByTestId('create-reviewer').waitFor();
    await open(expertA, '/scoring');
    await expertA.page.getByTestId('reviewer-required').waitFor();
    await shot(expertA, '01-identity-required');
    await expertA.page.getByRole('button', { name: '去创建' }).click();
    const form = expertA.page.getByTestId('create-reviewer');
    await form.getByLabel('姓名').fill('王建国');
    await form.getByLabel('工作单位').fill('厦门理工学院');
    await form.getByLabel('专业领域').fill('智能制造');
    await form.getByLabel('口令', { exact: true }).fill(PASSPHRASE);
    await form.getByLabel('再次输入口令').fill(PASSPHRASE);
    await expect.poll(() => form.getByTestId('passphrase-strength').textContent()).toBe('强');
    await shot(expertA, '02-identity-form');
    await form.getByRole('button', { name: '创建评审人身份' }).click();
    const fingerprint = expertA.page.getByTestId('my-reviewer').getByTestId('fingerprint');
    await fingerprint.waitFor({ timeout: 60_000 });
    const mine = await expertA.core.api.getMyReviewer({});
    expect((await fingerprint.textContent())?.replace(/\s/gu, '')).toBe(mine.reviewer?.fingerprint.replace(/\s/gu, '').toUpperCase());
    expect((await fingerprint.textContent())?.match(/[0-9A-F]{4}/gu)).toHaveLength(16);
    await shot(expertA, '03-identity-created');
    expect(await expertA.page.getByTestId('first-run-prompt').count()).toBe(0);
  }, 120_000);

  it('expert A declares no conflict and scores by keyboard with autosave, the comment asked for at full marks', async () => {
    const page = expertA.page;
    const rubric = await expertA.core.api.getBatchRubric({ batchId });
    const first = projects[0] as { id: string; name: string };
    await open(expertA, `/scoring?batch=${encodeURIComponent(batchId)}&project=${encodeURIComponent(first.id)}`);
    await page.getByTestId('recusal-form').waitFor();
    await shot(expertA, '04-recusal');
    await page.getByRole('button', { name: '确认并开始评分' }).click();
    await page.getByTestId('score-sheet').waitFor();
    // The summary cards' titles keep to one line in the side column at 1366 px.
    const titles = page.getByTestId('verification-summary').locator('.ant-statistic-title');
    await titles.first().waitFor();
    for (const title of await titles.all()) {
      const lineHeight = await title.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
      expect((await title.boundingBox())?.height).toBeLessThan(lineHeight * 1.5);
    }

    // 85% of each maximum in half points; the first item at its maximum, which needs a comment.
    const scores = rubric.items.map((item, i) => (i === 0 ? item.max : String(Math.round(Number(item.max) * 0.85 * 2) / 2)));
    const firstInput = page.getByLabel(`${rubric.items[0]?.title ?? ''}得分`);
    await firstInput.focus();
    for (const score of scores) {
      await page.keyboard.type(score);
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => page.getByTestId('comment-1').getAttribute('class')).toContain('status-error');
    await shot(expertA, '05-scoring-comment-required');
    await page.getByTestId('comment-1').fill('建设内容全部实施，产线与设备逐项到位，现场核验一致。');
    // ↑ from the second item's score adds half a point, ↓ takes it back.
    const second = page.getByLabel(`${rubric.items[1]?.title ?? ''}得分`);
    await second.press('ArrowUp');
    await second.press('ArrowDown');
    await page.getByTestId('verdict').getByText('通过', { exact: true }).click();
    await page.getByTestId('opinion').fill('项目按计划完成建设，投资真实，建议通过验收。');
    await page.getByTestId('opinion').blur();
    await expect.poll(() => page.getByTestId('save-state').textContent(), { timeout: 15_000 }).toMatch(/已保存 \d\d:\d\d:\d\d$/u);
    const total = scores.reduce((sum, s) => sum + Number(s), 0);
    expect(await page.getByTestId('live-total').textContent()).toContain(`总分 ${String(total)}`);
    await shot(expertA, '06-scoring-saved');

    const sheet = await expertA.core.api.getScoringSheet({ batchId, projectId: first.id });
    expect(sheet.items.map((i) => i.score)).toEqual(scores);
    expect(sheet.verdict).toBe('pass');
    expect(sheet.items[0]?.comment).toContain('建设内容全部实施');
  }, 60_000);

  it('expert A recuses from the second project, which then shows only the recusal', async () => {
    const page = expertA.page;
    const second = projects[1] as { id: string; name: string };
    await open(expertA, `/scoring?batch=${encodeURIComponent(batchId)}&project=${encodeURIComponent(second.id)}`);
    await page.getByTestId('recusal-form').waitFor();
    await page.getByText('本人与该项目存在利害关系，申请回避').click();
    await page.getByTestId('recusal-kind').click();
    await page.getByTitle('近期合作关系').click();
    await page.getByTestId('recusal-form').getByRole('textbox').fill('2025 年曾为该企业提供技术咨询');
    await page.getByRole('button', { name: '声明回避' }).click();
    await page.getByTestId('recusal-declared').waitFor();
    expect(await page.getByTestId('score-sheet').count()).toBe(0);
    await shot(expertA, '07-recused');
  });

  it('expert A exports the signed expert file as a download', async () => {
    const page = expertA.page;
    await page.getByTestId('export-expert-file').click();
    await page.getByTestId('export-passphrase').fill(PASSPHRASE);
    await shot(expertA, '08-export-passphrase');
    const download = page.waitForEvent('download');
    await page.getByTestId('export-passphrase').press('Enter');
    const file = path.join(scratch.dir, 'expert-a.json');
    await (await download).saveAs(file);
    files.a = file;
    const content = JSON.parse(fs.readFileSync(file, 'utf8')) as { content: { version: number; expert: { name: string } } };
    expect(content.content.expert.name).toBe('王建国');
    expect(content.content.version).toBe(1);
  }, 60_000);

  it('expert B scores every project in the page, far below the panel on the first; the chair scores through the API', async () => {
    const page = expertB.page;
    const rubric = await expertB.core.api.getBatchRubric({ batchId });
    const valueAt = (max: string, share: number) => String(Math.round(Number(max) * share * 2) / 2);
    for (const p of projects) {
      const low = p === projects[0];
      await open(expertB, `/scoring?batch=${encodeURIComponent(batchId)}&project=${encodeURIComponent(p.id)}`);
      await page.getByTestId('recusal-form').waitFor();
      await page.getByRole('button', { name: '确认并开始评分' }).click();
      await page.getByTestId('score-sheet').waitFor();
      await page.getByLabel(`${rubric.items[0]?.title ?? ''}得分`).focus();
      for (const item of rubric.items) {
        await page.keyboard.type(valueAt(item.max, low ? 0.4 : 0.7));
        await page.keyboard.press('Enter');
      }
      if (low) {
        for (let i = 1; i <= rubric.items.length; i++) await page.getByTestId(`comment-${String(i)}`).fill('佐证材料不足，指标未完成。');
      }
      await page
        .getByTestId('verdict')
        .getByText(low ? '不通过' : '通过', { exact: true })
        .click();
      await page.getByTestId('opinion').fill(low ? '投资认定存在疑问，建议不予通过。' : '项目基本完成，建议通过。');
      await page.getByTestId('opinion').blur();
      await expect.poll(() => page.getByTestId('save-state').textContent(), { timeout: 15_000 }).toMatch(/已保存 \d\d:\d\d:\d\d$/u);
      // The sheet's own problems ride along, so a failure says what is missing.
      await expect
        .poll(
          async () => {
            const sheet = await expertB.core.api.getScoringSheet({ batchId, projectId: p.id });
            return { state: sheet.progress.state, problems: sheet.problems.map((problem) => problem.message) };
          },
          { timeout: 15_000 },
        )
        .toEqual({ state: 'complete', problems: [] });
      if (low) await shot(expertB, '08b-expert-b-scoring');
    }
    // The 项目 list shows B's progress per project.
    await open(expertB, '/projects');
    await expect.poll(async () => (await page.locator('.ant-table-tbody').textContent()) ?? '').toContain('已评分');
    await shot(expertB, '08c-projects-progress');

    for (const p of projects) {
      await chair.core.api.setRecusal({ batchId, projectId: p.id, recusal: null });
      for (const item of rubric.items) await chair.core.api.saveItemScore({ batchId, projectId: p.id, itemId: item.id, score: valueAt(item.max, 0.8) });
      await chair.core.api.saveVerdict({ batchId, projectId: p.id, verdict: 'pass', opinion: '项目总体完成，建议通过。' });
    }
    const exported = await expertB.core.api.exportExpertFile({ batchId, passphrase: PASSPHRASE });
    files.b = path.join(scratch.dir, 'expert-b.json');
    fs.writeFileSync(files.b, Buffer.from(exported.base64 ?? '', 'base64'));
  }, 180_000);

  it('the chair is refused an unconfirmed signer, confirms the fingerprint, and approves the change list', async () => {
    const page = chair.page;
    await open(chair, `/summary?batch=${encodeURIComponent(batchId)}`);
    await page.getByTestId('expert-file-import').waitFor();
    await page
      .getByTestId('expert-file-import')
      .locator('input[type=file]')
      .setInputFiles(files.a as string);
    await page.getByTestId('import-refused').waitFor();
    expect(await page.getByTestId('import-refused').textContent()).toContain('尚未经组长确认');
    await shot(chair, '09-import-refused-unconfirmed');

    await page.getByTestId('confirm-signer').click();
    const fingerprint = (await expertA.core.api.getMyReviewer({})).reviewer?.fingerprint ?? '';
    await page.getByTestId('fingerprint-input').fill(fingerprint.toLowerCase());
    await page.getByTestId('fingerprint-match').waitFor();
    await shot(chair, '10-confirm-fingerprint');
    await page.getByRole('button', { name: '确认此证书' }).click();

    const changes = page.getByTestId('change-list');
    await changes.waitFor();
    expect(await changes.textContent()).toContain('王建国');
    expect(await changes.textContent()).toContain('回避声明');
    await shot(chair, '11-change-list');
    await page.getByTestId('approve-import').click();
    await page.getByText('已合并专家「王建国」').waitFor();

    // Expert B's fingerprint confirmed beforehand (as read over the phone): straight to the change list.
    const b = (await expertB.core.api.getMyReviewer({})).reviewer;
    await chair.core.api.trustSigner({ fingerprint: b?.fingerprint ?? '', name: '李秀英', organization: '集美大学', method: 'phone', note: '' });
    await page
      .getByTestId('expert-file-import')
      .locator('input[type=file]')
      .setInputFiles(files.b as string);
    await changes.waitFor();
    await page.getByTestId('approve-import').click();
    await page.getByText('已合并专家「李秀英」').waitFor();
  }, 60_000);

  it('the chair sees the matrix, the methods side by side and the flagged divergence', async () => {
    const page = chair.page;
    const first = projects[0] as { id: string; name: string };
    await open(chair, `/summary?batch=${encodeURIComponent(batchId)}&project=${encodeURIComponent(first.id)}`);
    const matrix = page.getByTestId('score-matrix');
    await matrix.waitFor();
    await expect.poll(async () => (await matrix.textContent()) ?? '').toContain('李秀英');
    expect(await matrix.textContent()).toContain('王建国');
    const divergent = page.getByTestId('divergent-score');
    await divergent.first().waitFor();
    expect(await divergent.first().textContent()).toContain('李秀英');
    expect(await divergent.first().textContent()).toContain('佐证材料不足');
    const ranking = page.getByTestId('ranking');
    for (const title of ['平均分', '截尾均值', '中位数', '极差', '标准化得分']) expect(await ranking.textContent()).toContain(title);
    await page.getByTestId('score-distribution').locator('canvas').waitFor();
    await shot(chair, '12-summary-top');
    await page.getByTestId('project-matrix').scrollIntoViewIfNeeded();
    await shot(chair, '13-summary-matrix');

    // The second project: expert A recused, shown as 回避 and left out.
    const second = projects[1] as { id: string; name: string };
    await page.getByTestId('ranking').getByText(second.name).click();
    await expect.poll(async () => (await matrix.textContent()) ?? '').toContain('回避');
    await page.getByTestId('project-matrix').scrollIntoViewIfNeeded();
    await shot(chair, '14-summary-recused');

    const consolidation = await chair.core.api.getConsolidation({ batchId });
    const row = consolidation.projects.find((p) => p.projectId === first.id);
    expect(row?.divergent.length).toBeGreaterThan(0);
  }, 60_000);

  it('the chair edits the panel opinion (autosaved) and chooses the median as the counting method', async () => {
    const page = chair.page;
    const first = projects[0] as { id: string; name: string };
    await page.getByTestId('ranking').getByText(first.name).click();
    // The selection travels through the address (a router transition): wait for this project's box,
    // not the one still on screen from the project shown before.
    const opinion = page.locator(`[data-testid="panel-opinion"][data-project="${first.id}"]`);
    await opinion.waitFor();
    await opinion.click();
    await page.keyboard.press('End');
    await page.keyboard.type('\n专家组意见：建议通过验收，补充技术指标检测报告。');
    await opinion.blur();
    await expect
      .poll(async () => (await chair.core.api.getPanelOpinion({ batchId, projectId: first.id })).saved?.opinion ?? '', { timeout: 15_000 })
      .toContain('补充技术指标检测报告');

    await page.getByTestId('consolidation-method').click();
    await page.getByTitle('中位数').click();
    await expect.poll(async () => (await chair.core.api.getConsolidation({ batchId })).method).toBe('median');
    await page.getByText('中位数（计分）').waitFor();
    await shot(chair, '15-summary-median');
  }, 60_000);

  it('a chair adjusts the rubric before scoring in 汇总: sum checked live, an item added and one removed, then frozen', async () => {
    const page = otherChair.page;
    const before = await otherChair.core.api.getBatchRubric({ batchId });
    await open(otherChair, `/summary?batch=${encodeURIComponent(batchId)}`);
    await page.getByTestId('rubric-card').waitFor();
    await page.getByRole('button', { name: '调整评分标准' }).click();
    const editors = page.getByTestId('rubric-item-editor');
    await editors.first().waitFor();
    const first = before.items[0];
    const last = before.items.at(-1);
    if (!first || !last) throw new Error('the default rubric has items');
    // Remove the last item: the sum is short and saving is blocked, said in Chinese.
    await editors
      .nth(before.items.length - 1)
      .getByRole('button', { name: '删除评分项' })
      .click();
    const short = String(100 - Number(last.max));
    await expect.poll(() => page.getByTestId('rubric-sum').textContent()).toBe(`满分合计 ${short} / 100 分`);
    await page.getByTestId('rubric-problems').getByText(`各评分项满分之和应为 100 分，现在为 ${short} 分`).waitFor();
    await shot(otherChair, '17-rubric-adjust-sum-wrong');
    // Rename the first item and add a new one with the removed item's points and its evidence.
    await editors.first().getByLabel('评分项名称').fill(`${first.title}（含产线联调）`);
    await page.getByRole('button', { name: '新增评分项' }).click();
    const added = editors.last();
    await added.getByLabel('评分项名称').fill('安全生产与节能');
    await added.getByLabel('满分').fill(last.max);
    await added.getByLabel('评分项说明').fill('项目建设期间安全生产与节能措施落实情况');
    await added.getByLabel('第 1 段上限').fill(last.max);
    await added.getByLabel('第 1 段说明').fill('按落实情况酌情评分');
    await added.getByLabel('佐证材料').fill('安全生产情况说明\n节能评估报告');
    await expect.poll(() => page.getByTestId('rubric-sum').textContent()).toBe('满分合计 100 / 100 分');
    await shot(otherChair, '18-rubric-adjust-ready');
    await page.getByRole('button', { name: `保存为第 ${String(before.version + 1)} 版` }).click();
    await expect.poll(async () => (await otherChair.core.api.getBatchRubric({ batchId })).version).toBe(before.version + 1);
    const adjusted = await otherChair.core.api.getBatchRubric({ batchId });
    expect(adjusted.items.map((i) => [i.title, i.max])).toEqual([
      [`${first.title}（含产线联调）`, first.max],
      ...before.items.slice(1, -1).map((i) => [i.title, i.max]),
      ['安全生产与节能', last.max],
    ]);
    // The first score freezes it: the card says so and offers no adjustment.
    const project = projects[2] as { id: string };
    await otherChair.core.api.setRecusal({ batchId, projectId: project.id, recusal: null });
    await otherChair.core.api.saveItemScore({ batchId, projectId: project.id, itemId: adjusted.items[0]?.id ?? '', score: '10' });
    await page.reload();
    await page.getByTestId('rubric-card').getByText('已开始评分，评分标准已冻结').waitFor();
    expect(await page.getByRole('button', { name: '调整评分标准' }).count()).toBe(0);
    await shot(otherChair, '19-rubric-frozen');
  }, 90_000);

  it("shows in 设置 that the chair's record holds, with the actions in Chinese", async () => {
    const page = chair.page;
    await open(chair, '/settings');
    await page.getByTestId('audit-chain-holds').waitFor();
    await page.getByTestId('audit-log').getByText('合并专家评审文件').first().waitFor();
    await shot(chair, '16-settings-chair');
  });
});
