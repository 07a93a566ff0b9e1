import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { certificateFingerprint, readCertificateSubject } from '@core/identity/certificate';
import { signDetached, verifyDetached } from '@core/identity/detached-signature';
import { createReviewerIdentity, unlockSigningKey } from '@core/identity/reviewer-identity';
import { formatFingerprintForReading } from '@shared/identity/fingerprint-text';
import type { ReviewerProfile } from '@shared/identity/reviewer-profile';
import { hasOpenssl } from './openssl';

const PASSPHRASE = '厦门评审2026!';
const NOW = new Date('2026-11-20T08:30:00Z');
/** Each unlock runs 600,000 PBKDF2 rounds on purpose; on a busy machine a few of them outlast the default 5 s. */
const PBKDF2_TIMEOUT = 30_000;

function writeTemp(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'jigai-identity-')), name);
  writeFileSync(path, text);
  return path;
}

describe('reviewer identity', () => {
  let profile: ReviewerProfile;
  let other: ReviewerProfile;
  beforeAll(async () => {
    // A quote and a comma in the name: the certificate must carry them unchanged.
    [profile, other] = await Promise.all([
      createReviewerIdentity({ name: '欧阳明远', organization: '厦门大学机电工程学院', field: '智能制造', role: 'chair', passphrase: PASSPHRASE }, NOW),
      createReviewerIdentity({ name: '李"工", 高级', organization: '某设计院', role: 'expert', passphrase: 'another-passphrase' }, NOW),
    ]);
  }, 60_000);

  it('creates a profile whose certificate names the reviewer, with a stable id written into it', () => {
    expect(profile).toMatchObject({ name: '欧阳明远', organization: '厦门大学机电工程学院', field: '智能制造', role: 'chair', createdAt: '2026-11-20T08:30:00.000Z' });
    expect(profile.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
    expect(readCertificateSubject(profile.certificatePem)).toEqual({ reviewerId: profile.id, name: '欧阳明远', organization: '厦门大学机电工程学院', field: '智能制造' });
    expect(readCertificateSubject(other.certificatePem)).toEqual({ reviewerId: other.id, name: '李"工", 高级', organization: '某设计院', field: '' });
    expect(other.id).not.toBe(profile.id);
    expect(profile.encryptedKeyPem).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/u);
    expect(profile.encryptedKeyPem).not.toContain('BEGIN PRIVATE KEY');
  });

  it(
    'signs bytes that verify against the certificate, and nothing else',
    () => {
      const key = unlockSigningKey(profile, PASSPHRASE);
      expect(key.fingerprint).toBe(profile.fingerprint);
      const bytes = Buffer.from('{"project":"XM2024-001","score":"86.5"}', 'utf8');
      const signature = signDetached(bytes, key.privateKey);
      expect(signature.length).toBe(384); // RSA 3072
      expect(verifyDetached(bytes, signature, profile.certificatePem)).toBe(true);

      const tampered = Buffer.from(bytes);
      tampered[tampered.length - 5] = '7'.charCodeAt(0); // "86.5" becomes "87.5"
      expect(tampered.equals(bytes)).toBe(false);
      expect(verifyDetached(tampered, signature, profile.certificatePem)).toBe(false);
      expect(verifyDetached(bytes, signature, other.certificatePem)).toBe(false);
      const damaged = Buffer.from(signature);
      damaged[10] = (damaged[10] ?? 0) ^ 0x01;
      expect(verifyDetached(bytes, damaged, profile.certificatePem)).toBe(false);
    },
    PBKDF2_TIMEOUT,
  );

  it(
    'refuses a wrong passphrase with a Chinese message, and a key that is not the certificate’s',
    () => {
      for (const wrong of ['厦门评审2026?', '']) {
        expect(() => unlockSigningKey(profile, wrong)).toThrow(/口令不正确/u);
        expect(() => unlockSigningKey(profile, wrong)).toThrow(expect.objectContaining({ code: 'WRONG_PASSPHRASE' }));
      }
      expect(() => unlockSigningKey({ ...profile, encryptedKeyPem: 'garbage' }, PASSPHRASE)).toThrow(/签名私钥已损坏/u);
      expect(() => unlockSigningKey({ ...other, certificatePem: profile.certificatePem }, 'another-passphrase')).toThrow(/不配套/u);
    },
    PBKDF2_TIMEOUT,
  );

  it('refuses incomplete input before making any key', async () => {
    await expect(createReviewerIdentity({ name: ' ', organization: '单位', role: 'expert', passphrase: 'long enough' })).rejects.toThrow(/姓名不能为空/u);
    await expect(createReviewerIdentity({ name: '张三', organization: '单位', role: 'expert', passphrase: 'short' })).rejects.toThrow(/口令至少 8 个字符/u);
  });

  it('shows the fingerprint in sixteen groups of four for reading aloud', () => {
    expect(profile.fingerprint).toBe(certificateFingerprint(profile.certificatePem));
    expect(profile.fingerprint).toMatch(/^[0-9a-f]{64}$/u);
    const shown = formatFingerprintForReading(profile.fingerprint);
    expect(shown).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){15}$/u);
    expect(shown.replaceAll(' ', '').toLowerCase()).toBe(profile.fingerprint);
  });

  it.runIf(hasOpenssl())(
    'is read by OpenSSL: UTF-8 subject, same fingerprint, key opened with the passphrase',
    () => {
      const certPath = writeTemp('reviewer.pem', profile.certificatePem);
      const subject = execFileSync('openssl', ['x509', '-in', certPath, '-noout', '-subject', '-nameopt', 'utf8,sep_comma_plus'], { encoding: 'utf8' });
      expect(subject).toContain('CN=欧阳明远');
      expect(subject).toContain('O=厦门大学机电工程学院');
      expect(subject).toContain('OU=智能制造');
      const fingerprint = execFileSync('openssl', ['x509', '-in', certPath, '-noout', '-fingerprint', '-sha256'], { encoding: 'utf8' });
      expect(fingerprint.trim().split('=')[1]?.replaceAll(':', '').toLowerCase()).toBe(profile.fingerprint);
      const text = execFileSync('openssl', ['x509', '-in', certPath, '-noout', '-text'], { encoding: 'utf8' });
      expect(text).toContain('Public-Key: (3072 bit)');
      expect(text).toMatch(/Digital Signature, Non Repudiation/u);
      expect(text).toContain('CA:FALSE');

      const keyPath = writeTemp('reviewer.key', profile.encryptedKeyPem);
      const openedPub = execFileSync('openssl', ['pkey', '-in', keyPath, '-passin', `pass:${PASSPHRASE}`, '-pubout'], { encoding: 'utf8' });
      const certPub = execFileSync('openssl', ['x509', '-in', certPath, '-noout', '-pubkey'], { encoding: 'utf8' });
      expect(openedPub).toBe(certPub);
      const pbes = execFileSync('openssl', ['asn1parse', '-in', keyPath], { encoding: 'utf8' });
      expect(pbes).toContain('PBES2');
      expect(pbes).toContain('hmacWithSHA256');
      expect(pbes).toContain('aes-256-cbc');
      expect(pbes).toMatch(/INTEGER\s+:0?927C0\b/u); // 600,000 rounds
    },
    PBKDF2_TIMEOUT,
  );
});
