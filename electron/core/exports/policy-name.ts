import type { RuleSet } from '@shared/rules';

/** The policy as readers know it: the rule set's name, never its id. */
export function policyName(ruleSet: RuleSet | undefined): string {
  return ruleSet?.name ?? '（本机未安装该批次的政策规则）';
}
