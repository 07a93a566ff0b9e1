import { z } from 'zod';
import { invoiceRowSchema } from './batches-contract';
import { decisionActionSchema, decisionKindSchema, findingCodeSchema, severitySchema, stageSchema, suggestionKindSchema } from './code-schemas';
import { yuanString } from './money-schema';
import { disbursementSchema } from './award-schema';

const id = z.string().min(1).max(100);
const projectRef = z.strictObject({ batchId: id, projectId: id });

export const findingSchema = z.object({
  code: findingCodeSchema,
  severity: severitySchema,
  message: z.string(),
  /** The policy paragraph that excludes the row whatever a reviewer decides (only a correction changes it). */
  statutory: z.string().optional(),
  /** The row counts only after a reviewer's explicit 认定. */
  needsConfirmation: z.boolean().optional(),
  /** A 核减 proposed for the reviewer to decide (现场核查): the amount to take off this invoice, excluding tax. */
  proposedCut: yuanString.optional(),
});
export type FindingDto = z.infer<typeof findingSchema>;

export const decisionSchema = z.object({
  kind: decisionKindSchema,
  amount: yuanString.nullable(),
  reason: z.string(),
  reviewer: z.string(),
  decidedAt: z.string(),
  /** The invoice row changed (re-imported package) after the decision was taken. */
  stale: z.boolean(),
});
export type DecisionDto = z.infer<typeof decisionSchema>;

export const verifiedInvoiceSchema = invoiceRowSchema.extend({
  findings: z.array(findingSchema),
  /** Worst severity among the findings, or null when there are none. */
  severity: severitySchema.nullable(),
  decision: decisionSchema.nullable(),
  suggested: z.object({
    kind: suggestionKindSchema,
    reason: z.string(),
    /** With findings that propose a 核减: the amount that would count (the 核减 decision's amount), for the reviewer to take or change. */
    reduceTo: yuanString.optional(),
  }),
});
export type VerifiedInvoiceDto = z.infer<typeof verifiedInvoiceSchema>;

/** A row of the 付款 sheet with what the checks found on it (payee, duplicates, third-party payer, contract). */
export const verifiedPaymentSchema = z.object({
  rowNo: z.number().int(),
  voucherNo: z.string(),
  paidOn: z.string(),
  payer: z.string(),
  payee: z.string(),
  amount: yuanString,
  contractNo: z.string(),
  findings: z.array(findingSchema),
  /** Worst severity among the findings, or null when there are none. */
  severity: severitySchema.nullable(),
});
export type VerifiedPaymentDto = z.infer<typeof verifiedPaymentSchema>;

export const contractReconciliationSchema = z.object({
  contractNo: z.string(),
  supplierName: z.string(),
  category: z.string(),
  contractAmount: yuanString,
  invoiced: yuanString,
  accepted: yuanString,
  paid: yuanString,
  unpaid: yuanString,
  counted: yuanString,
  eligible: z.boolean(),
  trace: z.array(z.string()),
  findings: z.array(findingSchema),
});

/** A reviewer's correction (更正) of a field of an invoice or a contract; the checks run on newValue. */
export const correctionSchema = z.object({
  target: z.enum(['invoice', 'contract']),
  /** The invoice key, or the contract number. */
  targetKey: z.string(),
  occurrence: z.number().int(),
  /** The invoice row on the sheet; null for a contract. */
  rowNo: z.number().int().nullable(),
  field: z.string(),
  fieldLabel: z.string(),
  oldValue: z.string(),
  newValue: z.string(),
  reason: z.string(),
  evidence: z.string(),
  reviewer: z.string(),
  correctedAt: z.string(),
});
export type CorrectionDto = z.infer<typeof correctionSchema>;
export const awardBasisSchema = z.enum(['planned', 'verified']);

/** `rule` says which rule of the rule set the step applies (award, eligibility, bonus …), to find the one that decides the amount. */
export const awardStepSchema = z.object({ rule: z.string().optional(), text: z.string(), formula: z.string(), amount: z.string(), source: z.string() });

const countedAmount = z.object({ count: z.number().int(), amount: yuanString });

/**
 * How 核定投资额 comes about, for the cards: 已认定 + 暂计入 − 合同/付款上限扣减 = 核定投资额.
 * `reduced.amount` is what still counts of the reduced invoices, `reduced.cut` what was taken off.
 */
export const verifiedBreakdownSchema = z.object({
  accepted: countedAmount,
  reduced: countedAmount.extend({ cut: yuanString }),
  rejected: countedAmount,
  /** No decision yet: without an error finding they count for now (`provisional`), with one they do not. */
  undecided: z.object({ count: z.number().int(), provisional: countedAmount, held: countedAmount }),
  /** Contract and payment caps: what the accepted amounts exceed and so does not count. */
  capDeduction: yuanString,
});
export type VerifiedBreakdown = z.infer<typeof verifiedBreakdownSchema>;

export const projectVerificationSchema = z.object({
  batchId: z.string(),
  projectId: z.string(),
  projectName: z.string(),
  applicant: z.string(),
  policy: z.string(),
  stage: stageSchema,
  summary: z.object({
    invoices: z.number().int(),
    claimed: yuanString,
    flagged: z.number().int(),
    errors: z.number().int(),
    warnings: z.number().int(),
    decided: z.number().int(),
    stale: z.number().int(),
    verifiedInvestment: yuanString,
    award: yuanString.nullable(),
    awardIsCeiling: z.boolean(),
    awardMessage: z.string().nullable(),
    /** The investment the award rests on: the application's plan (立项/中期, 预期奖补) or the verified investment (竣工验收). */
    awardBasis: awardBasisSchema.optional(),
    /** What is due, already advanced and to be refunded at the batch's stage; null when the policy sets no schedule. */
    disbursement: disbursementSchema.nullable().optional(),
    breakdown: verifiedBreakdownSchema,
  }),
  invoices: z.array(verifiedInvoiceSchema),
  contracts: z.array(contractReconciliationSchema),
  payments: z.array(verifiedPaymentSchema),
  withoutContract: z.array(z.object({ rowNo: z.number().int(), key: z.string(), amount: yuanString })),
  trace: z.array(z.string()),
  awardTrace: z.array(awardStepSchema),
  /** The deciding reviewer's corrections, applied before the checks ran. */
  corrections: z.array(correctionSchema),
  /** Findings on the project as a whole rather than on a row (现场核查: an indicator observed below its target). */
  findings: z.array(findingSchema).optional(),
});
export type ProjectVerification = z.infer<typeof projectVerificationSchema>;

/**
 * What a decision changes, to patch into the project's verification: the decided invoices, the
 * contracts they are on, the totals and both traces. `withoutContract` is null when unchanged.
 */
export const decisionReplySchema = projectVerificationSchema
  .pick({ batchId: true, projectId: true, summary: true, invoices: true, contracts: true, trace: true, awardTrace: true })
  .extend({ withoutContract: projectVerificationSchema.shape.withoutContract.nullable() });
export type DecisionReply = z.infer<typeof decisionReplySchema>;

export const batchVerificationSchema = z.object({
  projects: z.array(
    z.object({
      id: z.string(),
      claimed: yuanString,
      verifiedInvestment: yuanString,
      award: yuanString.nullable(),
      awardBasis: awardBasisSchema,
      awardIsCeiling: z.boolean(),
      /** Payable at the batch's stage (e.g. the 30% advance at 立项); null when the policy sets no schedule. */
      dueAtStage: yuanString.nullable(),
      invoices: z.array(z.object({ key: z.string(), findings: z.array(findingSchema) })),
      /** Every row of the 付款 sheet, by voucher number, with its findings (empty when clean). */
      payments: z.array(z.object({ voucher: z.string(), rowNo: z.number().int(), findings: z.array(findingSchema) })),
      /** The acting reviewer's corrections, applied before the checks ran. */
      corrections: z.array(correctionSchema),
      /** Findings on the project as a whole (现场核查: an indicator observed below its target). */
      findings: z.array(findingSchema).optional(),
    }),
  ),
});
export type BatchVerification = z.infer<typeof batchVerificationSchema>;

export const MAX_BULK_DECISIONS = 100_000;

export const verificationContract = {
  getProjectVerification: { input: projectRef, output: projectVerificationSchema },
  decideInvoices: {
    input: projectRef
      .extend({
        rowNos: z.array(z.number().int().positive()).min(1, { message: '请至少选择一张发票' }).max(MAX_BULK_DECISIONS),
        kind: decisionActionSchema,
        amount: yuanString.optional(),
        reason: z.string().trim().max(500, { message: '理由最多 500 个字' }).optional(),
      })
      .refine((d) => d.kind !== 'reduce' || (d.amount !== undefined && d.rowNos.length === 1), {
        message: '核减须针对一张发票，并填写核减后的认定金额',
        path: ['amount'],
      })
      .refine((d) => (d.kind !== 'reduce' && d.kind !== 'reject') || (d.reason ?? '').length > 0, {
        message: '核减或不予认定必须填写理由',
        path: ['reason'],
      }),
    output: decisionReplySchema,
    /** The project list shows how far each project's review is. */
    invalidates: ['listProjects', 'listAuditLog'] as const,
  },
  /** Writes 发票核验明细表.xlsx to `path`, or returns it (browser mode download) when no path is given. */
  exportVerificationWorkbook: {
    input: projectRef.extend({ path: z.string().min(1).max(4096).optional() }),
    output: z.object({ fileName: z.string(), path: z.string().nullable(), base64: z.string().nullable() }),
  },
  verifyBatch: { input: z.strictObject({ batchId: id }), output: batchVerificationSchema },
  /**
   * Records a correction (更正) of one field — an invoice by its sheet row, a contract by its number —
   * and answers the project verified again on the corrected values. `value: null` withdraws it.
   */
  correctRecord: {
    input: projectRef
      .extend({
        target: z.enum(['invoice', 'contract']),
        rowNo: z.number().int().positive().optional(),
        contractNo: z.string().min(1).max(200).optional(),
        field: z.string().min(1).max(50),
        value: z.string().max(500).nullable(),
        reason: z.string().trim().max(500, { message: '理由最多 500 个字' }),
        evidence: z.string().trim().max(300, { message: '依据最多 300 个字' }).optional(),
      })
      .refine((d) => (d.target === 'invoice' ? d.rowNo !== undefined : d.contractNo !== undefined), {
        message: '请指明更正哪一张发票（行号）或哪一份合同（合同编号）',
        path: ['rowNo'],
      })
      .refine((d) => d.value === null || d.reason.length > 0, { message: '更正必须填写理由', path: ['reason'] }),
    output: projectVerificationSchema,
    invalidates: ['listProjects', 'listAuditLog'] as const,
  },
};
