import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import type { ProjectVerification } from '../../../../shared/api/verification-contract';
import { api } from '../../api/client';

export type DecisionRequest = { rowNos: number[]; kind: 'accept' | 'reduce' | 'reject' | 'clear'; amount?: string; reason?: string };

/** The project's verification and the decision mutation; a decision answers the recomputed verification. */
export function useVerification(batchId: string, projectId: string) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const key = ['verification', batchId, projectId];
  const query = useQuery({ queryKey: key, queryFn: () => api.getProjectVerification({ batchId, projectId }) });
  const decide = useMutation({
    mutationFn: (request: DecisionRequest) => api.decideInvoices({ batchId, projectId, ...request }),
    onSuccess: (result: ProjectVerification) => queryClient.setQueryData(key, result),
    onError: (error) => void message.error(error.message),
  });
  return { query, decide };
}
