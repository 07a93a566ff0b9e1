import { z } from 'zod';
import { apiErrorCodeSchema, importJobStateSchema, importPhaseSchema, reviewStateSchema } from './code-schemas';
import { attachmentsTable, batchesTable, contractsTable, indicatorsTable, invoicesTable, paymentsTable, projectsTable } from '../records/stored-records';
import { yuanString } from './money-schema';
import { packageProblemSchema } from './problem-schema';

const filePath = z.string().min(1, { message: '请选择文件' }).max(4096);
const id = z.string().min(1).max(100);

const sheetChanges = z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int() });

export const importSummarySchema = z.object({
  batch: batchesTable.apiSchema.pick({ id: true, name: true, policy: true, stage: true }),
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
    .object({
      code: apiErrorCodeSchema,
      message: z.string(),
      errors: z.array(packageProblemSchema),
      warnings: z.array(packageProblemSchema),
      /** PROJECTS_REMOVED: the stored projects the package lacks, for the user to confirm. */
      removedProjects: z.array(z.object({ id: z.string(), name: z.string() })).optional(),
    })
    .optional(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

export const batchSummarySchema = batchesTable.apiSchema.omit({ packageSha256: true }).extend({
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

export const invoiceRowSchema = invoicesTable.omit('extra').apiSchema;
export type InvoiceRow = z.infer<typeof invoiceRowSchema>;

export const projectDetailSchema = z.object({
  batch: batchSummarySchema,
  project: projectsTable.apiSchema,
  contracts: z.array(
    contractsTable.omit('extra').apiSchema.extend({
      invoiced: yuanString,
      paid: yuanString,
      invoiceCount: z.number().int(),
    }),
  ),
  payments: z.array(paymentsTable.omit('extra').apiSchema),
  indicators: z.array(
    indicatorsTable.apiSchema.extend({
      /** achieved < target for numeric values; null when not comparable. */
      shortfall: z.boolean().nullable(),
    }),
  ),
  attachments: z.array(attachmentsTable.apiSchema),
});
export type ProjectDetail = z.infer<typeof projectDetailSchema>;

const einvoiceLineSchema = z.object({
  name: z.string(),
  spec: z.string().optional(),
  unit: z.string().optional(),
  quantity: z.string().optional(),
  unitPrice: z.string().optional(),
  amount: z.string().optional(),
  taxRate: z.string().optional(),
  tax: z.string().optional(),
});

const attachmentComparisonSchema = z.object({
  rowNo: z.number().int(),
  fields: z.array(z.object({ label: z.string(), sheet: z.string(), file: z.string(), match: z.boolean(), strict: z.boolean() })),
});
export type AttachmentComparison = z.infer<typeof attachmentComparisonSchema>;

const projectRef = z.strictObject({ batchId: id, projectId: id });

/**
 * `replace`: a newer version of a stored batch that no longer has some of its projects removes them
 * only when the user confirmed it; otherwise the import stops with PROJECTS_REMOVED naming them.
 * `displayName`: the file name the user chose (an upload arrives under a temporary name).
 */
const importInput = z.strictObject({ path: filePath, replace: z.boolean().optional(), displayName: z.string().min(1).max(255).optional() });

export const batchesContract = {
  importPackage: { input: importInput, output: importSummarySchema },
  startImport: { input: importInput, output: z.object({ jobId: z.string() }) },
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
      /** The e-invoice's lines (明细), when the file lists them. */
      einvoiceLines: z.array(einvoiceLineSchema).optional(),
      /** Per 发票 row that names this file: its fields against the file's, one by one. */
      comparisons: z.array(attachmentComparisonSchema).optional(),
    }),
  },
};
