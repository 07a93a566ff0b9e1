import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';

/** A policy as reviewers know it (《厦门市…》's short name), never its rule-set id. */
export function usePolicyName(): (policyId: string) => string {
  const list = useQuery({ queryKey: ['ruleSets'], queryFn: () => api.listRuleSets({}) });
  return (policyId) => list.data?.find((r) => r.id === policyId)?.name ?? (list.data ? '（本程序没有该政策的规则）' : '');
}
