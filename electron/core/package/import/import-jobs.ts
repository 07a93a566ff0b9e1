import crypto from 'node:crypto';
import { isAppError } from '@shared/api/errors';
import { machineError } from '../../machine-errors';
import type { ImportJob } from '@shared/api/batches-contract';
import type { PackageProblem } from '@shared/package/problem';
import type { ImportProgress, ImportSummary } from './import-package';

/**
 * Imports started from the UI run in the background so the window can show progress; the UI polls
 * the job. Finished jobs are kept for a while so a late poll still gets the result.
 */
export function createImportJobs<Request>(run: (request: Request, onProgress: (p: ImportProgress) => void) => Promise<ImportSummary>) {
  const jobs = new Map<string, ImportJob>();
  const MAX_KEPT = 20;

  return {
    start(request: Request): string {
      const jobId = crypto.randomUUID();
      const job: ImportJob = { jobId, state: 'running', progress: { phase: 'reading', done: 0, total: 1, message: '准备导入' } };
      jobs.set(jobId, job);
      while (jobs.size > MAX_KEPT) {
        const oldest = [...jobs.values()].find((j) => j.state !== 'running');
        if (!oldest) break;
        jobs.delete(oldest.jobId);
      }
      // Let the caller receive the job id before the (synchronous) first steps run.
      setImmediate(() => {
        run(request, (progress) => {
          job.progress = progress;
        }).then(
          (result) => {
            job.state = 'done';
            job.result = result;
          },
          (error: unknown) => {
            job.state = 'failed';
            const machine = machineError(error);
            const details = isAppError(error)
              ? (error.details as { errors?: PackageProblem[]; warnings?: PackageProblem[]; removedProjects?: { id: string; name: string }[] } | undefined)
              : undefined;
            job.error = {
              code: isAppError(error) ? error.code : (machine?.code ?? 'INTERNAL'),
              message: machine?.message ?? (error instanceof Error ? error.message : String(error)),
              errors: details?.errors ?? [],
              warnings: details?.warnings ?? [],
              ...(details?.removedProjects ? { removedProjects: details.removedProjects } : {}),
            };
          },
        );
      });
      return jobId;
    },
    get(jobId: string): ImportJob | undefined {
      return jobs.get(jobId);
    },
  };
}
