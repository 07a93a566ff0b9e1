import type Database from 'better-sqlite3';
import { AppError } from '@shared/api/errors';
import type { Stage } from '@shared/codes/codes';
import { buildChecklist, type Checklist } from '@shared/inspection/checklist';
import { inspectionFindings, type InspectionFindings } from '@shared/inspection/inspection-findings';
import { indicatorsTable } from '@shared/records/stored-records';
import type { VProject } from '@shared/verification/types';
import { sha256Hex } from '../audit/audit-hash';
import { prepareSelect } from '../db/table-statements';
import type { EInvoiceCache } from '../verification/einvoice-cache';
import { checkedProject, createProjectLoader, type LoadedProject } from '../verification/load-project';
import type { InspectionStore } from './inspection-store';

export interface ProjectChecklist {
  loaded: LoadedProject;
  stage: Stage;
  checklist: Checklist;
}

/**
 * The checklist of a project as imported: built from the rows as read, not as corrected (更正), so
 * that a correction of a contract number never detaches what an expert observed on site.
 */
export function createChecklistSource(db: Database.Database, einvoices: EInvoiceCache) {
  const loader = createProjectLoader(db);
  const indicators = prepareSelect<typeof indicatorsTable, [number]>(db, indicatorsTable, 'WHERE project_pk = ? ORDER BY row_no');
  const stageOf = db.prepare<[string], Stage>('SELECT stage FROM batches WHERE id = ?').pluck();

  /** From a project the verification already read (its e-invoices parsed). */
  function fromProject(loaded: LoadedProject, project: VProject): Checklist {
    return buildChecklist({ ...project, invoices: loaded.invoices, contracts: loaded.contracts }, indicators.all(loaded.pk), sha256Hex);
  }

  return {
    fromProject,
    async load(batchId: string, projectId: string): Promise<ProjectChecklist> {
      const loaded = loader.load(batchId, projectId);
      const stage = stageOf.get(batchId);
      if (!loaded || stage === undefined) throw new AppError('NOT_FOUND', `批次「${batchId}」中没有项目「${projectId}」`);
      const project = checkedProject(loaded, { batchId, projectId }, await einvoices.readAll(loaded.attachments));
      return { loaded, stage, checklist: fromProject(loaded, project) };
    },
  };
}

export type ChecklistSource = ReturnType<typeof createChecklistSource>;

/** The findings one reviewer's observations raise on a project's checklist (shared/inspection/inspection-findings.ts). */
export function findingsOfReviewer(store: InspectionStore, checklist: Checklist, batchId: string, projectId: string, reviewerId: string): InspectionFindings {
  const lines = new Map(store.lineObservations(batchId, projectId).flatMap((o) => (o.reviewerId === reviewerId ? [[o.lineId, o] as const] : [])));
  const indicators = new Map(store.indicatorObservations(batchId, projectId).flatMap((o) => (o.reviewerId === reviewerId ? [[o.indicatorId, o] as const] : [])));
  return inspectionFindings(checklist.lines, checklist.indicators, lines, indicators);
}
