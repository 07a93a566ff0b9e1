import { z } from 'zod';
import { yuanString } from '../api/money-schema';
import { FINGERPRINT_PATTERN } from '../identity/fingerprint-text';
import { publicReviewerProfileSchema } from '../identity/reviewer-profile';
import type { EnumOption } from '../domain/enums';
import { RECUSAL_KIND_IDS, RECUSAL_KINDS } from '../scoring/recusal';
import { VERDICT_IDS, VERDICTS } from '../scoring/verdict';
import { INSPECTION_STATUSES } from '../codes/codes';
import { INSPECTION_STATUS_LABEL } from '../codes/labels';

/**
 * The expert file (专家评审文件, docs/expert-file.md): one expert's work on one batch, handed to the
 * chair. `content` is what the expert signed; `signature` covers the RFC 8785 canonical form of
 * `content`, so spacing and key order in the file do not matter. Codes are English (labels live in
 * shared/scoring); money and scores are decimal strings.
 */
export const EXPERT_FILE_FORMAT = 'jigai-expert-file';
export const EXPERT_FILE_FORMAT_VERSION = 1;
/**
 * A file that carries 现场核查 (observations and photos) is written as version 2, so a chair's older
 * copy of the product says "use a newer version" instead of listing unknown fields; a file without
 * them stays version 1, byte for byte what older versions wrote and read.
 */
export const EXPERT_FILE_FORMAT_VERSION_WITH_INSPECTION = 2;
export const EXPERT_FILE_SIGNATURE_ALGORITHM = 'RSASSA-PKCS1-v1_5-SHA256';
export const EXPERT_FILE_CANONICALIZATION = 'RFC8785';

/** The codes a file must use, each with the label a chair knows: `pass（通过）、…`. */
const codesWithLabels = (options: readonly EnumOption<string>[]) => options.map((o) => `${o.id}（${o.label}）`).join('、');

const text = (max: number, what: string) => z.string().max(max, { message: `${what}最多 ${String(max)} 个字` });
const id = (what: string) =>
  z
    .string()
    .trim()
    .min(1, { message: `${what}不能为空` })
    .max(100, { message: `${what}最多 100 个字符` });

/** An item score: 0 to 100 in steps of 0.5, written without needless zeros ("18", "18.5"). */
export const itemScoreString = z.string().regex(/^(?:0|[1-9]\d?|100)(?:\.5)?$/u, { message: '分数应为 0–100 之间、以 0.5 为步长的数字字符串，如 "18" 或 "18.5"' });

export const recusalSchema = z.strictObject({
  kind: z.enum(RECUSAL_KIND_IDS, { message: `回避原因应为 ${codesWithLabels(RECUSAL_KINDS)} 之一` }),
  note: text(500, '回避说明'),
});

export const invoiceDecisionEntrySchema = z.strictObject({
  invoiceKey: id('发票标识'),
  occurrence: z.int({ message: '发票出现次序应为整数' }).min(1, { message: '发票出现次序从 1 开始' }),
  kind: z.enum(['accept', 'reduce', 'reject'], { message: '发票认定结果应为 accept（认定）、reduce（核减）或 reject（不予认定）' }),
  /** The amount (excluding tax) that counts after 核减; null otherwise. */
  amount: yuanString.nullable(),
  reason: text(1000, '认定理由'),
  decidedAt: z.iso.datetime({ message: '认定时间应为 ISO 8601 时间' }),
});

/** A correction (更正) the expert's figures rest on: field, value on the sheet, corrected value, why, the attachment page. */
export const correctionEntrySchema = z.strictObject({
  target: z.enum(['invoice', 'contract'], { message: '更正对象应为 invoice（发票）或 contract（合同）' }),
  targetKey: id('发票标识或合同编号'),
  occurrence: z.int({ message: '发票出现次序应为整数' }).min(1, { message: '发票出现次序从 1 开始' }),
  field: id('更正字段'),
  oldValue: text(500, '申报表原值'),
  newValue: text(500, '更正后的值'),
  reason: text(1000, '更正理由'),
  evidence: text(300, '更正依据'),
  correctedAt: z.iso.datetime({ message: '更正时间应为 ISO 8601 时间' }),
});

const sha256 = z.string().regex(/^[0-9a-f]{64}$/u, { message: '照片校验值应为 64 位小写十六进制数字（SHA-256）' });
const instant = (what: string) => z.iso.datetime({ message: `${what}应为 ISO 8601 时间` });

/** A photo as the observation refers to it; its bytes travel in the file's `photos`, bound by this SHA-256. */
export const inspectionPhotoEntrySchema = z.strictObject({
  sha256,
  fileName: text(255, '照片文件名'),
  mime: z.enum(['image/jpeg', 'image/png'], { message: '照片类型应为 image/jpeg 或 image/png' }),
  /** The camera's capture time (EXIF or the app's camera), local time; null when unknown. */
  takenAt: text(40, '拍摄时间').nullable(),
  addedAt: instant('照片添加时间'),
  width: z.int({ message: '照片宽度应为整数' }).min(1, { message: '照片宽度应大于 0' }),
  height: z.int({ message: '照片高度应为整数' }).min(1, { message: '照片高度应大于 0' }),
});

const statusCodes = INSPECTION_STATUSES.map((s) => `${s}（${INSPECTION_STATUS_LABEL[s]}）`).join('、');

/** What the expert saw of one equipment line of the checklist (the line id is the package's, same on every copy). */
export const lineObservationEntrySchema = z.strictObject({
  lineId: id('设备清单条目编号'),
  status: z.enum(INSPECTION_STATUSES, { message: `现场状态应为 ${statusCodes} 之一` }),
  quantitySeen: z
    .string()
    .regex(/^\d{1,12}(\.\d{1,4})?$/u, { message: '清点数量应为数字，如 2 或 2.5' })
    .nullable(),
  modelSeen: text(200, '现场型号').nullable(),
  serialNumber: text(200, '铭牌编号').nullable(),
  note: text(2000, '核查说明'),
  photos: z.array(inspectionPhotoEntrySchema).max(50, { message: '每台设备最多 50 张照片' }),
  observedAt: instant('核查时间'),
});

export const indicatorObservationEntrySchema = z.strictObject({
  indicatorId: id('绩效指标编号'),
  value: text(100, '现场核查值'),
  note: text(2000, '核查说明'),
  observedAt: instant('核查时间'),
});

/** 现场核查: the expert's observations of the project's checklist. */
export const inspectionEntrySchema = z.strictObject({
  lines: z.array(lineObservationEntrySchema),
  indicators: z.array(indicatorObservationEntrySchema),
});

/**
 * A photo's bytes (the original, never altered: it is the evidence and the chair has no other copy).
 * Outside the signed content, bound to it by the SHA-256 the content lists; the chair's copy checks
 * every photo's hash before anything is stored.
 */
export const photoBytesSchema = z.strictObject({
  sha256,
  base64: z.string().min(1, { message: '照片内容为空' }).max(34_000_000, { message: '照片超过 25 MB' }),
});

const recusedProjectSchema = z.strictObject({
  projectId: id('项目编号'),
  recusal: recusalSchema,
});

const scoredProjectSchema = z.strictObject({
  projectId: id('项目编号'),
  recusal: z.null(),
  /** By rubric item id; an item not yet scored is absent. */
  scores: z.record(id('评分项编号'), itemScoreString),
  comments: z.record(id('评分项编号'), text(2000, '评分说明')),
  verdict: z.enum(VERDICT_IDS, { message: `评审结论应为 ${codesWithLabels(VERDICTS)} 之一` }).nullable(),
  opinion: text(5000, '评审意见'),
  invoiceDecisions: z.array(invoiceDecisionEntrySchema),
  /** Absent when there are none, so a file without corrections reads as before. */
  corrections: z.array(correctionEntrySchema).optional(),
  /** Absent when the expert recorded nothing on site (and in every file of format version 1). */
  inspection: inspectionEntrySchema.optional(),
});

export const expertProjectSchema = z.union([recusedProjectSchema, scoredProjectSchema], { message: '项目条目应为回避声明（仅含 projectId 与 recusal）或评分结果' });

/**
 * Which form of `expertProjectSchema` an entry meant (its index in the union): `recusal: null` marks
 * a scored project. Used to report the problems of that form rather than "matches neither".
 */
export function intendedProjectForm(entry: unknown): 0 | 1 {
  const recusal = typeof entry === 'object' && entry !== null ? (entry as { recusal?: unknown }).recusal : undefined;
  return recusal === null ? 1 : 0;
}

export const expertFileContentSchema = z
  .strictObject({
    format: z.literal(EXPERT_FILE_FORMAT, { message: `不是专家评审文件（format 应为 "${EXPERT_FILE_FORMAT}"）` }),
    formatVersion: z.union([z.literal(EXPERT_FILE_FORMAT_VERSION), z.literal(EXPERT_FILE_FORMAT_VERSION_WITH_INSPECTION)], {
      message: `文件格式版本应为 ${String(EXPERT_FILE_FORMAT_VERSION)} 或 ${String(EXPERT_FILE_FORMAT_VERSION_WITH_INSPECTION)}；请使用更新版本的技改评审打开`,
    }),
    batch: z.strictObject({
      id: id('批次编号'),
      packageSha256: z.string().regex(/^[0-9a-f]{64}$/u, { message: '材料包校验值应为 64 位小写十六进制数字' }),
    }),
    expert: publicReviewerProfileSchema,
    rubric: z.strictObject({ id: id('评分细则编号'), version: z.int({ message: '评分细则版本应为整数' }).min(1, { message: '评分细则版本从 1 开始' }) }),
    /** Grows by one with every export, so the chair never lets an older file overwrite newer work. */
    version: z.int({ message: '导出次数应为整数' }).min(1, { message: '导出次数从 1 开始' }),
    exportedAt: z.iso.datetime({ message: '导出时间应为 ISO 8601 时间' }),
    projects: z.array(expertProjectSchema),
  })
  .superRefine((content, ctx) => {
    const seen = new Set<string>();
    content.projects.forEach((project, index) => {
      if (seen.has(project.projectId)) ctx.addIssue({ code: 'custom', path: ['projects', index, 'projectId'], message: `项目「${project.projectId}」出现了两次` });
      seen.add(project.projectId);
      if (project.recusal === null && project.inspection !== undefined && content.formatVersion === EXPERT_FILE_FORMAT_VERSION)
        ctx.addIssue({
          code: 'custom',
          path: ['projects', index, 'inspection'],
          message: `现场核查记录只能出现在第 ${String(EXPERT_FILE_FORMAT_VERSION_WITH_INSPECTION)} 版格式的文件中`,
        });
    });
  });

export const expertFileSchema = z.strictObject({
  content: expertFileContentSchema,
  signature: z.strictObject({
    algorithm: z.literal(EXPERT_FILE_SIGNATURE_ALGORITHM, { message: `签名算法应为 ${EXPERT_FILE_SIGNATURE_ALGORITHM}` }),
    canonicalization: z.literal(EXPERT_FILE_CANONICALIZATION, { message: `规范化方法应为 ${EXPERT_FILE_CANONICALIZATION}` }),
    certificateFingerprint: z.string().regex(FINGERPRINT_PATTERN, { message: '证书指纹应为 64 位小写十六进制数字' }),
    value: z.base64({ message: '签名值应为 Base64 编码' }),
  }),
  /** The photos of the 现场核查 observations, each once; absent when there are none. */
  photos: z.array(photoBytesSchema).optional(),
});

export type ExpertFileContent = z.infer<typeof expertFileContentSchema>;
export type ExpertFile = z.infer<typeof expertFileSchema>;
export type ExpertProject = z.infer<typeof expertProjectSchema>;
export type InvoiceDecisionEntry = z.infer<typeof invoiceDecisionEntrySchema>;
export type CorrectionEntry = z.infer<typeof correctionEntrySchema>;
export type Recusal = z.infer<typeof recusalSchema>;
export type InspectionEntry = z.infer<typeof inspectionEntrySchema>;
export type LineObservationEntry = z.infer<typeof lineObservationEntrySchema>;
export type IndicatorObservationEntry = z.infer<typeof indicatorObservationEntrySchema>;
export type PhotoBytes = z.infer<typeof photoBytesSchema>;
