// Entry point of the child process that imports packages (bundled by run-import-child.ts). A crash, a
// hang or runaway memory here ends only this process; the parent judges what happened. With
// `--serve` it takes one request per line on stdin and answers one report per line, so a long run
// does not pay Node's start-up for every package.
import fs from 'node:fs';
import readline from 'node:readline';
import { isAppError } from '@shared/api/errors';
import type { PackageProblem } from '@shared/package/problem';
import { createCore } from '@core/create-core';
import { silentLogger } from '@core/logger';
import { fingerprintData } from './data-fingerprint';
import { READY_LINE, type ChildReport, type ChildRequest } from './protocol';

async function importOne(request: ChildRequest): Promise<ChildReport> {
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
  return report;
}

/** Starts a new peak-memory measurement where Linux allows it (clear_refs 5 resets VmHWM). */
function resetPeakMemory(): boolean {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** Peak resident memory since the last reset, or of the whole process where it cannot be reset. */
function peakMemoryBytes(resettable: boolean): number {
  if (resettable) {
    const kib = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kib !== undefined) return Number(kib) * 1024;
  }
  return process.resourceUsage().maxRSS * 1024;
}

async function answer(request: ChildRequest): Promise<void> {
  const resettable = resetPeakMemory();
  const report = await importOne(request);
  report.maxRssBytes = peakMemoryBytes(resettable);
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

if (process.argv[2] === '--serve') {
  // Loaded: the parent starts a request's time limit from here, so a slow start on a busy machine is
  // not taken for a hanging import.
  process.stdout.write(`${READY_LINE}\n`);
  for await (const line of readline.createInterface({ input: process.stdin })) {
    if (line.trim() !== '') await answer(JSON.parse(line) as ChildRequest);
  }
} else {
  await answer(JSON.parse(process.argv[2] ?? '{}') as ChildRequest);
}
