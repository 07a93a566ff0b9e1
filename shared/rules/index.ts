export type { Condition, CompareOp } from './condition-schema';
export type { FactSpec, FactType } from './fact-schema';
export { RESERVED_CASE_FIELDS } from './fact-schema';
export { STAGES, type Stage } from './rule-set-primitives';
export {
  RULE_SET_FORMAT,
  RULE_SET_SCHEMA_VERSION,
  ruleSetSchema,
  type Allocation,
  type Award,
  type AwardRule,
  type Band,
  type Bonus,
  type ConditionCheck,
  type EligibilityRule,
  type Formula,
  type FundSourceSpec,
  type Instalment,
  type Notice,
  type Reading,
  type RuleSet,
  type RuleSetInput,
  type Schedule,
  type Spending,
} from './rule-set-schema';
export { parseRuleSet, safeParseRuleSet, safeParseRuleSetText, RuleSetError, type ParseRuleSetResult, type RuleSetProblem } from './parse-rule-set';
export { CaseInputError, type CaseError, type CaseErrorCode } from './case-facts';
export { computeAward, type AllocationResult, type AwardResult, type CaseFacts } from './engine';
export { evaluateCase, evaluateCases, isCaseError, type CaseErrorResult, type CaseInput, type CaseOutcome, type RuleSetCatalogue } from './case-schema';
export type { Disbursement, ScheduleEntry } from './schedule';
export { sumTrace, type Finding, type TraceStep } from './trace';
export { describeRuleSet, type DescribedRow, type DescribedSection, type RuleSetDescription } from './describe-rule-set';
export { checkSpendingItem, unpaidTailAllowance, type SpendingItem, type TailAllowance } from './spending';
export { conditionChecksFor } from './condition-checks';
export { readableSource } from './readable-source';
