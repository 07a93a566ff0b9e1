import { z } from 'zod';
import { newReviewerSchema } from '../identity/reviewer-profile';
import { REVIEWER_ROLE_IDS } from '../identity/reviewer-role';

/**
 * The reviewer working on this computer (评审人身份) and the panel a chair works with. The passphrase
 * travels only into `createMyReviewer` and the signing calls; it is never stored or answered.
 */

export const reviewerRoleSchema = z.enum(REVIEWER_ROLE_IDS);
export const CONFIRMATION_METHOD_IDS = ['phone', 'paper', 'in-person'] as const;
export const confirmationMethodSchema = z.enum(CONFIRMATION_METHOD_IDS, { message: '核对方式应为电话、纸面或当面' });

export const myReviewerSchema = z.object({
  id: z.string(),
  name: z.string(),
  organization: z.string(),
  field: z.string(),
  role: reviewerRoleSchema,
  /** The certificate fingerprint in sixteen groups of four digits, to be read aloud to the chair. */
  fingerprint: z.string(),
  createdAt: z.string(),
});
export type MyReviewerDto = z.infer<typeof myReviewerSchema>;

export const panelMemberSchema = z.object({
  /** Null for a confirmed signer whose expert file was not imported yet. */
  id: z.string().nullable(),
  name: z.string(),
  organization: z.string(),
  field: z.string(),
  role: reviewerRoleSchema.nullable(),
  /** Grouped for reading (sixteen groups of four). */
  fingerprint: z.string(),
  /** This computer's reviewer. */
  own: z.boolean(),
  /** The chair confirmed this fingerprint with the expert. */
  confirmation: z.object({ method: confirmationMethodSchema, note: z.string(), confirmedAt: z.string() }).nullable(),
  /** The latest expert file imported from this member, per batch. */
  imported: z.array(z.object({ batchId: z.string(), version: z.number().int(), importedAt: z.string() })),
});
export type PanelMemberDto = z.infer<typeof panelMemberSchema>;

/** An organisation's certificate that signs this reviewer's PDF reports instead of the self-made one. */
export const signingCertificateSchema = z.object({
  subject: z.string(),
  organization: z.string(),
  issuer: z.string(),
  fingerprint: z.string(),
  notAfter: z.string(),
  importedAt: z.string(),
});
export type SigningCertificateDto = z.infer<typeof signingCertificateSchema>;

export const reviewersContract = {
  /** Null until the reviewer has created their identity. */
  getMyReviewer: { input: z.strictObject({}), output: z.object({ reviewer: myReviewerSchema.nullable() }) },
  createMyReviewer: {
    input: newReviewerSchema,
    output: myReviewerSchema,
    invalidates: ['getMyReviewer', 'listPanelMembers', 'listAuditLog', 'getAuditChainStatus', 'listProjects'] as const,
  },
  /** The organisation certificate that signs reports, null while the self-made one does. */
  getSigningCertificate: { input: z.strictObject({}), output: z.object({ certificate: signingCertificateSchema.nullable() }) },
  /** Imports an organisation's PKCS#12 file (.p12/.pfx) to sign reports with. */
  importSigningCertificate: {
    input: z.strictObject({
      /** The file's bytes (at most 1 MB; a PKCS#12 file is a few KB). */
      base64: z.string().min(1, { message: '请选择证书文件' }).max(1_400_000, { message: '证书文件过大，不是 PKCS#12 证书文件' }),
      filePassphrase: z.string().max(200),
      passphrase: z.string().min(1, { message: '请输入评审人口令' }).max(200),
      /** The name of the file the user chose, for the messages about it. */
      fileName: z.string().max(260).optional(),
    }),
    output: z.object({ certificate: signingCertificateSchema }),
    invalidates: ['getSigningCertificate', 'listAuditLog', 'getAuditChainStatus'] as const,
  },
  /** Panel members known here (own, imported experts) and the signers the chair confirmed. */
  listPanelMembers: { input: z.strictObject({}), output: z.object({ members: z.array(panelMemberSchema) }) },
  /** The chair confirms an expert's certificate fingerprint (typed or pasted as read out by the expert). */
  trustSigner: {
    input: z.strictObject({
      fingerprint: z.string().trim().min(1, { message: '请填写证书指纹' }).max(200),
      name: z.string().trim().min(1, { message: '请填写专家姓名' }).max(50, { message: '姓名最多 50 个字' }),
      organization: z.string().trim().max(100, { message: '单位最多 100 个字' }).default(''),
      method: confirmationMethodSchema,
      note: z.string().trim().max(500, { message: '备注最多 500 个字' }).default(''),
    }),
    output: z.object({ members: z.array(panelMemberSchema) }),
    invalidates: ['listPanelMembers', 'listAuditLog', 'getAuditChainStatus'] as const,
  },
  distrustSigner: {
    input: z.strictObject({ fingerprint: z.string().trim().min(1, { message: '请填写证书指纹' }).max(200) }),
    output: z.object({ members: z.array(panelMemberSchema) }),
    invalidates: ['listPanelMembers', 'listAuditLog', 'getAuditChainStatus'] as const,
  },
};
