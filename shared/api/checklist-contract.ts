import { z } from 'zod';
import { stageSchema } from './code-schemas';
import { yuanString } from './money-schema';

/**
 * What the panel records per project besides invoice decisions: the advances already paid (预拨资金,
 * seed 000 §五(四)) and the 资格条件核查表 — conditions of the policy text the software cannot
 * compute, confirmed by the panel, each with its source paragraph.
 */

const id = z.string().min(1).max(100);
const projectRef = z.strictObject({ batchId: id, projectId: id });

export const checkStatusSchema = z.enum(['met', 'not-met']);
export type CheckStatus = z.infer<typeof checkStatusSchema>;

export const checklistItemSchema = z.object({
  id: z.string(),
  label: z.string(),
  description: z.string(),
  /** Cited as a reader reads it: 《文件名》§五(四). */
  source: z.string(),
  /** null until the panel confirms it. */
  status: checkStatusSchema.nullable(),
  note: z.string(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string().nullable(),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const projectChecklistSchema = z.object({
  batchId: z.string(),
  projectId: z.string(),
  policyName: z.string(),
  stage: stageSchema,
  items: z.array(checklistItemSchema),
  advances: z.object({ application: yuanString.nullable(), midterm: yuanString.nullable(), total: yuanString.nullable() }),
});
export type ProjectChecklist = z.infer<typeof projectChecklistSchema>;

export const checklistContract = {
  getProjectChecklist: { input: projectRef, output: projectChecklistSchema },
  confirmCondition: {
    input: projectRef.extend({
      conditionId: id,
      /** null withdraws an earlier confirmation. */
      status: checkStatusSchema.nullable(),
      note: z.string().trim().max(500, { message: '说明最多 500 个字' }).optional(),
    }),
    output: projectChecklistSchema,
    invalidates: ['getProjectVerification', 'listAuditLog'] as const,
  },
  recordAdvance: {
    input: projectRef.extend({ stage: z.enum(['application', 'midterm'], { message: '预拨资金的阶段应为立项或中期评估' }), amount: yuanString }),
    output: projectChecklistSchema,
    invalidates: ['getProjectVerification', 'listAuditLog'] as const,
  },
};
