import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { Jimp } from 'jimp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_BAD_INPUT, EXIT_OK, runCli } from '@cli/run-cli';
import { generateSamplePackage } from '@cli/sample';
import { createCore, type Core } from '@core/create-core';
import { silentLogger } from '@core/logger';
import type { InspectionLine } from '@shared/api/inspection-contract';
import { TEST_PASSPHRASE, createTestReviewer } from '@test/support/reviewer';
import { RESOURCES_DIR, makeTempDir } from '@test/support/temp-dir';

/**
 * 现场核查 carried everywhere: an expert's observations and original photos travel in the signed
 * expert file, the chair sees them in the change list, a changed photo refuses the file, the merged
 * observations are the expert's (named) in the chair's checklist, the acceptance report prints them
 * with the photos, the workbook lists them, and the expert's next file replaces them.
 */
const temp = makeTempDir();
const dir = (name: string) => path.join(temp.dir, name);
let expert: Core;
let batchId = '';
let p1 = '';
let fingerprint = '';
let lines: InspectionLine[] = [];
const photos: { sha256: string; bytes: Buffer }[] = [];

/** A phone-like photo: noise compresses as badly as a real scene does. */
async function photo(seed: number): Promise<Buffer> {
  const image = new Jimp({ width: 1280, height: 960, color: 0x808080ff });
  let state = seed;
  image.scan(0, 0, 1280, 960, (_x, _y, idx) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    image.bitmap.data[idx] = state & 0xff;
    image.bitmap.data[idx + 1] = (state >> 8) & 0xff;
    image.bitmap.data[idx + 2] = (state >> 16) & 0xff;
  });
  return image.getBuffer('image/jpeg', { quality: 85 });
}

async function exportTo(name: string): Promise<string> {
  const exported = await expert.api.exportExpertFile({ batchId, passphrase: TEST_PASSPHRASE });
  const file = dir(name);
  fs.writeFileSync(file, Buffer.from(exported.base64 ?? '', 'base64'));
  return file;
}

async function cliImport(file: string, exit = EXIT_OK) {
  let stdout = '';
  const code = await runCli(['scores', 'import', file, '--trust', fingerprint, '--data', dir('chair'), '--json'], {
    io: { stdout: (t) => (stdout += t), stderr: (t) => (stdout += t) },
    resourcesDir: RESOURCES_DIR,
  });
  expect(code, stdout).toBe(exit);
  return JSON.parse(stdout) as Record<string, unknown>;
}

async function withChair<T>(use: (chair: Core) => Promise<T>): Promise<T> {
  const chair = createCore({ dataDir: dir('chair'), resourcesDir: RESOURCES_DIR, logger: silentLogger });
  try {
    return await use(chair);
  } finally {
    chair.close();
  }
}

beforeAll(async () => {
  const zip = dir('package.zip');
  const sample = await generateSamplePackage({ projects: 2, invoices: 8, seed: 'inspection-carry', outFile: zip, stage: 'acceptance', policy: 'xiamen-2024' });
  batchId = sample.manifest.batch.id;
  [p1] = sample.manifest.projects.map((p) => p.id).sort() as [string];
  expert = createCore({ dataDir: dir('expert'), resourcesDir: RESOURCES_DIR, logger: silentLogger });
  await expert.api.importPackage({ path: zip });
  fingerprint = (await createTestReviewer(expert, '王立')).fingerprint ?? '';
  await withChair(async (chair) => {
    await chair.api.importPackage({ path: zip });
    await createTestReviewer(chair, '陈组长', 'chair');
  });
  lines = (await expert.api.getInspection({ batchId, projectId: p1 })).lines;
  for (const [i, capturedAt] of ['2026-11-26T10:31:05', '2026-11-26T10:33:40'].entries()) {
    const bytes = await photo(i + 1);
    const added = await expert.api.addInspectionPhoto({ batchId, projectId: p1, fileName: `现场-${String(i + 1)}.jpg`, base64: bytes.toString('base64'), capturedAt });
    photos.push({ sha256: added.sha256, bytes });
  }
}, 180_000);

afterAll(() => {
  expert.close();
  temp.cleanup();
});

describe('现场核查 in the expert file, at the chair’s, in the report and the workbook', { timeout: 120_000 }, () => {
  it('travels signed with the original photos, is listed for approval, and a changed photo refuses the file', async () => {
    const [line] = lines as [InspectionLine];
    await expert.api.recordLineObservation({
      batchId,
      projectId: p1,
      lineId: line.id,
      status: 'not-found',
      quantitySeen: '0',
      note: '车间内未见该设备，企业称已移至二期厂房',
      photos: photos.map((p) => p.sha256),
    });
    const file = await exportTo('v1.json');
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('"formatVersion": 2');
    const parsed = JSON.parse(text) as { photos: { sha256: string; base64: string }[] };
    expect(parsed.photos.map((p) => p.sha256)).toEqual(photos.map((p) => p.sha256));
    expect(parsed.photos.every((p, i) => Buffer.from(p.base64, 'base64').equals(photos[i]?.bytes as Buffer))).toBe(true);
    console.info(
      `expert file with ${String(photos.length)} photos (${photos.map((p) => `${String(Math.round(p.bytes.length / 1024))} KB`).join(' + ')}): ${String(Math.round(text.length / 1024))} KB`,
    );

    await withChair(async (chair) => {
      await chair.api.trustSigner({ fingerprint, name: '王立', method: 'phone' });
      const preview = await chair.api.previewExpertFileImport({ path: file });
      if (!preview.accepted) throw new Error(preview.message);
      const change = preview.projects.find((p) => p.projectId === p1)?.changes.find((c) => c.kind === 'inspection-line');
      expect(change).toEqual({
        kind: 'inspection-line',
        itemId: line.id,
        what: `现场核查：${line.name}${line.model ? `（${line.model}）` : ''}`,
        old: null,
        new: '未见；清点 0；车间内未见该设备，企业称已移至二期厂房；照片 2 张',
      });
      await chair.api.discardExpertFileImport({ importId: preview.importId });
    });

    const bytes = Buffer.from(parsed.photos[1]?.base64 ?? '', 'base64');
    bytes[5000] = (bytes[5000] ?? 0) ^ 0x01;
    const tampered = { ...parsed, photos: [parsed.photos[0], { ...parsed.photos[1], base64: bytes.toString('base64') }] };
    fs.writeFileSync(dir('tampered.json'), JSON.stringify(tampered));
    const refused = await cliImport(dir('tampered.json'), EXIT_BAD_INPUT);
    expect(refused).toMatchObject({
      error: { code: 'SIGNATURE_INVALID', message: expect.stringContaining('现场照片「现场-2.jpg」与专家「王立」签名时登记的校验值不符') },
    });
    await withChair(async (chair) => {
      const inspection = await chair.api.getInspection({ batchId, projectId: p1 });
      expect(inspection.lines.flatMap((l) => l.observations)).toEqual([]);
    });
  });

  it('is merged as the expert’s own, named, with the photos stored unaltered', async () => {
    expect(await cliImport(dir('v1.json'))).toMatchObject({ expertName: '王立', version: 1 });
    await withChair(async (chair) => {
      const inspection = await chair.api.getInspection({ batchId, projectId: p1 });
      const line = inspection.lines.find((l) => l.id === lines[0]?.id);
      expect(line?.mine).toBeNull();
      expect(line?.observations).toEqual([
        expect.objectContaining({ reviewerName: '王立', status: 'not-found', quantitySeen: '0', note: '车间内未见该设备，企业称已移至二期厂房' }),
      ]);
      expect(line?.observations[0]?.photos.map((p) => [p.sha256, p.takenAt])).toEqual([
        [photos[0]?.sha256, '2026-11-26T10:31:05'],
        [photos[1]?.sha256, '2026-11-26T10:33:40'],
      ]);
      const original = await chair.api.getInspectionPhoto({ sha256: photos[0]?.sha256 ?? '', size: 'original' });
      expect(Buffer.from(original.base64, 'base64').equals(photos[0]?.bytes as Buffer)).toBe(true);
      const thumbnail = await chair.api.getInspectionPhoto({ sha256: photos[0]?.sha256 ?? '', size: 'thumbnail' });
      expect(thumbnail.mime).toBe('image/jpeg');
    });
  });

  it('is printed in the signed acceptance report with the thumbnails, and listed in the workbook', async () => {
    await withChair(async (chair) => {
      const started = Date.now();
      const made = await chair.api.makeReport({ batchId, projectId: p1, kind: 'acceptance', final: false, passphrase: TEST_PASSPHRASE });
      const file = dir('acceptance.pdf');
      const pdf = Buffer.from(made.base64 ?? '', 'base64');
      fs.writeFileSync(file, pdf);
      if (process.env.KEEP_REPORT) fs.copyFileSync(file, process.env.KEEP_REPORT);
      console.info(`signed acceptance report with 现场核查记录: ${String(Math.round(pdf.length / 1024))} KB in ${String(Date.now() - started)} ms`);
      expect(spawnSync('qpdf', ['--check', file]).status).toBe(0);
      expect(execFileSync('pdfsig', [file], { encoding: 'utf8' })).toContain('Signature is Valid');
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('现场核查记录');
      expect(text).toContain(lines[0]?.name);
      // The note wraps inside its table cell: read in drawing order, its lines follow each other.
      const raw = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/gu, '');
      expect(raw).toContain('车间内未见该设备，企业称已移至二期厂房');
      expect(text).toContain('王立 拍摄 2026-11-26 10:31');
      const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
      expect(images.filter((row) => /\sjpeg\s/u.test(row))).toHaveLength(2);

      const workbook = await chair.api.exportVerificationWorkbook({ batchId, projectId: p1 });
      const read = new ExcelJS.Workbook();
      await read.xlsx.load(Buffer.from(workbook.base64 ?? '', 'base64') as unknown as ArrayBuffer);
      const sheet = read.getWorksheet('现场核查');
      const rows = (sheet?.getSheetValues() ?? []).filter((r) => Array.isArray(r) && r.includes('王立'));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toEqual(expect.arrayContaining([lines[0]?.name, '王立', '未见', 0, 2]));
    });
  });

  it('is replaced by the expert’s next file', async () => {
    const [first, second] = lines as [InspectionLine, InspectionLine];
    await expert.api.clearLineObservation({ batchId, projectId: p1, lineId: first.id });
    await expert.api.recordLineObservation({ batchId, projectId: p1, lineId: second.id, status: 'seen-running', serialNumber: 'SN-2026-0042' });
    expect(await cliImport(await exportTo('v2.json'))).toMatchObject({ version: 2 });
    await withChair(async (chair) => {
      const inspection = await chair.api.getInspection({ batchId, projectId: p1 });
      expect(inspection.lines.flatMap((l) => l.observations.map((o) => [l.id, o.reviewerName, o.status, o.serialNumber]))).toEqual([
        [second.id, '王立', 'seen-running', 'SN-2026-0042'],
      ]);
    });
  });
});
