import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ImportJob } from '@shared/api/batches-contract';
import { api } from '../../api/client';

export type ImportState =
  | { status: 'idle' }
  | { status: 'uploading'; fraction: number; name: string }
  | { status: 'running'; job: ImportJob; name: string }
  | { status: 'finished'; job: ImportJob; name: string };

type Phase = { status: 'idle' } | { status: 'uploading'; fraction: number; name: string } | { status: 'started'; jobId: string; name: string; path: string };

/** Starts an import job from a local path and polls it until it ends, refreshing lists afterwards. */
export function useImport() {
  const queryClient = useQueryClient();
  const [phase, setPhase] = useState<Phase>({ status: 'idle' });
  const jobId = phase.status === 'started' ? phase.jobId : null;
  const job = useQuery({
    queryKey: ['importJob', jobId],
    queryFn: () => api.getImportJob({ jobId: jobId ?? '' }),
    enabled: jobId !== null,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.state === 'running' ? 250 : false),
  });
  const finished = job.data !== undefined && job.data.state !== 'running';

  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'importJob' });
  }, [finished, queryClient]);

  let state: ImportState = { status: 'idle' };
  if (phase.status === 'uploading') state = phase;
  else if (phase.status === 'started') {
    // Queries are not retried: a failed question about the job ends the wait with its message.
    const current: ImportJob =
      job.data ??
      (job.error
        ? {
            jobId: phase.jobId,
            state: 'failed',
            progress: { phase: 'reading', done: 0, total: 1, message: '导入未完成' },
            error: { code: 'INTERNAL', message: job.error.message, errors: [], warnings: [] },
          }
        : { jobId: phase.jobId, state: 'running', progress: { phase: 'reading', done: 0, total: 1, message: '准备导入' } });
    state = { status: current.state === 'running' ? 'running' : 'finished', job: current, name: phase.name };
  }

  return {
    state,
    setUploading: (fraction: number, name: string) => setPhase({ status: 'uploading', fraction, name }),
    /** `replace`: the user confirmed that projects missing from the new version are removed. */
    start: async (path: string, name: string, replace = false) => {
      // The user's file name, not the temporary name of the upload, goes into messages and the 操作记录.
      const started = await api.startImport({ path, displayName: name, ...(replace ? { replace: true } : {}) });
      setPhase({ status: 'started', jobId: started.jobId, name, path });
    },
    /** Runs the same package again after the user agreed to the removals it was refused for. */
    confirmReplace: async () => {
      if (phase.status !== 'started') return;
      const started = await api.startImport({ path: phase.path, displayName: phase.name, replace: true });
      setPhase({ ...phase, jobId: started.jobId });
    },
    reset: () => setPhase({ status: 'idle' }),
  };
}
