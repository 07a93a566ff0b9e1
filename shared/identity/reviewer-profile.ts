import { z } from 'zod';
import { FINGERPRINT_PATTERN } from './fingerprint-text';
import { REVIEWER_ROLE_IDS } from './reviewer-role';

/**
 * A reviewer as other panel members see them: what an expert file carries and a chair stores.
 * The id is a random UUID chosen when the profile is created and written into the certificate
 * (subject UID), so it stays the same if the reviewer later renews their key, while the
 * certificate binds it to the key that signs.
 */
export const publicReviewerProfileSchema = z.strictObject({
  id: z.uuid({ message: '评审人编号应为 UUID' }),
  name: z.string().trim().min(1, { message: '姓名不能为空' }).max(50, { message: '姓名最多 50 个字' }),
  organization: z.string().trim().min(1, { message: '单位不能为空' }).max(100, { message: '单位最多 100 个字' }),
  field: z.string().trim().max(50, { message: '专业领域最多 50 个字' }),
  role: z.enum(REVIEWER_ROLE_IDS, { message: '角色应为 expert（专家）或 chair（组长）' }),
  certificatePem: z.string().startsWith('-----BEGIN CERTIFICATE-----', { message: '证书应为 PEM 格式' }),
  fingerprint: z.string().regex(FINGERPRINT_PATTERN, { message: '证书指纹应为 64 位小写十六进制数字' }),
  createdAt: z.iso.datetime({ message: '创建时间应为 ISO 8601 时间' }),
});

export type PublicReviewerProfile = z.infer<typeof publicReviewerProfileSchema>;

/** The reviewer on their own computer: the public profile plus the private key, encrypted with their passphrase. */
export interface ReviewerProfile extends PublicReviewerProfile {
  /** Encrypted PKCS#8 (PBES2) PEM; only the passphrase opens it. */
  readonly encryptedKeyPem: string;
}

export function publicProfileOf(profile: ReviewerProfile): PublicReviewerProfile {
  const { encryptedKeyPem: _secret, ...rest } = profile;
  return rest;
}

export const MIN_PASSPHRASE_LENGTH = 8;

/** What a reviewer types to create their identity (设置 → 评审人身份, `jigai reviewer create`). */
export const newReviewerSchema = z.strictObject({
  name: publicReviewerProfileSchema.shape.name,
  organization: publicReviewerProfileSchema.shape.organization,
  field: publicReviewerProfileSchema.shape.field.default(''),
  role: publicReviewerProfileSchema.shape.role,
  passphrase: z.string().min(MIN_PASSPHRASE_LENGTH, { message: `口令至少 ${String(MIN_PASSPHRASE_LENGTH)} 个字符` }),
});

export type NewReviewer = z.input<typeof newReviewerSchema>;
