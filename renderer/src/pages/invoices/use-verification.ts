import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { applyDecisionReply } from '@shared/api/decision-reply';
import type { ProjectVerification } from '@shared/api/verification-contract';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/use-api-mutation';

export type DecisionRequest = { rowNos: number[]; kind: 'accept' | 'reduce' | 'reject' | 'clear'; amount?: string; reason?: string };

/** The project's verification and the decision mutation; a decision's reply is patched into the cached verification. */
export function useVerification(batchId: string, projectId: string) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const key = ['getProjectVerification', batchId, projectId];
  const query = useQuery({ queryKey: key, queryFn: () => api.getProjectVerification({ batchId, projectId }) });
  const decide = useApiMutation('decideInvoices', {
    input: (request: DecisionRequest) => ({ batchId, projectId, ...request }),
    onSuccess: (reply) => queryClient.setQueryData<ProjectVerification>(key, (current) => (current ? applyDecisionReply(current, reply) : current)),
    onError: (error) => void message.error(error.message),
  });
  return { query, decide };
}
