import { z } from 'zod';
import { inspectionLineSourceSchema, inspectionStatusSchema, stageSchema } from './code-schemas';
import { yuanString } from './money-schema';

/**
 * 现场核查 (on-site inspection) at mid-term and acceptance: a checklist of the equipment lines the
 * contracts and invoices claim and of the project's 绩效指标, what each expert saw on site (status,
 * counted quantity, model, nameplate serial number, photos), and the findings and proposed 核减 that
 * follow. Observations are per reviewer, like invoice decisions; the chair sees each expert's named.
 */

const id = z.string().min(1).max(100);
const projectRef = z.strictObject({ batchId: id, projectId: id });
/** A count or measured value as a decimal string ("2", "0.85", "85.5"): never a float. */
const decimalString = z.string().regex(/^\d{1,12}(\.\d{1,4})?$/u, { message: '应为数字，如 2 或 85.5' });
const sha256 = z.string().regex(/^[0-9a-f]{64}$/u, { message: '照片编号无效' });

export const inspectionPhotoSchema = z.object({
  sha256: z.string(),
  /** The file name as chosen or made by the camera (拍摄 2026-11-26 10:32.jpg). */
  fileName: z.string(),
  mime: z.string(),
  /** Capture time read from the photo's EXIF (DateTimeOriginal), as local time "2026-11-26T10:32:05"; null when the file carries none. */
  takenAt: z.string().nullable(),
  /** When the photo was added to the product (ISO instant). */
  addedAt: z.string(),
  width: z.number().int(),
  height: z.number().int(),
});
export type InspectionPhoto = z.infer<typeof inspectionPhotoSchema>;

export const lineObservationSchema = z.object({
  reviewerId: z.string(),
  reviewerName: z.string(),
  status: inspectionStatusSchema,
  /** Counted on site; expected with 型号或数量不符, optional otherwise. */
  quantitySeen: z.string().nullable(),
  modelSeen: z.string().nullable(),
  /** 铭牌编号 read off the nameplate. */
  serialNumber: z.string().nullable(),
  note: z.string(),
  photos: z.array(inspectionPhotoSchema),
  /** When the observation was recorded (ISO instant). */
  observedAt: z.string(),
});
export type LineObservation = z.infer<typeof lineObservationSchema>;

export const inspectionLineInvoiceSchema = z.object({
  /** The invoice key the verification uses (as in `jigai verify --json`). */
  key: z.string(),
  /** 发票号码 as printed. */
  number: z.string(),
  /** This line's amount on that invoice (excluding tax, as counted). */
  amount: yuanString,
  /** The invoice's row on the 发票 sheet, as 发票核验 lists it. */
  rowNo: z.number().int().optional(),
});

export const inspectionLineSchema = z.object({
  /** Stable across re-imports of the same package: derived from the contract and the line's own content. */
  id: z.string(),
  name: z.string(),
  /** 规格型号 where the e-invoice line items carry it. */
  model: z.string().nullable(),
  /** Invoiced quantity (decimal string); null when only the invoice sheet's row is known (then one lot). */
  quantity: z.string().nullable(),
  unit: z.string().nullable(),
  /** Unit price excluding tax, where the line items give it. */
  unitPrice: yuanString.nullable(),
  amount: yuanString,
  supplier: z.string(),
  contractNo: z.string(),
  contractName: z.string(),
  invoices: z.array(inspectionLineInvoiceSchema),
  source: inspectionLineSourceSchema,
  /** The acting reviewer's own observation; null until recorded. */
  mine: lineObservationSchema.nullable(),
  /** Every reviewer's observation (the chair sees the experts' from their files), the acting reviewer's included. */
  observations: z.array(lineObservationSchema),
  /**
   * The 核减 the acting reviewer's observation proposes for the reviewer to decide: the part not seen,
   * quantity × unit price where the lines give them, the whole line otherwise; null when nothing is proposed.
   */
  proposedReduction: yuanString.nullable(),
  /** How the proposal was computed, in Chinese (未见 2 台 × 单价 175,887.00 元 = 351,774.00 元). */
  proposalExplanation: z.string().nullable(),
});
export type InspectionLine = z.infer<typeof inspectionLineSchema>;

export const indicatorObservationSchema = z.object({
  reviewerId: z.string(),
  reviewerName: z.string(),
  value: z.string(),
  note: z.string(),
  observedAt: z.string(),
});

export const inspectionIndicatorSchema = z.object({
  id: z.string(),
  /** 建设指标 / 技术指标 / 经济指标. */
  category: z.string(),
  name: z.string(),
  unit: z.string(),
  /** 目标值 and 完成值 as the package states them (text: some are "≥85%"). */
  target: z.string(),
  claimed: z.string(),
  mine: indicatorObservationSchema.nullable(),
  observations: z.array(indicatorObservationSchema),
  /** The acting reviewer's observed value is below the target (when both read as numbers). */
  belowTarget: z.boolean(),
});
export type InspectionIndicator = z.infer<typeof inspectionIndicatorSchema>;

export const projectInspectionSchema = z.object({
  batchId: z.string(),
  projectId: z.string(),
  projectName: z.string(),
  stage: stageSchema,
  lines: z.array(inspectionLineSchema),
  indicators: z.array(inspectionIndicatorSchema),
  /** The acting reviewer's progress: lines and indicators with an observation, of all. */
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
});
export type ProjectInspection = z.infer<typeof projectInspectionSchema>;

/** At most 25 MB per photo (a 48-megapixel phone JPEG is about 15 MB); base64 is 4/3 of that. */
const photoBase64 = z.string().min(1, { message: '照片为空' }).max(34_000_000, { message: '照片超过 25 MB' });

export const inspectionContract = {
  getInspection: { input: projectRef, output: projectInspectionSchema },
  /** Records (or replaces) the acting reviewer's observation of one line; answers the line as it now stands. */
  recordLineObservation: {
    input: projectRef.extend({
      lineId: id,
      status: inspectionStatusSchema,
      quantitySeen: decimalString.nullable().optional(),
      modelSeen: z.string().trim().max(200, { message: '型号最多 200 个字' }).nullable().optional(),
      serialNumber: z.string().trim().max(200, { message: '铭牌编号最多 200 个字' }).nullable().optional(),
      note: z.string().trim().max(2000, { message: '说明最多 2000 个字' }).optional(),
      /** Photos already added with addInspectionPhoto, in the order shown. */
      photos: z.array(sha256).max(50, { message: '每条最多 50 张照片' }).optional(),
    }),
    output: inspectionLineSchema,
    invalidates: ['getInspection', 'getProjectVerification', 'listAuditLog', 'getAuditChainStatus'] as const,
  },
  /** Withdraws the acting reviewer's observation of one line (a wrong click); the photos stay stored. */
  clearLineObservation: {
    input: projectRef.extend({ lineId: id }),
    output: inspectionLineSchema,
    invalidates: ['getInspection', 'getProjectVerification', 'listAuditLog', 'getAuditChainStatus'] as const,
  },
  recordIndicatorObservation: {
    input: projectRef.extend({
      indicatorId: id,
      value: z.string().trim().min(1, { message: '请填写现场核查值' }).max(100, { message: '核查值最多 100 个字' }),
      note: z.string().trim().max(2000, { message: '说明最多 2000 个字' }).optional(),
    }),
    output: inspectionIndicatorSchema,
    invalidates: ['getInspection', 'getProjectVerification', 'listAuditLog', 'getAuditChainStatus'] as const,
  },
  /**
   * Stores a photo once by SHA-256, never altered, with its EXIF capture time and a downscaled copy for
   * reports. `capturedAt` is the camera's clock for a photo taken in the app (no EXIF in a canvas JPEG).
   */
  addInspectionPhoto: {
    input: projectRef.extend({
      fileName: z.string().trim().min(1).max(255),
      base64: photoBase64,
      capturedAt: z.string().max(40).optional(),
    }),
    output: inspectionPhotoSchema,
  },
  /** The photo's bytes: the stored original, or the downscaled copy (at most 640 px on the long side, JPEG). */
  getInspectionPhoto: {
    input: z.strictObject({ sha256, size: z.enum(['thumbnail', 'original']) }),
    output: z.object({ mime: z.string(), base64: z.string() }),
  },
};
