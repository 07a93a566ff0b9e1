import { z } from 'zod';
import { apiErrorCodeSchema, importJobStateSchema, importPhaseSchema, reviewStateSchema, stageSchema as stage } from './code-schemas';
import { yuanString } from './money-schema';
import { packageProblemSchema } from './problem-schema';

const filePath = z.string().min(1, { message: '请选择文件' }).max(4096);
const id = z.string().min(1).max(100);

const sheetChanges = z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int() });

export const importSummarySchema = z.object({
  batch: z.object({ id: z.string(), name: z.string(), policy: z.string(), stage }),
  projects: z.array(
    z.object({
      id: z.string(),
      contracts: z.number().int(),
      invoices: z.number().int(),
      payments: z.number().int(),
      indicators: z.number().int(),
      attachments: z.number().int(),
      invoiceAmountTotal: yuanString,
    }),
  ),
  warnings: z.array(packageProblemSchema),
  changes: z
    .object({
      unchanged: z.boolean(),
      projects: z.array(
        z.object({
          projectId: z.string(),
          status: z.enum(['added', 'removed', 'changed', 'unchanged']),
          sheets: z.record(z.string(), sheetChanges),
          details: z.array(z.object({ sheet: z.string(), key: z.string(), change: z.enum(['added', 'removed', 'changed']) })),
        }),
      ),
    })
    .nullable(),
});
export type ImportSummaryDto = z.infer<typeof importSummarySchema>;

export const importJobSchema = z.object({
  jobId: z.string(),
  state: importJobStateSchema,
  progress: z.object({ phase: importPhaseSchema, done: z.number(), total: z.number(), message: z.string() }),
  result: importSummarySchema.optional(),
  error: z
    .object({ code: apiErrorCodeSchema, message: z.string(), errors: z.array(packageProblemSchema), warnings: z.array(packageProblemSchema) })
    .optional(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

export const batchSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  policy: z.string(),
  stage,
  issuer: z.string(),
  createdOn: z.string(),
  importedAt: z.string(),
  projects: z.number().int(),
  invoices: z.number().int(),
});
export type BatchSummary = z.infer<typeof batchSummarySchema>;

export const projectListItemSchema = z.object({
  batchId: z.string(),
  id: z.string(),
  name: z.string(),
  applicant: z.string(),
  plannedInvestment: yuanString.nullable(),
  contracts: z.number().int(),
  invoices: z.number().int(),
  invoiceAmountTotal: yuanString,
  /** Where the invoice review stands, with how many invoices carry a decision. */
  state: z.object({ code: reviewStateSchema, decided: z.number().int() }),
});
export type ProjectListItem = z.infer<typeof projectListItemSchema>;

const extra = z.record(z.string(), z.string());

export const projectDetailSchema = z.object({
  batch: batchSummarySchema,
  project: z.object({
    id: z.string(),
    name: z.string(),
    applicant: z.string(),
    creditCode: z.string(),
    industryCode: z.string().nullable(),
    tier: z.enum(['point', 'line', 'area']).nullable(),
    chainLeader: z.boolean().nullable(),
    supportingEnterprises: z.number().int().nullable(),
    regionKind: z.string().nullable(),
    plannedInvestment: yuanString.nullable(),
    periodStart: z.string().nullable(),
    periodEnd: z.string().nullable(),
    district: z.string(),
    contact: z.string(),
    phone: z.string(),
    extra,
  }),
  contracts: z.array(
    z.object({
      rowNo: z.number().int(),
      contractNo: z.string(),
      name: z.string(),
      supplierName: z.string(),
      supplierCode: z.string(),
      signedOn: z.string().nullable(),
      amount: yuanString,
      category: z.string(),
      domestic: z.boolean().nullable(),
      invoiced: yuanString,
      paid: yuanString,
      invoiceCount: z.number().int(),
      attachments: z.array(z.string()),
    }),
  ),
  payments: z.array(
    z.object({
      rowNo: z.number().int(),
      voucherNo: z.string(),
      paidOn: z.string(),
      payer: z.string(),
      payee: z.string(),
      amount: yuanString,
      contractNo: z.string(),
      attachments: z.array(z.string()),
    }),
  ),
  indicators: z.array(
    z.object({
      rowNo: z.number().int(),
      category: z.string(),
      name: z.string(),
      unit: z.string(),
      target: z.string(),
      achieved: z.string(),
      evidence: z.string(),
      /** achieved < target for numeric values; null when not comparable. */
      shortfall: z.boolean().nullable(),
    }),
  ),
  attachments: z.array(z.object({ path: z.string(), size: z.number().int(), mediaType: z.string(), sha256: z.string() })),
});
export type ProjectDetail = z.infer<typeof projectDetailSchema>;

export const invoiceRowSchema = z.object({
  rowNo: z.number().int(),
  key: z.string(),
  code: z.string(),
  number: z.string(),
  issuedOn: z.string(),
  kind: z.string(),
  sellerName: z.string(),
  sellerTaxId: z.string(),
  buyerName: z.string(),
  buyerTaxId: z.string(),
  itemName: z.string(),
  amount: yuanString,
  taxRate: z.string(),
  tax: yuanString.nullable(),
  total: yuanString,
  totalInWords: z.string(),
  contractNo: z.string(),
  attachments: z.array(z.string()),
});
export type InvoiceRow = z.infer<typeof invoiceRowSchema>;

const projectRef = z.strictObject({ batchId: id, projectId: id });

export const batchesContract = {
  importPackage: { input: z.strictObject({ path: filePath }), output: importSummarySchema },
  startImport: { input: z.strictObject({ path: filePath }), output: z.object({ jobId: z.string() }) },
  getImportJob: { input: z.strictObject({ jobId: z.string().max(100) }), output: importJobSchema },
  listBatches: { input: z.strictObject({}), output: z.array(batchSummarySchema) },
  listProjects: { input: z.strictObject({ batchId: id.optional() }), output: z.array(projectListItemSchema) },
  getProject: { input: projectRef, output: projectDetailSchema },
  listInvoices: { input: projectRef, output: z.array(invoiceRowSchema) },
  getAttachment: {
    input: projectRef.extend({ path: z.string().min(1).max(400) }),
    output: z.object({
      path: z.string(),
      mediaType: z.string(),
      size: z.number().int(),
      base64: z.string(),
      /** For an e-invoice file (数电 XML, OFD): what it says, or why it could not be read. */
      einvoice: z.record(z.string(), z.union([z.string(), z.boolean()])).nullable(),
      einvoiceError: z.string().nullable(),
    }),
  },
};
