import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ImportJob } from '@shared/api/batches-contract';
import { api } from '../../api/client';

export type ImportState =
  | { status: 'idle' }
  | { status: 'uploading'; fraction: number; name: string }
  | { status: 'running'; job: ImportJob; name: string }
  | { status: 'finished'; job: ImportJob; name: string };

type Phase = { status: 'idle' } | { status: 'uploading'; fraction: number; name: string } | { status: 'started'; jobId: string; name: string };

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
    start: async (path: string, name: string) => {
      const started = await api.startImport({ path });
      setPhase({ status: 'started', jobId: started.jobId, name });
    },
    reset: () => setPhase({ status: 'idle' }),
  };
}
