import { AppError } from '@shared/api/errors';
import type { ApiHandlers } from '@shared/api/contract';
import { namesAttachment } from '@shared/verification/attachments';
import { compareWithRow } from '@shared/verification/compare-attachment';
import type { CoreContext } from '../core-context';
import type { RuleSetCatalogue } from '../rules/rule-set-catalogue';
import { createBatchQueries } from './batch-queries';
import type { EInvoiceCache } from '../verification/einvoice-cache';
import { collectUnreferencedBlobs } from './import/blob-collection';
import { createBlobStore } from './import/blob-store';
import { createImportJobs } from './import/import-jobs';
import { importPackage, type ImportProgress } from './import/import-package';

type BatchHandlers = Pick<
  ApiHandlers,
  'importPackage' | 'startImport' | 'getImportJob' | 'listBatches' | 'listProjects' | 'getProject' | 'listInvoices' | 'getAttachment'
>;

type ImportRequest = { path: string; replace?: boolean | undefined; displayName?: string | undefined };

export function createBatchHandlers(ctx: CoreContext, catalogue: RuleSetCatalogue, einvoices: EInvoiceCache): BatchHandlers {
  const queries = createBatchQueries(ctx.db);
  const blobs = createBlobStore(ctx.dataDir);
  // One import at a time: two concurrent imports of one batch would race on its rows. Collecting
  // unreferenced attachment files runs in the same line, so it never sees an import half-stored:
  // once at start (files left by an import that was killed) and after each re-import (files the new
  // version no longer has).
  let queue: Promise<unknown> = collectUnreferencedBlobs(ctx, blobs);
  const runImport = (request: ImportRequest, onProgress?: (p: ImportProgress) => void) => {
    const { path, ...choices } = request;
    const next = queue.then(async () => {
      const summary = await importPackage(ctx, path, { knownPolicies: catalogue.ids(), blobs, ...choices, ...(onProgress ? { onProgress } : {}) });
      if (summary.changes !== null) await collectUnreferencedBlobs(ctx, blobs);
      return summary;
    });
    queue = next.catch(() => undefined);
    return next;
  };
  const jobs = createImportJobs(runImport);

  return {
    importPackage: (request) => runImport(request),
    startImport: (request) => ({ jobId: jobs.start(request) }),
    getImportJob: ({ jobId }) => {
      const job = jobs.get(jobId);
      if (!job) throw new AppError('NOT_FOUND', '找不到该导入任务（可能已过期），请重新导入');
      return job;
    },
    listBatches: () => queries.listBatches(),
    listProjects: ({ batchId }) => queries.listProjects(batchId),
    getProject: ({ batchId, projectId }) => queries.getProject(batchId, projectId),
    listInvoices: ({ batchId, projectId }) => queries.listInvoices(batchId, projectId),
    getAttachment: async ({ batchId, projectId, path }) => {
      const row = queries.attachment(batchId, projectId, path);
      const content = blobs.read(row.sha256);
      const parsed = await einvoices.read(row.path, row.sha256, content);
      const data = parsed?.ok ? parsed.value : undefined;
      const comparisons = data
        ? queries
            .listInvoices(batchId, projectId)
            .filter((invoice) => namesAttachment(invoice.attachments, row.path))
            .map((invoice) => ({
              rowNo: invoice.rowNo,
              fields: compareWithRow(invoice, data).map(({ label, sheet, file, match, strict }) => ({ label, sheet, file, match, strict })),
            }))
        : [];
      return {
        path: row.path,
        mediaType: row.mediaType,
        size: row.size,
        base64: content.toString('base64'),
        einvoice: parsed?.ok ? definedFields(parsed.value) : null,
        einvoiceError: parsed && !parsed.ok ? parsed.message : null,
        ...(data?.lines ? { einvoiceLines: data.lines } : {}),
        comparisons,
      };
    },
  };
}

/** The API carries only present fields (JSON has no undefined). */
function definedFields(data: object): Record<string, string | boolean> {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => typeof v === 'string' || typeof v === 'boolean')) as Record<string, string | boolean>;
}
