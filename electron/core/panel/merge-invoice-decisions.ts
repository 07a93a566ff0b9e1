import type Database from 'better-sqlite3';
import { AppError } from '@shared/api/errors';
import { moneyToFen } from '@shared/domain/fen';
import type { ExpertFileContent } from '@shared/expert-file/expert-file-schema';
import { INVOICE_FINGERPRINT_VERSION } from '../verification/invoice-fingerprint';
import { createProjectLoader } from '../verification/load-project';
import { createDecisionStore, decisionKey } from '../verification/decision-store';

/**
 * The invoice decisions an approved expert file carries become that expert's own decisions here
 * (per reviewer, beside the chair's). Each rests on the fingerprint of the chair's copy of the
 * invoice row: the file was checked to belong to the same package, so the rows are the same; a
 * decision on an invoice this folder does not hold refuses the whole file.
 */
export function createInvoiceDecisionMerge(db: Database.Database) {
  const decisions = createDecisionStore(db);
  const loader = createProjectLoader(db);

  return function mergeInvoiceDecisions(content: ExpertFileContent): number {
    const batchId = content.batch.id;
    const expert = content.expert;
    decisions.clearReviewer(batchId, expert.id);
    let merged = 0;
    for (const project of content.projects) {
      if (project.recusal) continue;
      if (project.invoiceDecisions.length === 0) continue;
      const loaded = loader.load(batchId, project.projectId);
      if (!loaded) throw new AppError('BAD_INPUT', `专家评审文件中的项目「${project.projectId}」不在本批次中`);
      const fingerprints = loader.fingerprints(loaded.pk);
      const rowOf = new Map(loaded.invoices.map((i) => [decisionKey(i.key, loaded.occurrences.get(i.rowNo) ?? 1), i.rowNo]));
      for (const d of project.invoiceDecisions) {
        const rowNo = rowOf.get(decisionKey(d.invoiceKey, d.occurrence));
        if (rowNo === undefined)
          throw new AppError('BAD_INPUT', `专家评审文件中项目「${project.projectId}」的发票 ${d.invoiceKey}（第 ${String(d.occurrence)} 次出现）不在本机的发票表中`);
        decisions.save(batchId, project.projectId, expert.id, {
          invoiceKey: d.invoiceKey,
          occurrence: d.occurrence,
          kind: d.kind,
          amount: d.amount === null ? null : moneyToFen(d.amount),
          reason: d.reason,
          reviewer: expert.name,
          decidedAt: d.decidedAt,
          fingerprint: fingerprints.get(rowNo) ?? '',
          fingerprintVersion: INVOICE_FINGERPRINT_VERSION,
        });
        merged++;
      }
    }
    return merged;
  };
}
