import { z } from 'zod';

/** Who is working on this laptop: recorded with every decision and signature. */
export const settingsSchema = z.object({
  reviewerName: z.string().max(50),
  reviewerOrganization: z.string().max(100),
  reviewerRole: z.enum(['expert', 'chair']),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { reviewerName: '', reviewerOrganization: '', reviewerRole: 'expert' };

export const settingsContract = {
  getSettings: { input: z.strictObject({}), output: settingsSchema },
  updateSettings: {
    input: z.strictObject({
      reviewerName: z.string().trim().max(50, { message: '姓名最多 50 个字' }).optional(),
      reviewerOrganization: z.string().trim().max(100, { message: '单位最多 100 个字' }).optional(),
      reviewerRole: z.enum(['expert', 'chair']).optional(),
    }),
    output: settingsSchema,
    /** The change is written to the audit log. */
    invalidates: ['listAuditLog'] as const,
  },
};

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  /** The reviewer's id (or `machine` / `legacy` for the computer and the work from before identities). */
  actorId: z.string(),
  actor: z.string(),
  /** The action's label in Chinese. */
  action: z.string(),
  /** The stored action code (shared/audit/audit-action.ts). */
  actionCode: z.string(),
  subject: z.string(),
  details: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** The reviewers' due-diligence record (尽职免责): every import, decision and setting change. */
export const auditContract = {
  listAuditLog: {
    input: z.strictObject({
      subject: z.string().max(300).optional(),
      limit: z.number().int().min(1).max(10_000).default(500),
    }),
    output: z.array(auditEntrySchema),
  },
};
