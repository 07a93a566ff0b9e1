import type { ApiHandlers } from '@shared/api/contract';
import type { ProjectVerification } from '@shared/api/verification-contract';
import type { CoreContext } from '../core-context';
import type { RuleSetCatalogue } from '../rules/rule-set-catalogue';
import { createSettingsStore } from '../settings/settings-store';
import { createActingReviewer } from '../reviewers/acting-reviewer';
import type { EInvoiceCache } from './einvoice-cache';
import { buildVerificationWorkbook } from './export-workbook';
import { deliverFile } from '../deliver-file';
import { createVerificationService } from './verification-service';
import { createInspectionService } from '../inspection/inspection-service';

type VerificationHandlers = Pick<ApiHandlers, 'getProjectVerification' | 'decideInvoices' | 'exportVerificationWorkbook' | 'verifyBatch' | 'correctRecord'>;

export function createVerificationHandlers(ctx: CoreContext, catalogue: RuleSetCatalogue, einvoices: EInvoiceCache): VerificationHandlers {
  const service = createVerificationService(ctx, catalogue, einvoices);
  const settings = createSettingsStore(ctx.db);
  const acting = createActingReviewer(ctx.db);
  const inspection = createInspectionService(ctx, einvoices);
  /** 核验人: this folder's reviewer; before an identity exists, whoever took the decisions shown. */
  const reviewerName = (v: ProjectVerification) => {
    const deciders = [...new Set(v.invoices.flatMap((i) => (i.decision ? [i.decision.reviewer] : [])))].filter((name) => name !== '');
    return acting.own()?.name ?? (deciders.join('、') || settings.read().reviewerName || '（尚未设置评审人身份）');
  };
  return {
    getProjectVerification: ({ batchId, projectId }) => service.verify(batchId, projectId),
    decideInvoices: ({ batchId, projectId, rowNos, kind, amount, reason }) => {
      return service.decide(batchId, projectId, rowNos, kind, amount, reason ?? '');
    },
    exportVerificationWorkbook: async ({ batchId, projectId, path }) => {
      const verification = await service.verify(batchId, projectId);
      const content = await buildVerificationWorkbook(verification, {
        ruleSet: catalogue.all().get(verification.policy)?.ruleSet,
        reviewer: reviewerName(verification),
        exportedAt: ctx.now().toISOString(),
        inspection: await inspection.getInspection(batchId, projectId),
      });
      return deliverFile(content, `发票核验明细表-${projectId}.xlsx`, path);
    },
    verifyBatch: ({ batchId }) => service.verifyBatchAssumingClean(batchId),
    correctRecord: (input) => service.correct(input),
  };
}
