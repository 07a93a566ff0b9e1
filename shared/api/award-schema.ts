import { z } from 'zod';
import { findingCodeSchema as ruleFindingCodeSchema } from '../rules/rule-set-primitives';
import { caseErrorCodeSchema, stageSchema } from './code-schemas';
import { yuanString } from './money-schema';

/**
 * computeAwards across the API: cases in, the engine's results out, each described field by field
 * so the CLI and the UI read typed results (shared/rules/engine.ts documents every field).
 */

const factValue = z.union([z.string(), z.number(), z.boolean(), z.null()], {
  error: '案例字段的值应为文字、数字、true/false 或 null',
});

/**
 * One case: `policy` plus the facts its rule set declares. The facts are validated per case by the
 * engine against the rule set, so one bad case yields its own error without stopping the others.
 */
export const caseInputSchema = z.record(z.string().max(100), factValue, {
  error: '每个案例应为对象，如 { "policy": "xiamen-2024", "investment": "150000000.00" }',
});

const traceStepSchema = z.object({
  rule: z.string(),
  band: z.string().optional(),
  text: z.string(),
  formula: z.string(),
  amount: yuanString,
  source: z.string(),
});

const awardFindingSchema = z.object({
  /** A rule set's own conclusion codes (rule sets are data a bureau may write), checked by pattern. */
  code: ruleFindingCodeSchema,
  message: z.string(),
  source: z.string().optional(),
});

const scheduleEntrySchema = z.object({
  stage: stageSchema,
  label: z.string(),
  percent: z.string().nullable(),
  amount: yuanString,
  bonus: yuanString,
  refund: z.boolean(),
  source: z.string(),
});

/** What is due at a stage, advanced before and to be refunded: one shape for awards and project verifications. */
export const disbursementSchema = z.object({
  stage: stageSchema,
  dueAtStage: yuanString,
  paidBefore: yuanString,
  paidThroughStage: yuanString,
  remaining: yuanString,
  refund: yuanString,
  refundIfAcceptanceFails: yuanString,
});

const allocationSchema = z.object({
  id: z.string(),
  label: z.string(),
  minimum: yuanString.nullable(),
  maximum: yuanString.nullable(),
  source: z.string(),
});

export const awardResultSchema = z.object({
  policy: z.string(),
  ruleSetVersion: z.string(),
  id: z.string().optional(),
  award: yuanString,
  hasFormula: z.boolean(),
  ceiling: z.boolean(),
  fundSource: z.string().nullable(),
  fundSourceLabel: z.string().nullable(),
  schedule: z.array(scheduleEntrySchema).readonly(),
  disbursement: disbursementSchema.nullable(),
  allocations: z.array(allocationSchema).readonly(),
  findings: z.array(awardFindingSchema).readonly(),
  trace: z.array(traceStepSchema).readonly(),
});

export const caseErrorResultSchema = z.object({
  error: z.object({ code: caseErrorCodeSchema, message: z.string(), field: z.string().optional() }),
});

export const caseOutcomeSchema = z.union([awardResultSchema, caseErrorResultSchema]);
export type CaseOutcomeDto = z.output<typeof caseOutcomeSchema>;
