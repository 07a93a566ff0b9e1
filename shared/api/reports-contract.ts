import { z } from 'zod';

const id = z.string().min(1).max(100);
/** A PDF travelling through the API as base64 (browser mode upload and download). 50 MB is far above any report. */
const pdfBase64 = z.string().min(1).max(70_000_000);
const passphrase = z.string().min(1, { message: '请输入签名口令' }).max(200);

export const reportKindSchema = z.enum(['acceptance', 'expert', 'summary'], { message: '报告种类应为验收报告、专家个人评审表或评审结果汇总表' });
export type ReportKindDto = z.infer<typeof reportKindSchema>;

export const pdfSignatureSchema = z.object({
  signer: z.string(),
  fingerprint: z.string(),
  signedAt: z.string().nullable(),
  valid: z.boolean(),
  coversWholeDocument: z.boolean(),
  problem: z.string().nullable(),
});
export type PdfSignatureDto = z.infer<typeof pdfSignatureSchema>;

export const signatureCheckSchema = z.object({ valid: z.boolean(), signatures: z.array(pdfSignatureSchema) });

/** The made file: written to `path` (desktop) or returned as base64 (browser mode download). */
const fileReply = z.object({ fileName: z.string(), path: z.string().nullable(), base64: z.string().nullable() });

export const reportsContract = {
  /** Draws a report; signs it as this computer's reviewer when a passphrase is given. */
  makeReport: {
    input: z
      .strictObject({
        batchId: id,
        projectId: id.optional(),
        kind: reportKindSchema,
        final: z.boolean(),
        passphrase: passphrase.optional(),
        path: z.string().min(1).max(4096).optional(),
      })
      .refine((r) => (r.kind === 'summary') === (r.projectId === undefined), { message: '评审结果汇总表针对整个批次，其他报告须指定项目', path: ['projectId'] }),
    output: fileReply.extend({
      reportId: z.string(),
      contentSha256: z.string(),
      draft: z.boolean(),
      open: z.array(z.string()),
      signed: z.boolean(),
    }),
  },
  /** Adds this computer's reviewer's signature to a signed report (incremental update: earlier signatures stay valid). */
  countersignReport: {
    input: z.strictObject({ base64: pdfBase64, fileName: z.string().min(1).max(255), passphrase, path: z.string().min(1).max(4096).optional() }),
    output: fileReply.extend({ check: signatureCheckSchema }),
  },
  verifyReport: { input: z.strictObject({ base64: pdfBase64 }), output: signatureCheckSchema },
};
