import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildExpertFile, readExpertFile } from '@core/expert-file/expert-file-signing';
import { createReviewerIdentity, unlockSigningKey, type SigningKey } from '@core/identity/reviewer-identity';
import { canonicalJson } from '@shared/expert-file/canonical-json';
import type { ExpertFileExpectations } from '@shared/expert-file/accept-expert-file';
import type { ReadExpertFileResult } from '@shared/expert-file/expert-file-refusal';
import { publicProfileOf, type ReviewerProfile } from '@shared/identity/reviewer-profile';
import { BATCH_ID, PACKAGE_SHA256, sampleExpertContent } from '@test/shared/expert-file/sample-expert-content';
import { hasOpenssl } from '../identity/openssl';

describe('expert file', () => {
  let expert: ReviewerProfile;
  let key: SigningKey;
  let stranger: ReviewerProfile;
  let strangerKey: SigningKey;
  let expect_: ExpertFileExpectations;

  beforeAll(async () => {
    [expert, stranger] = await Promise.all([
      createReviewerIdentity({ name: '陈立新', organization: '厦门理工学院', field: '工业自动化', role: 'expert', passphrase: 'chen-2026-评审' }),
      createReviewerIdentity({ name: '王某', organization: '某咨询公司', role: 'expert', passphrase: 'wang-2026-评审' }),
    ]);
    key = unlockSigningKey(expert, 'chen-2026-评审');
    strangerKey = unlockSigningKey(stranger, 'wang-2026-评审');
    expect_ = { trustedFingerprints: [expert.fingerprint], batchId: BATCH_ID, packageSha256: PACKAGE_SHA256, lastImportedVersion: () => undefined };
  }, 60_000);

  const fileOf = (version = 1) => buildExpertFile(sampleExpertContent(publicProfileOf(expert), version), key);
  const refusal = (result: ReadExpertFileResult) => (result.ok ? 'accepted' : result.code);

  it('is readable JSON that the chair accepts when signer, batch and version are right', () => {
    const bytes = fileOf(3);
    const text = bytes.toString('utf8');
    expect(text).toContain('"name": "陈立新"');
    expect(text).toContain('"investment-completion": "18.5"');
    expect(text).not.toContain('PRIVATE KEY');
    const result = readExpertFile(bytes, expect_);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.file.content.version).toBe(3);
    expect(result.file.content.expert.id).toBe(expert.id);
    expect(result.file.signature).toMatchObject({ algorithm: 'RSASSA-PKCS1-v1_5-SHA256', canonicalization: 'RFC8785', certificateFingerprint: expert.fingerprint });
  });

  it('still verifies after the file is re-indented, its keys reordered and a byte-order mark added', () => {
    const parsed = JSON.parse(fileOf().toString('utf8')) as { content: Record<string, unknown>; signature: unknown };
    const reordered = { signature: parsed.signature, content: Object.fromEntries(Object.entries(parsed.content).reverse()) };
    const bytes = Buffer.from(`\uFEFF${JSON.stringify(reordered)}`, 'utf8');
    expect(refusal(readExpertFile(bytes, expect_))).toBe('accepted');
  });

  it('refuses a file with one byte of a score changed: SIGNATURE_INVALID', () => {
    const bytes = fileOf();
    const at = bytes.indexOf('"investment-completion": "18.5"') + '"investment-completion": "'.length;
    expect(String.fromCharCode(bytes[at + 1] ?? 0)).toBe('8');
    const tampered = Buffer.from(bytes);
    tampered[at + 1] = '9'.charCodeAt(0); // 18.5 → 19.5
    const result = readExpertFile(tampered, expect_);
    expect(result).toMatchObject({ ok: false, code: 'SIGNATURE_INVALID', message: expect.stringContaining('签名后被改动过') as unknown });
  });

  it('refuses another expert’s certificate pasted over the signer’s: SIGNATURE_INVALID', () => {
    const file = JSON.parse(fileOf().toString('utf8')) as { content: { expert: unknown }; signature: { certificateFingerprint: string } };
    // Someone claims a trusted expert's work as their own: the stranger's profile, the expert's signature.
    file.content.expert = publicProfileOf(stranger);
    file.signature.certificateFingerprint = stranger.fingerprint;
    const result = readExpertFile(Buffer.from(JSON.stringify(file)), { ...expect_, trustedFingerprints: [expert.fingerprint, stranger.fingerprint] });
    expect(refusal(result)).toBe('SIGNATURE_INVALID');

    const renamed = JSON.parse(fileOf().toString('utf8')) as { content: { expert: { name: string } } };
    renamed.content.expert.name = '陈立';
    expect(readExpertFile(Buffer.from(JSON.stringify(renamed)), expect_)).toMatchObject({
      code: 'SIGNATURE_INVALID',
      message: expect.stringContaining('与其证书所载') as unknown,
    });
  });

  it('refuses a correctly signed file whose signer the chair has not confirmed: SIGNER_NOT_TRUSTED', () => {
    const bytes = buildExpertFile(sampleExpertContent(publicProfileOf(stranger)), strangerKey);
    const result = readExpertFile(bytes, expect_);
    expect(result).toMatchObject({ ok: false, code: 'SIGNER_NOT_TRUSTED' });
    if (!result.ok) expect(result.message).toMatch(/「王某」（某咨询公司）.*尚未经组长确认.*([0-9A-F]{4} ){15}[0-9A-F]{4}/u);
  });

  it('refuses another batch, or the same batch on another version of the package: OTHER_BATCH', () => {
    expect(readExpertFile(fileOf(), { ...expect_, batchId: 'XM-2026-YS-02' })).toMatchObject({
      code: 'OTHER_BATCH',
      message: expect.stringContaining('不属于当前批次「XM-2026-YS-02」') as unknown,
    });
    expect(readExpertFile(fileOf(), { ...expect_, packageSha256: 'f'.repeat(64) })).toMatchObject({
      code: 'OTHER_BATCH',
      message: expect.stringContaining('另一版材料包') as unknown,
    });
  });

  it('refuses a version not newer than the one imported from this expert: OLDER_VERSION', () => {
    const lastFive = { ...expect_, lastImportedVersion: (id: string) => (id === expert.id ? 5 : undefined) };
    expect(readExpertFile(fileOf(4), lastFive)).toMatchObject({
      code: 'OLDER_VERSION',
      message: expect.stringContaining('第 4 次导出，早于已导入的第 5 次导出') as unknown,
    });
    expect(readExpertFile(fileOf(5), lastFive)).toMatchObject({ code: 'OLDER_VERSION', message: expect.stringContaining('已经导入过') as unknown });
    expect(refusal(readExpertFile(fileOf(6), lastFive))).toBe('accepted');
  });

  it('refuses what is not an expert file, locating each problem: MALFORMED', () => {
    expect(readExpertFile(Buffer.from([0xff, 0xfe, 0x00]), expect_)).toMatchObject({ code: 'MALFORMED', message: expect.stringContaining('UTF-8') as unknown });
    expect(readExpertFile(fileOf().subarray(0, 200), expect_)).toMatchObject({ code: 'MALFORMED', message: expect.stringContaining('不是完整的 JSON') as unknown });
    const file = JSON.parse(fileOf().toString('utf8')) as { content: { projects: { scores?: Record<string, unknown>; verdict?: string }[] } };
    const first = file.content.projects[0];
    if (first?.scores) first.scores.evidence = '20.3';
    if (first) first.verdict = '通过';
    const result = readExpertFile(Buffer.from(JSON.stringify(file)), expect_);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('MALFORMED');
    expect(result.problems).toEqual([
      '$.content.projects[0].scores.evidence：分数应为 0–100 之间、以 0.5 为步长的数字字符串，如 "18" 或 "18.5"，实际为 "20.3"',
      '$.content.projects[0].verdict：评审结论应为 pass（通过）、basic-pass（基本通过）、fail（不通过） 之一，实际为 "通过"',
    ]);
    expect(result.message).toMatch(/专家评审文件内容不符合格式/u);
  });

  it.runIf(hasOpenssl())('can be checked without this program: OpenSSL verifies the signature over the canonical content', () => {
    const file = JSON.parse(fileOf(2).toString('utf8')) as { content: { expert: { certificatePem: string } }; signature: { value: string } };
    const dir = mkdtempSync(join(tmpdir(), 'jigai-expert-file-'));
    const [content, signature, certificate] = [join(dir, 'content.json'), join(dir, 'signature.bin'), join(dir, 'expert.pem')];
    writeFileSync(content, canonicalJson(file.content), 'utf8');
    writeFileSync(signature, Buffer.from(file.signature.value, 'base64'));
    writeFileSync(certificate, file.content.expert.certificatePem);
    const publicKey = join(dir, 'expert-public.pem');
    writeFileSync(publicKey, execFileSync('openssl', ['x509', '-in', certificate, '-noout', '-pubkey']));
    expect(execFileSync('openssl', ['dgst', '-sha256', '-verify', publicKey, '-signature', signature, content], { encoding: 'utf8' }).trim()).toBe('Verified OK');
  });

  it('will not sign work in another reviewer’s name or with an unfinished shape', () => {
    expect(() => buildExpertFile(sampleExpertContent(publicProfileOf(stranger)), key)).toThrow(/不是同一人/u);
    const content = sampleExpertContent(publicProfileOf(expert));
    content.version = 0;
    expect(() => buildExpertFile(content, key)).toThrow(/导出次数从 1 开始/u);
  });
});
