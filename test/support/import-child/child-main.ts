// Entry point of the child process that imports one package (bundled by run-import-child.ts). A
// crash, a hang or runaway memory here ends only this process; the parent judges what happened.
import { isAppError } from '../../../shared/api/errors';
import type { PackageProblem } from '../../../shared/package/problem';
import { createCore } from '../../../electron/core/create-core';
import { silentLogger } from '../../../electron/core/logger';
import { fingerprintData } from './data-fingerprint';
import type { ChildReport, ChildRequest } from './protocol';

async function main(): Promise<void> {
  const request = JSON.parse(process.argv[2] ?? '{}') as ChildRequest;
  const core = createCore({
    dataDir: request.dataDir,
    resourcesDir: request.resourcesDir,
    logger: silentLogger,
    now: () => new Date('2026-11-22T10:00:00Z'),
  });
  const before = fingerprintData(core.context.db, request.dataDir);
  let report: ChildReport;
  try {
    const summary = await core.api.importPackage({ path: request.packagePath });
    // Verification reads every e-invoice attachment (XML, OFD): damaged ones must be findings too.
    const verified = request.verify ? await core.api.verifyBatch({ batchId: summary.batch.id }) : undefined;
    report = {
      outcome: 'imported',
      projects: summary.projects.length,
      invoices: summary.projects.reduce((n, p) => n + p.invoices, 0),
      ...(verified ? { verifiedProjects: verified.projects.length } : {}),
    } as ChildReport;
  } catch (error) {
    const details = isAppError(error) ? (error.details as { errors?: PackageProblem[] } | undefined) : undefined;
    report = {
      outcome: isAppError(error) && error.code === 'BAD_INPUT' ? 'refused' : 'failed',
      code: isAppError(error) ? error.code : 'EXCEPTION',
      message: error instanceof Error ? error.message : String(error),
      errors: details?.errors ?? [],
    } as ChildReport;
  }
  report.before = before;
  report.after = fingerprintData(core.context.db, request.dataDir);
  core.close();
  // maxRSS is in kibibytes.
  report.maxRssBytes = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

await main();
