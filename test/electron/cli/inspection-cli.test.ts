import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '@core/create-core';
import { silentLogger } from '@core/logger';
import { generateSamplePackage } from '@cli/sample';
import { EXIT_BAD_INPUT, EXIT_OK, runCli } from '@cli/run-cli';
import { RESOURCES_DIR, makeTempDir } from '@test/support/temp-dir';
import { createTestReviewer } from '@test/support/reviewer';
import { jpegPhoto, withExifDateTimeOriginal } from '../core/inspection/photo-fixture';

async function jigai(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { io: { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, resourcesDir: RESOURCES_DIR });
  return { code, stdout, stderr };
}

interface Listed {
  lines: { id: string; name: string; contractNo: string; quantity: string | null; invoices: string[]; status: string | null }[];
  indicators: { id: string; name: string; target: string }[];
}
interface Verified {
  projects: { id: string; invoices: { key: string; findings: { code: string; message: string; proposedCut?: string }[] }[] }[];
}

describe('jigai inspection', () => {
  const temp = makeTempDir();
  const data = path.join(temp.dir, 'data');
  const BATCH = 'XM-INSPECT-CLI';
  let project = '';
  const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');
  beforeAll(async () => {
    const file = path.join(temp.dir, 'package.zip');
    await generateSamplePackage({ projects: 1, invoices: 30, seed: 'inspection-cli', batchId: BATCH, outFile: file });
    const core = createCore({ dataDir: data, resourcesDir: RESOURCES_DIR, logger: silentLogger });
    await createTestReviewer(core);
    const imported = await core.api.importPackage({ path: file });
    project = imported.projects[0]?.id ?? '';
    core.close();
  }, 120_000);
  afterAll(() => temp.cleanup());

  const list = async () => JSON.parse((await jigai('inspection', 'list', '--batch', BATCH, '--project', project, '--data', data, '--json')).stdout) as Listed;

  it('lists the checklist: lines with contract, quantity and invoice keys, and the indicators with their targets', async () => {
    const listed = await list();
    expect(listed.lines.length).toBeGreaterThan(3);
    for (const line of listed.lines) {
      expect(line).toEqual(expect.objectContaining({ id: expect.stringMatching(/^[0-9a-f]{16}$/u), name: expect.any(String), contractNo: expect.any(String) }));
      expect(line.invoices.length).toBeGreaterThan(0);
    }
    expect(listed.lines.some((l) => l.quantity !== null) && listed.lines.some((l) => l.quantity === null)).toBe(true);
    expect(listed.indicators.length).toBeGreaterThan(0);
    expect(listed.indicators[0]).toEqual(expect.objectContaining({ id: expect.any(String), name: expect.any(String), target: expect.any(String) }));
    const text = await jigai('inspection', 'list', '--batch', BATCH, '--project', project, '--data', data);
    expect(text.stdout).toContain(`项目 ${project}`);
  });

  it('refuses a file with a bad entry, naming the entry and the field, and stores nothing', async () => {
    const { lines } = await list();
    const input = path.join(temp.dir, 'bad.json');
    fs.writeFileSync(
      input,
      JSON.stringify([
        { line: lines[0]?.id, status: 'seen-running' },
        { line: lines[1]?.id, status: 'missing', quantitySeen: '两台' },
      ]),
    );
    const bad = await jigai('inspection', 'record', '--batch', BATCH, '--project', project, '--input', input, '--data', data, '--json');
    expect(bad.code).toBe(EXIT_BAD_INPUT);
    expect(bad.stdout).toContain('第 2 条 status');
    expect(bad.stdout).toContain('第 2 条 quantitySeen：应为数字');

    fs.writeFileSync(
      input,
      JSON.stringify([
        { line: lines[0]?.id, status: 'seen-running', photos: ['铭牌.jpg'] },
        { line: '0000000000000000', status: 'not-found' },
      ]),
    );
    fs.writeFileSync(path.join(temp.dir, '铭牌.jpg'), await jpegPhoto(200, 150));
    const unknown = await jigai('inspection', 'record', '--batch', BATCH, '--project', project, '--input', input, '--data', data, '--json');
    expect(unknown.code).toBe(EXIT_BAD_INPUT);
    expect(unknown.stdout).toContain('第 2 条：line「0000000000000000」不是本项目核查清单中的设备编号');

    fs.writeFileSync(input, JSON.stringify([{ line: lines[0]?.id, status: 'seen-running', photos: ['没有这张.jpg'] }]));
    const missing = await jigai('inspection', 'record', '--batch', BATCH, '--project', project, '--input', input, '--data', data, '--json');
    expect(missing.stdout).toContain('第 1 条 photos[0]：无法读取照片文件「没有这张.jpg」');
    expect((await list()).lines.every((l) => l.status === null)).toBe(true);
  });

  it('records observations with photos from a file, and `jigai verify --json` shows the findings on their invoices', async () => {
    const { lines } = await list();
    const [gone, counted] = [lines.find((l) => l.quantity === null), lines.find((l) => l.quantity !== null && Number(l.quantity) >= 2)];
    if (!gone || !counted) throw new Error('样例中缺少按批或按数量开票的设备');
    const folder = path.join(temp.dir, '现场');
    fs.mkdirSync(path.join(folder, '照片'), { recursive: true });
    const photo = withExifDateTimeOriginal(await jpegPhoto(900, 600), '2026:11:26 09:15:00');
    fs.writeFileSync(path.join(folder, '照片', 'IMG_0001.jpg'), photo);
    const input = path.join(folder, '核查记录.json');
    fs.writeFileSync(
      input,
      JSON.stringify([
        { line: gone.id, status: 'not-found', note: '车间内未找到', photos: ['照片/IMG_0001.jpg'] },
        { line: counted.id, status: 'different', quantitySeen: String(Number(counted.quantity) - 1), note: '少一台' },
      ]),
    );
    const done = await jigai('inspection', 'record', '--batch', BATCH, '--project', project, '--input', input, '--data', data, '--json');
    expect(done.code).toBe(EXIT_OK);
    const answer = JSON.parse(done.stdout) as {
      recorded: number;
      lines: { status: string; photos: { sha256: string; takenAt: string | null }[]; proposedReduction: string | null }[];
    };
    expect(answer.recorded).toBe(2);
    expect(answer.lines[0]?.photos).toEqual([{ sha256: sha256(photo), fileName: 'IMG_0001.jpg', takenAt: '2026-11-26T09:15:00' }]);
    expect(answer.lines.every((l) => l.proposedReduction !== null)).toBe(true);
    expect(sha256(fs.readFileSync(path.join(folder, '照片', 'IMG_0001.jpg')))).toBe(sha256(photo));

    const verified = JSON.parse((await jigai('verify', '--batch', BATCH, '--data', data, '--json')).stdout) as Verified;
    const invoices = verified.projects.find((p) => p.id === project)?.invoices ?? [];
    for (const key of gone.invoices) {
      expect(invoices.find((i) => i.key === key)?.findings).toEqual(
        expect.arrayContaining([expect.objectContaining({ code: 'INSPECTION_NOT_FOUND', proposedCut: expect.any(String) })]),
      );
    }
    for (const key of counted.invoices) {
      expect(invoices.find((i) => i.key === key)?.findings.map((f) => f.code)).toContain('INSPECTION_DIFFERENT');
    }
    const text = await jigai('verify', '--batch', BATCH, '--data', data);
    expect(text.stdout).toContain('现场核查（陈立新）');
  });
});
