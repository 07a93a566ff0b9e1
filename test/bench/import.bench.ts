import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createCore } from '../../electron/core/create-core';
import { silentLogger } from '../../electron/core/logger';
import { readPackage } from '../../electron/core/package/container';
import { generateSamplePackage } from '../../electron/cli/sample';
import { measure, report } from './measure';

export const BENCH_PROJECTS = 20;
export const BENCH_INVOICES = 100_000;

/** Generates the benchmark package once: 20 projects, 100,000 invoices, attachments included. */
export async function generateBenchPackage(work: string): Promise<string> {
  const file = path.join(work, 'bench-package.zip');
  const started = process.hrtime.bigint();
  await generateSamplePackage({ projects: BENCH_PROJECTS, invoices: BENCH_INVOICES, seed: 'bench', outFile: file, defects: ['duplicate-invoice'] });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  report('生成基准材料包（jigai sample）', {
    '项目 × 发票': `${String(BENCH_PROJECTS)} × ${String(BENCH_INVOICES)}`,
    '材料包大小（MiB）': (fs.statSync(file).size / 1024 / 1024).toFixed(1),
    '生成耗时（秒）': seconds.toFixed(2),
  });
  return file;
}

/**
 * Importing the package (unzip, hashes, workbook parsing, checks, one transaction) against the bare
 * read of the same workbooks with exceljs alone, measured in the same run.
 */
export async function benchImport(root: string, work: string, packageFile: string): Promise<string> {
  const read = await readPackage(packageFile);
  if (!read.ok) throw new Error(`基准材料包无效：${read.errors.map((e) => e.message).join('；')}`);
  const workbooks = read.manifest.projects.map((p) => read.files.get(p.workbook) as Buffer);
  const bare = await measure(async () => {
    for (const content of workbooks) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(content as unknown as ArrayBuffer);
    }
  });

  const dataDir = path.join(work, 'import-data');
  const core = createCore({ dataDir, resourcesDir: path.join(root, 'resources'), logger: silentLogger });
  let invoices = 0;
  const full = await measure(async () => {
    const summary = await core.api.importPackage({ path: packageFile });
    invoices = summary.projects.reduce((n, p) => n + p.invoices, 0);
  });
  core.close();
  report('导入材料包（jigai import）', {
    发票行数: invoices,
    '导入耗时（秒）': full.seconds.toFixed(2),
    每秒行数: Math.round(invoices / full.seconds),
    '峰值内存 RSS（MiB）': full.peakMiB.toFixed(0),
    '基线：exceljs 读取同样的工作簿（秒）': bare.seconds.toFixed(2),
    '基线峰值内存（MiB）': bare.peakMiB.toFixed(0),
    '与基线之比（要求 ≤ 1.5）': (full.seconds / bare.seconds).toFixed(2),
  });
  return dataDir;
}
