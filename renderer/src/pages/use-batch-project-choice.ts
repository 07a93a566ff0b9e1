import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api } from '../api/client';

/**
 * The batch and project a page works on, kept in the address (?batch=…&project=…) so a reload or a
 * link lands on the same place. A batch or project named there that is no longer here (removed, or
 * another data folder) falls back to the first one.
 */
export function useBatchProjectChoice() {
  const [params, setParams] = useSearchParams();
  const batches = useQuery({ queryKey: ['listBatches'], queryFn: () => api.listBatches({}) });
  const asked = params.get('batch');
  const batchId = batches.data?.some((b) => b.id === asked) ? (asked ?? undefined) : batches.data?.[0]?.id;
  const projects = useQuery({ queryKey: ['listProjects', batchId ?? null], queryFn: () => api.listProjects({ batchId }), enabled: batchId !== undefined });
  const list = projects.data ?? [];
  const projectId = list.find((p) => p.id === params.get('project'))?.id ?? list[0]?.id;
  return {
    params,
    setParams,
    batches,
    projects,
    list,
    batchId,
    projectId,
    loading: batches.isLoading || projects.isLoading,
    failure: batches.error ?? projects.error,
    chooseBatch: (batch: string) => setParams({ batch }),
    chooseProject: (project: string) => batchId && setParams({ batch: batchId, project }),
  };
}
