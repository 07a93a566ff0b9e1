import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { describeRuleSet, safeParseRuleSetText, type RuleSet, type RuleSetDescription } from '@shared/rules';
import { api } from '../../api/client';

/** A rule set fetched from the core and parsed here, so the calculator runs in the page as you type. */
export function useRuleSet(id: string | undefined): { ruleSet?: RuleSet; description?: RuleSetDescription; error?: string; loading: boolean } {
  const query = useQuery({ queryKey: ['ruleSet', id], queryFn: () => api.getRuleSet({ id: id ?? '' }), enabled: id !== undefined });
  return useMemo(() => {
    if (query.error) return { error: query.error.message, loading: false };
    if (!query.data) return { loading: query.isLoading };
    const parsed = safeParseRuleSetText(query.data.json);
    if (!parsed.ok) return { error: parsed.errors.map((e) => `${e.path}：${e.message}`).join('；'), loading: false };
    return { ruleSet: parsed.value, description: describeRuleSet(parsed.value), loading: false };
  }, [query.data, query.error, query.isLoading]);
}
