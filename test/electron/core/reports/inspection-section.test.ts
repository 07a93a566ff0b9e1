import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Jimp } from 'jimp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '@core/reports/render-report';
import type { InspectionRecord } from '@core/reports/inspection-record';
import { makeTempDir } from '@test/support/temp-dir';
import { SAMPLE_PANEL, sampleAcceptance } from './sample-content';

const temp = makeTempDir();
afterAll(() => temp.cleanup());
const createdAt = new Date('2026-11-26T08:00:00Z');
let thumbnail: Buffer;

/** A downscaled photo as the store keeps it: a 640 × 480 JPEG with a recognisable colour split. */
beforeAll(async () => {
  const image = new Jimp({ width: 640, height: 480, color: 0x2f6db5ff });
  for (let x = 320; x < 640; x += 1) for (let y = 0; y < 480; y += 1) image.setPixelColor(0xe8a33dff, x, y);
  thumbnail = await image.getBuffer('image/jpeg');
});

const RECORD: InspectionRecord = {
  lines: [
    {
      name: '五轴联动加工中心',
      model: 'DMU65',
      quantity: '3台',
      supplier: '厦门精密机械设备有限公司',
      contractNo: 'HT-2024-001',
      amount: '527661.00',
      invoices: '25352000001000000001',
      observations: [
        {
          expert: '李秀英',
          status: '型号或数量不符',
          quantitySeen: '1台',
          modelSeen: 'DMU65',
          serialNumber: 'SN-65-0042',
          note: '车间仅见一台，另两台据称在外协厂',
          observedAt: '2026-11-26 10:32',
          photos: [
            { sha256: 'a'.repeat(64), caption: '拍摄 2026-11-26 10:31' },
            { sha256: 'b'.repeat(64), caption: '拍摄 2026-11-26 10:33' },
          ],
        },
        { expert: '欧阳明', status: '已见且运行', quantitySeen: '', modelSeen: '', serialNumber: '', note: '', observedAt: '2026-11-26 10:40', photos: [] },
      ],
      proposals: ['李秀英：建议核减 351,774.00 元（发票数量 3台，现场清点 1台，未见 2台 × 单价 175,887.00 元 = 351,774.00 元）'],
      decision: '发票 25352000001000000001 尚未认定',
    },
  ],
  indicators: [{ category: '建设指标', name: '新增设备台数', target: '12 台', claimed: '12 台', observed: ['李秀英：10（两台在外协厂），2026-11-26 11:02'] }],
};

describe('现场核查记录 in the acceptance report', { timeout: 60_000 }, () => {
  it('prints each expert’s observation, the proposal, the indicators and the photo thumbnails with their capture time', async () => {
    const content = { ...sampleAcceptance(5, SAMPLE_PANEL), inspection: RECORD };
    const report = await renderReport(content, { createdAt, thumbnails: (sha) => (sha === 'a'.repeat(64) ? thumbnail : undefined) });
    const file = path.join(temp.dir, 'inspection.pdf');
    fs.writeFileSync(file, report.bytes);
    expect(spawnSync('qpdf', ['--check', file]).status).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('附：现场核查记录');
    expect(text).toContain('五轴联动加工中心');
    expect(text).toContain('车间仅见一台，另两台据称在外协厂');
    expect(text).toContain('SN-65-0042');
    expect(text).toContain('李秀英 拍摄 2026-11-26 10:31');
    expect(text).toContain('照片未找到');
    expect(text).toContain('李秀英：建议核减 351,774.00 元');
    expect(text).toContain('认定情况：发票 25352000001000000001 尚未认定');
    expect(text).toContain('李秀英：10（两台在外协厂）');
    // The stored thumbnail is embedded as the one image (the missing one is a frame, not an image).
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/\s640\s+480\s+rgb\s.*jpeg/u);
    if (process.env.KEEP_REPORT) fs.copyFileSync(file, process.env.KEEP_REPORT);
  });

  it('leaves the section out when there is no observation', async () => {
    const report = await renderReport(sampleAcceptance(5, SAMPLE_PANEL), { createdAt });
    const file = path.join(temp.dir, 'plain.pdf');
    fs.writeFileSync(file, report.bytes);
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).not.toContain('现场核查');
  });
});
