import { z } from 'zod';
import { CONSOLIDATION_METHOD_IDS } from '../scoring/consolidate';
import { RECUSAL_KIND_IDS } from '../scoring/recusal';
import { VERDICT_IDS } from '../scoring/verdict';
import { EXPERT_FILE_REFUSAL_CODES } from '../expert-file/expert-file-refusal';

/**
 * Scoring (评分), recusal (回避声明), expert files (专家评审文件) and the chair's consolidation (汇总).
 * Scores cross the boundary as decimal strings in half points ("18.5"); codes are English ids whose
 * Chinese labels live in shared/scoring and shared/audit.
 */

const id = z.string().min(1).max(100);
const batchRef = z.strictObject({ batchId: id });
const projectRef = z.strictObject({ batchId: id, projectId: id });
const points = z.string().regex(/^\d{1,3}(?:\.\d{1,2})?$/u, { message: '分数应为数字，如 18 或 18.5' });
const passphrase = z.string().min(1, { message: '请输入口令' }).max(1000);

export const verdictSchema = z.enum(VERDICT_IDS, { message: '评审结论应为通过、基本通过或不通过' });
export const recusalKindSchema = z.enum(RECUSAL_KIND_IDS, { message: '请选择回避原因' });
export const consolidationMethodSchema = z.enum(CONSOLIDATION_METHOD_IDS, { message: '请选择汇总方法' });

export const recusalInputSchema = z
  .strictObject({ kind: recusalKindSchema, note: z.string().trim().max(500, { message: '回避说明最多 500 个字' }).default('') })
  .refine((r) => r.kind !== 'other' || r.note.length > 0, { message: '回避原因为“其他利害关系”时须填写说明', path: ['note'] });

export const rubricItemDtoSchema = z.object({
  id: z.string(),
  title: z.string(),
  max: z.string(),
  description: z.string(),
  guidance: z.array(z.object({ from: z.string(), to: z.string(), text: z.string() })),
  evidence: z.array(z.string()),
  /** Where in the policy text the item rests, e.g. 「…」第三条第（二）项. */
  source: z.string(),
});

export const batchRubricSchema = z.object({
  batchId: z.string(),
  rubricId: z.string(),
  name: z.string(),
  version: z.number().int(),
  /** Frozen once the first score was recorded: then it can no longer be adjusted. */
  frozen: z.boolean(),
  /** The chair may still adjust it (chair role and not frozen). */
  adjustable: z.boolean(),
  document: z.string(),
  items: z.array(rubricItemDtoSchema),
});
export type BatchRubricDto = z.infer<typeof batchRubricSchema>;

export const scoreProblemSchema = z.object({
  itemId: z.string().nullable(),
  field: z.enum(['score', 'comment', 'verdict', 'opinion']),
  message: z.string(),
});

/** How far one reviewer's scoring of one project is. */
export const scoringProgressSchema = z.object({
  projectId: z.string(),
  state: z.enum(['not-started', 'in-progress', 'complete', 'recused']),
  scoredItems: z.number().int(),
  items: z.number().int(),
  /** Sum of the item scores once every item is scored, else null. */
  total: z.string().nullable(),
  verdict: verdictSchema.nullable(),
});
export type ScoringProgressDto = z.infer<typeof scoringProgressSchema>;

export const scoringSheetSchema = z.object({
  batchId: z.string(),
  projectId: z.string(),
  rubric: batchRubricSchema,
  recusal: z.object({ kind: recusalKindSchema, note: z.string() }).nullable(),
  /** A recusal (or none) has been declared; scoring needs it first. */
  recusalDeclared: z.boolean(),
  items: z.array(
    z.object({
      itemId: z.string(),
      score: z.string().nullable(),
      comment: z.string(),
      /** The attachment (file name) and page a comment rests on. */
      attachment: z.string().nullable(),
      page: z.number().int().nullable(),
      commentRequired: z.boolean(),
    }),
  ),
  verdict: verdictSchema.nullable(),
  opinion: z.string(),
  problems: z.array(scoreProblemSchema),
  progress: scoringProgressSchema,
  updatedAt: z.string().nullable(),
});
export type ScoringSheetDto = z.infer<typeof scoringSheetSchema>;

export const scoreSavedSchema = z.object({
  problems: z.array(scoreProblemSchema),
  progress: scoringProgressSchema,
});

const changeValue = z.string().nullable();
export const expertFileChangeSchema = z.object({
  kind: z.enum(['recusal', 'score', 'comment', 'verdict', 'opinion', 'invoice-decision', 'correction', 'inspection-line', 'inspection-indicator']),
  /** The rubric item (score, comment), invoice (invoice decision) or checklist line / indicator (现场核查) concerned. */
  itemId: z.string().nullable(),
  /** What the change is about, in Chinese (item title, 评审结论, 回避声明, 发票 …). */
  what: z.string(),
  old: changeValue,
  new: changeValue,
});
export type ExpertFileChange = z.infer<typeof expertFileChangeSchema>;

export const expertFilePreviewSchema = z.discriminatedUnion('accepted', [
  z.object({
    accepted: z.literal(false),
    code: z.enum(EXPERT_FILE_REFUSAL_CODES),
    message: z.string(),
    problems: z.array(z.string()),
    /** Who signed the file, when it could be read: lets the chair confirm an unknown signer. */
    signer: z.object({ name: z.string(), organization: z.string(), fingerprint: z.string() }).nullable(),
  }),
  z.object({
    accepted: z.literal(true),
    /** Hand this to applyExpertFileImport after the chair approved the change list. */
    importId: z.string(),
    batchId: z.string(),
    expert: z.object({ id: z.string(), name: z.string(), organization: z.string(), fingerprint: z.string() }),
    version: z.number().int(),
    previousVersion: z.number().int().nullable(),
    exportedAt: z.string(),
    projects: z.array(z.object({ projectId: z.string(), projectName: z.string(), changes: z.array(expertFileChangeSchema) })),
  }),
]);
export type ExpertFilePreviewDto = z.infer<typeof expertFilePreviewSchema>;

export const consolidationSchema = z.object({
  batchId: z.string(),
  method: consolidationMethodSchema,
  divergencePoints: z.string(),
  rubric: batchRubricSchema,
  experts: z.array(z.object({ id: z.string(), name: z.string(), organization: z.string(), own: z.boolean() })),
  panelMean: z.string().nullable(),
  panelStandardDeviation: z.string().nullable(),
  projects: z.array(
    z.object({
      projectId: z.string(),
      projectName: z.string(),
      /** This computer's reviewer is recused: the project's panel scores are not shown. */
      hidden: z.boolean(),
      rows: z.array(
        z.object({
          expertId: z.string(),
          recusal: z.object({ kind: recusalKindSchema, note: z.string() }).nullable(),
          /** Item id → score; null where not scored. */
          items: z.record(z.string(), z.string().nullable()),
          total: z.string().nullable(),
          /** Counted in the figures (not recused, every item scored). */
          counted: z.boolean(),
          verdict: verdictSchema.nullable(),
          opinion: z.string(),
          normalised: z.string().nullable(),
        }),
      ),
      mean: z.string().nullable(),
      trimmedMean: z.string().nullable(),
      median: z.string().nullable(),
      spread: z.string().nullable(),
      normalised: z.string().nullable(),
      /** The figure of the chosen method. */
      figure: z.string().nullable(),
      rank: z.number().int().nullable(),
      divergent: z.array(
        z.object({
          expertId: z.string(),
          total: z.string(),
          median: z.string(),
          distance: z.string(),
          /** The expert's comments on the project's items, to read why. */
          comments: z.array(z.object({ itemId: z.string(), comment: z.string() })),
        }),
      ),
      /** Counted totals, for the distribution chart. */
      distribution: z.array(z.string()),
      panelOpinion: z.object({ verdict: verdictSchema.nullable(), opinion: z.string(), saved: z.boolean() }),
    }),
  ),
});
export type ConsolidationDto = z.infer<typeof consolidationSchema>;

export const panelOpinionSchema = z.object({
  batchId: z.string(),
  projectId: z.string(),
  /** Drafted from the experts' verdicts and opinions. */
  draft: z.object({ verdict: verdictSchema.nullable(), opinion: z.string() }),
  saved: z.object({ verdict: verdictSchema, opinion: z.string(), savedAt: z.string() }).nullable(),
});

export const auditChainStatusSchema = z.object({
  holds: z.boolean(),
  entries: z.number().int(),
  firstBroken: z
    .object({ id: z.number().int(), at: z.string(), action: z.string(), actionLabel: z.string(), reason: z.enum(['altered', 'out-of-chain']), message: z.string() })
    .nullable(),
});
export type AuditChainStatusDto = z.infer<typeof auditChainStatusSchema>;

const scoringViews = ['getScoringSheet', 'listScoringProgress', 'getConsolidation', 'getPanelOpinion', 'listAuditLog', 'getAuditChainStatus'] as const;

export const panelContract = {
  /** The batch's rubric: the default for its policy and stage until the chair adjusts it; frozen by the first score. */
  getBatchRubric: { input: batchRef, output: batchRubricSchema },
  /** Chair only, before scoring starts: item maxima (sum 100), titles, descriptions and guidance. */
  adjustBatchRubric: {
    input: batchRef.extend({
      items: z
        .array(
          z.strictObject({
            id,
            title: z.string().trim().min(1, { message: '评分项名称不能为空' }).max(100),
            max: points,
            description: z.string().trim().min(1, { message: '评分项说明不能为空' }).max(2000),
            guidance: z.array(z.strictObject({ from: points, to: points, text: z.string().trim().min(1, { message: '评分指引不能为空' }).max(2000) })).min(1),
            /** Required for an added item; an existing item keeps its own when left out. */
            evidence: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
          }),
        )
        .min(1, { message: '评分标准至少要有一个评分项' }),
    }),
    output: batchRubricSchema,
    invalidates: ['getBatchRubric', ...scoringViews] as const,
  },
  getScoringSheet: { input: projectRef, output: scoringSheetSchema },
  /** The own reviewer's progress on every project of the batch (项目 list). */
  listScoringProgress: { input: batchRef, output: z.object({ projects: z.array(scoringProgressSchema) }) },
  /** null: no conflict (无利害关系). Declaring a conflict keeps earlier scores out of every aggregate. */
  setRecusal: {
    input: projectRef.extend({ recusal: recusalInputSchema.nullable() }),
    output: scoringSheetSchema,
    invalidates: [...scoringViews] as const,
  },
  /** Autosave of one item: score (null clears it) and/or comment; answers the remaining problems and progress. */
  saveItemScore: {
    input: projectRef.extend({
      itemId: id,
      score: points.nullable().optional(),
      comment: z.string().max(2000, { message: '评语最多 2000 个字' }).optional(),
      attachment: z.string().max(500).nullable().optional(),
      page: z.number().int().min(1).nullable().optional(),
    }),
    output: scoreSavedSchema,
    invalidates: ['listScoringProgress', 'getConsolidation', 'listAuditLog', 'getAuditChainStatus', 'getBatchRubric'] as const,
  },
  saveVerdict: {
    input: projectRef.extend({ verdict: verdictSchema.nullable(), opinion: z.string().max(5000, { message: '评审意见最多 5000 个字' }) }),
    output: scoreSavedSchema,
    invalidates: ['listScoringProgress', 'getConsolidation', 'getPanelOpinion', 'listAuditLog', 'getAuditChainStatus'] as const,
  },
  /** Signs the own reviewer's work on the batch; writes to `path` or answers the bytes (browser download). */
  exportExpertFile: {
    input: batchRef.extend({ passphrase, path: z.string().min(1).max(4096).optional() }),
    output: z.object({ fileName: z.string(), path: z.string().nullable(), base64: z.string().nullable(), version: z.number().int() }),
    invalidates: ['listAuditLog', 'getAuditChainStatus'] as const,
  },
  /** Chair: checks a file and lists what it would change; nothing is stored in the scores until applied. */
  previewExpertFileImport: {
    input: z.strictObject({ path: z.string().min(1, { message: '请选择文件' }).max(4096) }),
    output: expertFilePreviewSchema,
  },
  applyExpertFileImport: {
    input: z.strictObject({ importId: id }),
    output: z.object({ batchId: z.string(), expertName: z.string(), version: z.number().int(), projects: z.number().int(), invoiceDecisions: z.number().int() }),
    // The file also brings the expert's invoice decisions and 现场核查 observations.
    invalidates: ['listPanelMembers', ...scoringViews, 'getProjectVerification', 'getInspection'] as const,
  },
  discardExpertFileImport: { input: z.strictObject({ importId: id }), output: z.object({ discarded: z.boolean() }) },
  getConsolidation: { input: batchRef, output: consolidationSchema },
  setConsolidationMethod: {
    input: batchRef.extend({ method: consolidationMethodSchema, divergencePoints: points }),
    output: consolidationSchema,
    invalidates: ['getConsolidation', 'listAuditLog', 'getAuditChainStatus'] as const,
  },
  getPanelOpinion: { input: projectRef, output: panelOpinionSchema },
  savePanelOpinion: {
    input: projectRef.extend({
      verdict: verdictSchema,
      opinion: z.string().trim().min(1, { message: '请填写专家组意见' }).max(5000, { message: '专家组意见最多 5000 个字' }),
    }),
    output: panelOpinionSchema,
    invalidates: ['getConsolidation', 'getPanelOpinion', 'listAuditLog', 'getAuditChainStatus'] as const,
  },
  /** Whether the 操作记录 chain holds, or the first entry that breaks it. */
  getAuditChainStatus: { input: z.strictObject({}), output: auditChainStatusSchema },
};
