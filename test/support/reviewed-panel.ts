import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { generateSamplePackage } from '../../electron/cli/sample';
import { createCore, type Core } from '../../electron/core/create-core';
import { silentLogger } from '../../electron/core/logger';
import { writePackageZip } from './package-builder';
import { createTestReviewer, TEST_PASSPHRASE } from './reviewer';
import { RESOURCES_DIR } from './temp-dir';
import { xlsxParts } from './xlsx-surgery';

/** Project names a package could carry that a spreadsheet would read as formulas if written carelessly. */
export const FORMULA_LIKE_NAMES = ['=1+2', '+86 数字化车间改造', '-5 号产线技术改造', '@SUM(A1) 智能仓储'] as const;

export const EXPERTS = ['王立', '李静', '赵国强'] as const;
/** 李静 declares a family conflict on the third project. */
export const RECUSED_EXPERT = '李静';
export const RECUSED_PROJECT_INDEX = 2;
/** 赵国强 scores the first project far below the others: a flagged divergence. */
export const DIVERGENT_EXPERT = '赵国强';

export interface ReviewedPanel {
  chair: Core;
  /** The chair's data folder, for the command line. */
  chairDataDir: string;
  batchId: string;
  /** Project ids in the batch's order (by id). */
  projectIds: string[];
  close(): void;
}

/** Rewrites 项目名称 in a project's 申报表.xlsx, as a bureau's tool would have written it. */
async function renameProject(workbookBytes: Buffer, name: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(workbookBytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('项目信息');
  sheet?.eachRow((row) => {
    if (row.getCell(1).value === '项目名称') row.getCell(2).value = name;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A five-project package whose first four projects carry formula-like names. */
async function panelPackage(dir: string): Promise<string> {
  const sample = await generateSamplePackage({ projects: 5, invoices: 40, seed: 'reviewed-panel', stage: 'acceptance', policy: 'xiamen-2024', pdfAttachments: false });
  const parts = await xlsxParts(sample.zip);
  parts.delete('manifest.json');
  const projects = [...sample.manifest.projects].sort((a, b) => a.id.localeCompare(b.id));
  for (const [i, name] of FORMULA_LIKE_NAMES.entries()) {
    const workbook = projects[i]?.workbook ?? '';
    parts.set(workbook, await renameProject(parts.get(workbook) ?? Buffer.alloc(0), name));
  }
  const file = path.join(dir, 'panel-package.zip');
  await writePackageZip(file, { batch: sample.manifest.batch, files: Object.fromEntries(parts), projects: sample.manifest.projects });
  return file;
}

function openCore(dir: string, name: string): Core {
  return createCore({ dataDir: path.join(dir, name), resourcesDir: RESOURCES_DIR, logger: silentLogger, now: () => new Date('2026-11-22T09:00:00Z') });
}

/** Half points below the maximum, different per expert, project and item; the divergent expert scores half. */
function scoreOf(max: string, expert: number, project: number, item: number): string {
  const top = Number(max);
  if (EXPERTS[expert] === DIVERGENT_EXPERT && project === 0) return String(Math.floor(top) / 2);
  return String(top - ((expert + 2 * project + item) % 5) * 0.5 - expert);
}

/**
 * A realistic panel, as the review loop makes it: three experts score the five projects of one
 * package on their own computers (one recused from a project), export signed expert files, and the
 * chair confirms their fingerprints and merges them, saves one panel opinion and picks the median.
 * `close` closes the chair's core, also one that was given.
 */
export async function buildReviewedPanel(dir: string, chairCore?: Core): Promise<ReviewedPanel> {
  const zip = await panelPackage(dir);
  // The chair's core may be given: the one behind a page under test.
  const chair = chairCore ?? openCore(dir, 'chair');
  await chair.api.importPackage({ path: zip });
  await createTestReviewer(chair, '陈组长', 'chair');
  const batchId = (await chair.api.listBatches({}))[0]?.id ?? '';
  const projectIds = (await chair.api.listProjects({ batchId })).map((p) => p.id).sort();

  for (const [e, name] of EXPERTS.entries()) {
    const core = openCore(dir, `expert-${String(e)}`);
    try {
      await core.api.importPackage({ path: zip });
      const me = await createTestReviewer(core, name);
      const rubric = await core.api.getBatchRubric({ batchId });
      for (const [p, projectId] of projectIds.entries()) {
        if (name === RECUSED_EXPERT && p === RECUSED_PROJECT_INDEX) {
          await core.api.setRecusal({ batchId, projectId, recusal: { kind: 'family', note: '申报单位负责人为本人亲属' } });
          continue;
        }
        await core.api.setRecusal({ batchId, projectId, recusal: null });
        for (const [i, item] of rubric.items.entries()) {
          await core.api.saveItemScore({ batchId, projectId, itemId: item.id, score: scoreOf(item.max, e, p, i), comment: `${item.title}：${name}的评语。` });
        }
        await core.api.saveVerdict({ batchId, projectId, verdict: p === 0 && name === DIVERGENT_EXPERT ? 'fail' : 'pass', opinion: `${name}认为项目按计划完成。` });
      }
      const exported = await core.api.exportExpertFile({ batchId, passphrase: TEST_PASSPHRASE });
      const file = path.join(dir, exported.fileName);
      fs.writeFileSync(file, Buffer.from(exported.base64 ?? '', 'base64'));
      await chair.api.trustSigner({ fingerprint: me.fingerprint, name, method: 'in-person' });
      const preview = await chair.api.previewExpertFileImport({ path: file });
      if (!preview.accepted) throw new Error(preview.message);
      await chair.api.applyExpertFileImport({ importId: preview.importId });
    } finally {
      core.close();
    }
  }
  await chair.api.savePanelOpinion({ batchId, projectId: projectIds[1] ?? '', verdict: 'pass', opinion: '专家组一致同意通过验收。' });
  await chair.api.setConsolidationMethod({ batchId, method: 'median', divergencePoints: '15' });
  return { chair, chairDataDir: chair.context.dataDir, batchId, projectIds, close: () => chair.close() };
}
