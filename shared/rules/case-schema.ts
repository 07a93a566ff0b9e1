import { CaseInputError, type CaseError } from './case-facts';
import { computeAward, type AwardResult } from './engine';
import type { RuleSet } from './rule-set-schema';

/**
 * The case format of the CLI contract: one JSON object per case.
 *
 * Fields every case may carry: `policy` (rule-set id, required), `id` (echoed
 * back), `stage` ("application" | "midterm" | "acceptance"), `accepted`
 * (boolean: passed the review at that stage), `paidSoFar` (yuan already paid
 * in earlier instalments, for settling at acceptance). Every other field is a
 * fact the rule set declares — `investment`, `tier`, `chainLeader`,
 * `supportingEnterprises`, `industryCode`, `regionKind`, and whatever a
 * bureau's rule set adds — and is validated against that declaration.
 */
export interface CaseInput {
  readonly policy: string;
  readonly id?: string;
  readonly investment?: string;
  readonly tier?: 'point' | 'line' | 'area';
  readonly chainLeader?: boolean;
  readonly supportingEnterprises?: number;
  readonly industryCode?: string;
  readonly regionKind?: 'national-zone' | 'provincial-zone' | 'county-1' | 'county-2' | 'county-3';
  readonly stage?: 'application' | 'midterm' | 'acceptance';
  readonly accepted?: boolean;
  readonly paidSoFar?: string;
  readonly [fact: string]: unknown;
}

export interface CaseErrorResult {
  readonly error: CaseError;
}

export type CaseOutcome = AwardResult | CaseErrorResult;

export type RuleSetCatalogue = ReadonlyMap<string, RuleSet> | Readonly<Record<string, RuleSet>>;

export function isCaseError(outcome: CaseOutcome): outcome is CaseErrorResult {
  return 'error' in outcome;
}

function lookup(ruleSets: RuleSetCatalogue, id: string): RuleSet | undefined {
  if (ruleSets instanceof Map) return ruleSets.get(id);
  const record = ruleSets as Readonly<Record<string, RuleSet>>;
  // hasOwn keeps "constructor" or "__proto__" from finding Object.prototype.
  return Object.hasOwn(record, id) ? record[id] : undefined;
}

function knownIds(ruleSets: RuleSetCatalogue): string[] {
  return ruleSets instanceof Map ? [...ruleSets.keys()] : Object.keys(ruleSets);
}

/** Evaluates one case; never throws. */
export function evaluateCase(ruleSets: RuleSetCatalogue, input: unknown, index = 0): CaseOutcome {
  const number = `第 ${String(index + 1)} 条案例`;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { error: { code: 'INVALID_CASE', message: `${number}应为对象（{ "policy": …, "investment": … }）` } };
  }
  const record = input as Readonly<Record<string, unknown>>;
  const policy = record.policy;
  if (policy === undefined || policy === null || policy === '') {
    return {
      error: { code: 'MISSING_FIELD', message: `${number}缺少「政策」（policy）：应为规则集标识，如 "xiamen-2024"`, field: 'policy' },
    };
  }
  if (typeof policy !== 'string') {
    return {
      error: { code: 'INVALID_FIELD', message: `${number}的「政策」（policy）应为规则集标识字符串，如 "xiamen-2024"`, field: 'policy' },
    };
  }
  const ruleSet = lookup(ruleSets, policy);
  if (!ruleSet) {
    return {
      error: {
        code: 'UNKNOWN_POLICY',
        message: `${number}的「政策」（policy）「${policy}」不是已知的规则集；可用：${knownIds(ruleSets).join('、')}`,
        field: 'policy',
      },
    };
  }
  try {
    return computeAward(ruleSet, record);
  } catch (error) {
    if (error instanceof CaseInputError) {
      const problem = error.toCaseError();
      return { error: { ...problem, message: `${number}：${problem.message}` } };
    }
    const detail = error instanceof Error ? error.message : String(error);
    return { error: { code: 'INTERNAL', message: `${number}计算时发生内部错误：${detail}` } };
  }
}

/**
 * Evaluates cases against rule sets parsed once beforehand (parseRuleSet):
 * results in the same order, an invalid case yielding `{ error }` without
 * stopping the others.
 */
export function evaluateCases(ruleSets: RuleSetCatalogue, cases: readonly unknown[]): CaseOutcome[] {
  return cases.map((input, index) => evaluateCase(ruleSets, input, index));
}
