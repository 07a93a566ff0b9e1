import type { ApiHandlers } from '@shared/api/contract';
import type { CoreContext } from '../core-context';
import type { RuleSetCatalogue } from '../rules/rule-set-catalogue';
import { createSettingsStore } from '../settings/settings-store';
import { createActingReviewer } from '../reviewers/acting-reviewer';
import type { EInvoiceCache } from './einvoice-cache';
import { buildVerificationWorkbook } from './export-workbook';
import { writeFileAtomic } from '../write-file-atomic';
import { createVerificationService } from './verification-service';

type VerificationHandlers = Pick<ApiHandlers, 'getProjectVerification' | 'decideInvoices' | 'exportVerificationWorkbook' | 'verifyBatch' | 'correctRecord'>;

export function createVerificationHandlers(ctx: CoreContext, catalogue: RuleSetCatalogue, einvoices: EInvoiceCache): VerificationHandlers {
  const service = createVerificationService(ctx, catalogue, einvoices);
  const settings = createSettingsStore(ctx.db);
  const acting = createActingReviewer(ctx.db);
  const reviewerName = () => acting.own()?.name ?? (settings.read().reviewerName || '（未署名）');
  return {
    getProjectVerification: ({ batchId, projectId }) => service.verify(batchId, projectId),
    decideInvoices: ({ batchId, projectId, rowNos, kind, amount, reason }) => {
      return service.decide(batchId, projectId, rowNos, kind, amount, reason ?? '');
    },
    exportVerificationWorkbook: async ({ batchId, projectId, path }) => {
      const verification = await service.verify(batchId, projectId);
      const content = await buildVerificationWorkbook(verification, reviewerName(), ctx.now().toISOString());
      const fileName = `发票核验明细表-${projectId}.xlsx`;
      if (path === undefined) return { fileName, path: null, base64: content.toString('base64') };
      writeFileAtomic(path, content);
      return { fileName, path, base64: null };
    },
    verifyBatch: ({ batchId }) => service.verifyBatchAssumingClean(batchId),
    correctRecord: (input) => service.correct(input),
  };
}
