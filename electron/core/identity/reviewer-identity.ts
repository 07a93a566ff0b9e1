import { createPublicKey, randomUUID, type KeyObject } from 'node:crypto';
import { AppError } from '@shared/api/errors';
import { translateZodIssues } from '@shared/rules/zod-errors-zh';
import { newReviewerSchema, type NewReviewer, type ReviewerProfile } from '@shared/identity/reviewer-profile';
import { certificateFingerprint, certificatePublicKey, createSelfSignedCertificate } from './certificate';
import { decryptPrivateKey, encryptPrivateKey } from './encrypted-private-key';
import { generateSigningKeyPair } from './signing-algorithm';

/** An opened private key with the certificate that names it: what signing an expert file or a report needs. */
export interface SigningKey {
  readonly privateKey: KeyObject;
  readonly certificatePem: string;
  readonly fingerprint: string;
}

/**
 * Makes a reviewer's identity: a fresh key pair, a self-signed certificate naming the reviewer,
 * and the private key encrypted with their passphrase. Nothing is stored here; the caller keeps
 * the profile (the data folder's `reviewers` table).
 */
export async function createReviewerIdentity(input: NewReviewer, now: Date = new Date()): Promise<ReviewerProfile> {
  const parsed = newReviewerSchema.safeParse(input);
  if (!parsed.success)
    throw new AppError(
      'BAD_INPUT',
      `评审人信息有误：${translateZodIssues(parsed.error.issues, input)
        .map((issue) => issue.message)
        .join('；')}`,
    );
  const { name, organization, field, role, passphrase } = parsed.data;
  const id = randomUUID();
  const keys = await generateSigningKeyPair();
  const certificatePem = await createSelfSignedCertificate({ reviewerId: id, name, organization, field }, keys, now);
  return {
    id,
    name,
    organization,
    field,
    role,
    certificatePem,
    fingerprint: certificateFingerprint(certificatePem),
    createdAt: now.toISOString(),
    encryptedKeyPem: await encryptPrivateKey(keys.privateKey, passphrase),
  };
}

/** Opens the reviewer's private key; refuses a wrong passphrase and a key that does not belong to the certificate. */
export function unlockSigningKey(profile: Pick<ReviewerProfile, 'encryptedKeyPem' | 'certificatePem'>, passphrase: string): SigningKey {
  const privateKey = decryptPrivateKey(profile.encryptedKeyPem, passphrase);
  const expected = certificatePublicKey(profile.certificatePem).export({ format: 'der', type: 'spki' });
  const actual = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  if (!expected.equals(actual)) {
    throw new AppError('CONFLICT', '签名私钥与评审人证书不配套（身份资料可能被替换或损坏），请重新创建评审人身份');
  }
  return { privateKey, certificatePem: profile.certificatePem, fingerprint: certificateFingerprint(profile.certificatePem) };
}
