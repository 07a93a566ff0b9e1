import crypto from 'node:crypto';
import fs from 'node:fs';
import { Jimp } from 'jimp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlobStore } from '@core/package/import/blob-store';
import { collectUnreferencedBlobs } from '@core/package/import/blob-collection';
import { inspectionProject } from './inspection-project';
import { jpegPhoto, pngPhoto, withExifDateTimeOriginal } from './photo-fixture';

type Project = Awaited<ReturnType<typeof inspectionProject>>;
const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

describe('photos taken on site', () => {
  let p: Project;
  let photo: Buffer;
  beforeAll(async () => {
    p = await inspectionProject('photos');
    photo = withExifDateTimeOriginal(await jpegPhoto(1600, 1200), '2026:11:26 10:32:05');
  }, 120_000);
  afterAll(() => p.close());

  it('stores the original unaltered by its SHA-256, reads the EXIF capture time and makes a copy of at most 640 px', async () => {
    const before = sha256(photo);
    const added = await p.core.api.addInspectionPhoto({ ...p.ref, fileName: '铭牌.jpg', base64: photo.toString('base64') });
    expect(added).toMatchObject({ sha256: before, fileName: '铭牌.jpg', mime: 'image/jpeg', takenAt: '2026-11-26T10:32:05', width: 1600, height: 1200 });
    // The input is untouched and the stored file is the very same bytes.
    expect(sha256(photo)).toBe(before);
    const stored = createBlobStore(p.core.context.dataDir).read(before);
    expect(sha256(stored)).toBe(before);
    const original = await p.core.api.getInspectionPhoto({ sha256: before, size: 'original' });
    expect(original.mime).toBe('image/jpeg');
    expect(sha256(Buffer.from(original.base64, 'base64'))).toBe(before);

    const thumbnail = await p.core.api.getInspectionPhoto({ sha256: before, size: 'thumbnail' });
    const small = Buffer.from(thumbnail.base64, 'base64');
    expect(thumbnail.mime).toBe('image/jpeg');
    expect(small.length).toBeLessThan(photo.length);
    const decoded = await Jimp.fromBuffer(small);
    expect([decoded.width, decoded.height]).toEqual([640, 480]);
  });

  it('stores a photo added twice once, and keeps it through the collection of unused files', async () => {
    const again = await p.core.api.addInspectionPhoto({ ...p.ref, fileName: '另存.jpg', base64: photo.toString('base64') });
    expect(again.fileName).toBe('铭牌.jpg');
    const log = (await p.core.api.listAuditLog({})).filter((e) => e.actionCode === 'inspection-photo');
    expect(log).toHaveLength(1);
    expect(log[0]?.details).toContain('添加现场照片「铭牌.jpg」（拍摄于 2026-11-26 10:32:05）');
    const blobs = createBlobStore(p.core.context.dataDir);
    await collectUnreferencedBlobs(p.core.context, blobs, 0);
    expect(blobs.has(sha256(photo))).toBe(true);
    const row = p.core.context.db.prepare<[string], { thumbnail_sha256: string }>('SELECT thumbnail_sha256 FROM inspection_photos WHERE sha256 = ?').get(sha256(photo));
    expect(blobs.has(row?.thumbnail_sha256 ?? '')).toBe(true);
  });

  it('takes the camera page’s clock for a photo without EXIF, and keeps a small PNG as it is', async () => {
    const png = await pngPhoto(320, 200);
    const added = await p.core.api.addInspectionPhoto({
      ...p.ref,
      fileName: '拍摄 2026-11-26 10:40.png',
      base64: png.toString('base64'),
      capturedAt: '2026-11-26T10:40:12.345',
    });
    expect(added).toMatchObject({ mime: 'image/png', takenAt: '2026-11-26T10:40:12', width: 320, height: 200 });
    const thumbnail = await Jimp.fromBuffer(Buffer.from((await p.core.api.getInspectionPhoto({ sha256: added.sha256, size: 'thumbnail' })).base64, 'base64'));
    expect([thumbnail.width, thumbnail.height]).toEqual([320, 200]);
  });

  it('refuses bytes that are no image, in Chinese, and stores nothing', async () => {
    const files = () => fs.readdirSync(p.core.context.dataDir, { recursive: true }).length;
    const count = files();
    await expect(p.core.api.addInspectionPhoto({ ...p.ref, fileName: '合同.pdf', base64: Buffer.from('%PDF-1.4 not a photo').toString('base64') })).rejects.toThrow(
      '「合同.pdf」不是照片：只能添加 JPEG 或 PNG 格式的图片',
    );
    const broken = Buffer.concat([photo.subarray(0, 200)]);
    await expect(p.core.api.addInspectionPhoto({ ...p.ref, fileName: '坏.jpg', base64: broken.toString('base64') })).rejects.toThrow('照片「坏.jpg」已损坏或无法读取');
    expect(files()).toBe(count);
  });

  it('shows an observation’s photos in order, and refuses a photo never added', async () => {
    const { lines } = await p.core.api.getInspection(p.ref);
    const lineId = lines[0]?.id ?? '';
    const png = await p.core.api.addInspectionPhoto({ ...p.ref, fileName: 'b.png', base64: (await pngPhoto(64, 48)).toString('base64') });
    const line = await p.core.api.recordLineObservation({ ...p.ref, lineId, status: 'seen-running', photos: [png.sha256, sha256(photo)] });
    expect(line.mine?.photos.map((x) => x.fileName)).toEqual(['b.png', '铭牌.jpg']);
    const reordered = await p.core.api.recordLineObservation({ ...p.ref, lineId, status: 'seen-running', photos: [sha256(photo)] });
    expect(reordered.mine?.photos.map((x) => x.sha256)).toEqual([sha256(photo)]);
    await expect(p.core.api.recordLineObservation({ ...p.ref, lineId, status: 'seen-running', photos: ['a'.repeat(64)] })).rejects.toThrow('照片尚未添加或已不存在');
  });
});
