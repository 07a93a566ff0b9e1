import fs from 'node:fs';
import path from 'node:path';
import type { Api, ApiHandlers } from '../../shared/api/contract';
import { createAppHandlers } from './app/app-handlers';
import type { CoreContext } from './core-context';
import { openDatabase } from './db/open-database';
import { createDirectApi } from './dispatch';
import { createSettingsHandlers } from './settings/settings-handlers';
import { createBatchHandlers } from './package/batch-handlers';
import { createRuleSetCatalogue } from './rules/rule-set-catalogue';
import { createRulesHandlers } from './rules/rules-handlers';
import { createVerificationHandlers } from './verification/verification-handlers';
import { createChecklistHandlers } from './verification/checklist-handlers';
import { createEInvoiceCache } from './verification/einvoice-cache';
import { createBlobStore } from './package/import/blob-store';
import type { Logger } from './logger';
import { createReportHandlers } from './reports/report-handlers';
import { createReportService, type ReportService } from './reports/report-service';
import { createPanelReportSource } from './reports/panel-report-source';
import { createReviewerHandlers } from './reviewers/reviewer-handlers';
import { createPanelHandlers, createPanelServices } from './panel/panel-handlers';
import { createBatchWorkbooks } from './exports/batch-workbooks';
import { createExportHandlers } from './exports/export-handlers';
import { createActingReviewer } from './reviewers/acting-reviewer';
import { createInspectionHandlers } from './inspection/inspection-handlers';

export interface CoreOptions {
  /** Folder holding the database and stored attachments. */
  dataDir: string;
  /** Folder of shipped resources (rule sets, fonts, templates). */
  resourcesDir: string;
  now?: () => Date;
  logger: Logger;
  /** better_sqlite3.node built for the host runtime; the desktop app passes its Electron build. */
  nativeBinding?: string | undefined;
  /** ':memory:' keeps the database in memory (tests); default is <dataDir>/jigai.sqlite. */
  databaseFile?: string;
}

export interface Core {
  handlers: ApiHandlers;
  api: Api;
  /** PDF reports (the CLI's `jigai report`). */
  reports: ReportService;
  context: CoreContext;
  close(): void;
}

export const DATABASE_FILE_NAME = 'jigai.sqlite';

export function createCore(options: CoreOptions): Core {
  const now = options.now ?? (() => new Date());
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const databaseFile = options.databaseFile ?? path.join(dataDir, DATABASE_FILE_NAME);
  const { db } = openDatabase({ file: databaseFile, nativeBinding: options.nativeBinding, now, logger: options.logger });

  const context: CoreContext = {
    db,
    dataDir,
    databaseFile,
    resourcesDir: path.resolve(options.resourcesDir),
    now,
    logger: options.logger,
  };
  const catalogue = createRuleSetCatalogue(db, context.resourcesDir, now);
  // One cache for attachment viewing and verification: each e-invoice file is parsed once.
  const einvoices = createEInvoiceCache(createBlobStore(dataDir));
  const verificationHandlers = createVerificationHandlers(context, catalogue, einvoices);
  const reports = createReportService(
    context,
    catalogue,
    async (batchId, projectId) => verificationHandlers.getProjectVerification({ batchId, projectId }),
    createPanelReportSource(context),
  );
  const batchHandlers = createBatchHandlers(context, catalogue, einvoices);
  const actingReviewer = createActingReviewer(db);
  const workbooks = createBatchWorkbooks({
    batches: async () => batchHandlers.listBatches({}),
    projects: async (batchId) => batchHandlers.listProjects({ batchId }),
    verify: async (batchId, projectId) => verificationHandlers.getProjectVerification({ batchId, projectId }),
    consolidation: createPanelServices(context).consolidation.consolidation,
    ruleSet: (policy) => catalogue.all().get(policy)?.ruleSet,
    reviewerName: () => actingReviewer.own()?.name,
    now,
  });
  const handlers: ApiHandlers = {
    ...createAppHandlers(context),
    ...createSettingsHandlers(context),
    ...batchHandlers,
    ...createRulesHandlers(catalogue),
    ...verificationHandlers,
    ...createReportHandlers(context, reports),
    ...createReviewerHandlers(context),
    ...createPanelHandlers(context),
    ...createExportHandlers(workbooks),
    ...createChecklistHandlers(context, catalogue),
    ...createInspectionHandlers(context, einvoices),
  };
  return {
    handlers,
    api: createDirectApi(handlers, options.logger),
    reports,
    context,
    close: () => db.close(),
  };
}
