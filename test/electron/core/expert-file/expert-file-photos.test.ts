import { createHash } from 'node:crypto';
import { Jimp } from 'jimp';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildExpertFile, readExpertFile } from '@core/expert-file/expert-file-signing';
import { photoEntries } from '@core/expert-file/expert-file-photos';
import { createReviewerIdentity, unlockSigningKey, type SigningKey } from '@core/identity/reviewer-identity';
import type { ExpertFileExpectations } from '@shared/expert-file/accept-expert-file';
import type { ReadExpertFileResult } from '@shared/expert-file/expert-file-refusal';
import type { ExpertFileContent } from '@shared/expert-file/expert-file-schema';
import { publicProfileOf, type ReviewerProfile } from '@shared/identity/reviewer-profile';
import { BATCH_ID, PACKAGE_SHA256, sampleExpertContent } from '@test/shared/expert-file/sample-expert-content';

/** 现场核查 in the signed expert file: observations in the signed content, photo bytes beside it bound by SHA-256. */
describe('expert file with on-site observations and photos', () => {
  let expert: ReviewerProfile;
  let key: SigningKey;
  let expect_: ExpertFileExpectations;
  const photos = new Map<string, Buffer>();

  beforeAll(async () => {
    expert = await createReviewerIdentity({ name: '陈立新', organization: '厦门理工学院', role: 'expert', passphrase: 'chen-2026-评审' });
    key = unlockSigningKey(expert, 'chen-2026-评审');
    expect_ = { trustedFingerprints: [expert.fingerprint], batchId: BATCH_ID, packageSha256: PACKAGE_SHA256, lastImportedVersion: () => undefined };
    for (const color of [0x2f6db5ff, 0xe8a33dff]) {
      const bytes = await new Jimp({ width: 320, height: 240, color }).getBuffer('image/jpeg');
      photos.set(createHash('sha256').update(bytes).digest('hex'), bytes);
    }
  }, 60_000);

  function contentWithInspection(): ExpertFileContent {
    const base = sampleExpertContent(publicProfileOf(expert));
    const [first, second] = [...photos.keys()] as [string, string];
    const photo = (sha: string, fileName: string) => ({
      sha256: sha,
      fileName,
      mime: 'image/jpeg' as const,
      takenAt: '2026-11-26T10:31:05',
      addedAt: '2026-11-26T02:40:00.000Z',
      width: 320,
      height: 240,
    });
    return {
      ...base,
      formatVersion: 2,
      projects: base.projects.map((p) =>
        p.projectId === 'XM2024-001' && p.recusal === null
          ? {
              ...p,
              inspection: {
                lines: [
                  {
                    lineId: 'line-a',
                    status: 'not-found',
                    quantitySeen: '0',
                    modelSeen: null,
                    serialNumber: null,
                    note: '车间内未见该设备',
                    photos: [photo(first, '车间全景.jpg'), photo(second, '空位.jpg')],
                    observedAt: '2026-11-26T02:32:00.000Z',
                  },
                ],
                indicators: [{ indicatorId: 'ind-1', value: '10', note: '', observedAt: '2026-11-26T03:00:00.000Z' }],
              },
            }
          : p,
      ),
    };
  }

  const build = (content: ExpertFileContent) =>
    buildExpertFile(
      content,
      key,
      photoEntries(content, (sha) => photos.get(sha) as Buffer),
    );
  const refusal = (result: ReadExpertFileResult) => (result.ok ? 'accepted' : `${result.code} ${result.message}`);

  it('carries the observations signed and the original photos, each accepted by its SHA-256', () => {
    const result = readExpertFile(build(contentWithInspection()), expect_);
    if (!result.ok) throw new Error(result.message);
    expect(result.file.content.formatVersion).toBe(2);
    expect(result.file.photos?.map((p) => p.sha256)).toEqual([...photos.keys()]);
    for (const p of result.file.photos ?? []) expect(Buffer.from(p.base64, 'base64').equals(photos.get(p.sha256) as Buffer)).toBe(true);
  });

  it('refuses the whole file when one byte of a photo changed, naming the photo in Chinese', () => {
    const file = JSON.parse(build(contentWithInspection()).toString('utf8')) as { photos: { base64: string }[] };
    const bytes = Buffer.from(file.photos[1]?.base64 ?? '', 'base64');
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0x01;
    (file.photos[1] as { base64: string }).base64 = bytes.toString('base64');
    expect(refusal(readExpertFile(Buffer.from(JSON.stringify(file)), expect_))).toBe(
      'SIGNATURE_INVALID 项目「XM2024-001」的现场照片「空位.jpg」与专家「陈立新」签名时登记的校验值不符：照片在签名后被替换或已损坏，整个文件不予导入',
    );
  });

  it('refuses a listed photo without its bytes, and bytes no observation lists', () => {
    const file = JSON.parse(build(contentWithInspection()).toString('utf8')) as { photos: { sha256: string; base64: string }[] };
    const missing = { ...file, photos: file.photos.slice(0, 1) };
    expect(refusal(readExpertFile(Buffer.from(JSON.stringify(missing)), expect_))).toMatch(/^MALFORMED 文件缺少项目「XM2024-001」的现场照片「空位.jpg」/u);
    const extra = Buffer.from('不是签名内容里的照片');
    const smuggled = { ...file, photos: [...file.photos, { sha256: createHash('sha256').update(extra).digest('hex'), base64: extra.toString('base64') }] };
    expect(refusal(readExpertFile(Buffer.from(JSON.stringify(smuggled)), expect_))).toMatch(/^MALFORMED .*不属于任何核查记录的照片/u);
  });

  it('refuses an observation changed after signing, like any other content', () => {
    const text = build(contentWithInspection()).toString('utf8').replace('车间内未见该设备', '车间内已见该设备');
    expect(refusal(readExpertFile(Buffer.from(text), expect_))).toMatch(/^SIGNATURE_INVALID/u);
  });

  it('keeps a file without 现场核查 at format version 1 with no photos field; observations need version 2', () => {
    const plain = buildExpertFile(sampleExpertContent(publicProfileOf(expert)), key).toString('utf8');
    expect(plain).toContain('"formatVersion": 1');
    expect(plain).not.toContain('"photos"');
    expect(readExpertFile(Buffer.from(plain), expect_).ok).toBe(true);
    expect(() => build({ ...contentWithInspection(), formatVersion: 1 })).toThrow('现场核查记录只能出现在第 2 版格式的文件中');
  });
});
