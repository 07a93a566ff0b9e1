import { z } from 'zod';
import { caseInputSchema, caseOutcomeSchema } from './award-schema';

export const ruleSetSummarySchema = z.object({
  id: z.string(),
  version: z.string(),
  name: z.string(),
  issuer: z.string(),
  summary: z.string(),
  origin: z.enum(['builtin', 'imported']),
  sourceName: z.string(),
});
export type RuleSetSummary = z.infer<typeof ruleSetSummarySchema>;

export const MAX_CASES_PER_CALL = 100_000;

export const rulesContract = {
  listRuleSets: { input: z.strictObject({}), output: z.array(ruleSetSummarySchema) },
  /** The rule-set JSON as written; the renderer parses and describes it with the shared module. */
  getRuleSet: {
    input: z.strictObject({ id: z.string().min(1).max(100) }),
    output: ruleSetSummarySchema.extend({ json: z.string() }),
  },
  importRuleSet: {
    input: z.strictObject({ text: z.string().min(1).max(2_000_000), sourceName: z.string().min(1).max(255) }),
    output: ruleSetSummarySchema,
  },
  computeAwards: {
    input: z.strictObject({ cases: z.array(caseInputSchema).max(MAX_CASES_PER_CALL, { message: `一次最多计算 ${String(MAX_CASES_PER_CALL)} 个案例` }) }),
    output: z.array(caseOutcomeSchema),
  },
};
