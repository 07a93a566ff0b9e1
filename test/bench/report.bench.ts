import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { generateSamplePackage } from '../../electron/cli/sample';
import { createCore } from '../../electron/core/create-core';
import { openReportFonts } from '../../electron/core/fonts/report-fonts';
import { createReviewerIdentity, unlockSigningKey } from '../../electron/core/identity/reviewer-identity';
import { silentLogger } from '../../electron/core/logger';
import type { AcceptanceContent } from '../../electron/core/reports/report-model';
import { bestOf, report } from './measure';

const INVOICES = 2000;
const PASSPHRASE = 'bench passphrase';

/**
 * The signed acceptance report (验收报告 with its 发票核验明细 appendix) of one 2,000-invoice project,
 * against pdfkit writing the same invoice rows bare (same font, one text call per cell, no
 * wrapping, headers, QR codes or signature), in the same run.
 */
export async function benchReport(root: string, work: string): Promise<void> {
  const file = path.join(work, 'report-bench.zip');
  const sample = await generateSamplePackage({
    projects: 1,
    invoices: INVOICES,
    seed: 'report-bench',
    outFile: file,
    defects: ['duplicate-invoice'],
    pdfAttachments: false,
  });
  const core = createCore({ dataDir: path.join(work, 'report-data'), resourcesDir: path.join(root, 'resources'), logger: silentLogger });
  try {
    await core.api.importPackage({ path: file });
    const batchId = sample.manifest.batch.id;
    const projectId = sample.manifest.projects[0]?.id ?? '';
    const key = unlockSigningKey(
      await createReviewerIdentity({ name: '王建国', organization: '厦门大学', field: '机械', role: 'chair', passphrase: PASSPHRASE }),
      PASSPHRASE,
    );
    const content = (await core.reports.content('acceptance', batchId, projectId)) as AcceptanceContent;
    let bytes = 0;
    let pages = 0;
    const signed = await bestOf(3, async () => {
      const made = await core.reports.make({ kind: 'acceptance', batchId, projectId, final: false, key });
      bytes = made.bytes.length;
      pages = (made.bytes.toString('latin1').match(/\/Type \/Page\b/gu) ?? []).length;
    });
    let bareBytes = 0;
    const bare = await bestOf(3, async () => {
      bareBytes = (await bareTable(content)).length;
    });
    fs.rmSync(file, { force: true });
    report('签名的验收报告（2,000 张发票的项目，含发票核验明细）', {
      发票张数: content.invoices.length,
      页数: pages,
      '耗时（秒，要求 ≤ 3）': signed.seconds.toFixed(2),
      '处理器时间（秒）': signed.cpuSeconds.toFixed(2),
      '文件大小（KB，要求 ≤ 1024）': (bytes / 1024).toFixed(0),
      '峰值内存 RSS（MiB）': signed.peakMiB.toFixed(0),
      '基线：pdfkit 直接写同样的表格（秒）': bare.seconds.toFixed(2),
      '基线文件大小（KB）': (bareBytes / 1024).toFixed(0),
      与基线之比: (signed.seconds / bare.seconds).toFixed(1),
    });
  } finally {
    core.close();
  }
}

async function bareTable(content: AcceptanceContent): Promise<Buffer> {
  const fonts = openReportFonts();
  const doc = new PDFDocument({ size: 'A4', margin: 50 });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', resolve));
  doc.font(fonts.regular as unknown as PDFKit.Mixins.PDFFontSource).fontSize(7.5);
  const xs = [50, 75, 170, 215, 285, 340, 410, 455, 497];
  let y = 50;
  for (const line of content.invoices) {
    if (y > 780) {
      doc.addPage();
      y = 50;
    }
    [String(line.no), line.key, line.issuedOn, line.seller, line.amount, line.findings, line.decision, line.reason, line.counted].forEach((cell, i) => {
      doc.text(cell, xs[i] ?? 0, y, { lineBreak: false });
    });
    y += 12;
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
