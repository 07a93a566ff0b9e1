import { z } from 'zod';
import { decimalSchema, factKeySchema } from './rule-set-primitives';

/**
 * Conditions are data, not code: a small tree of comparisons on declared case
 * fields. `op` names the operation so that a wrong one is reported with the
 * list of valid ones instead of a vague union error.
 */

export type CompareOp = 'gte' | 'gt' | 'lt' | 'lte';

export type Condition =
  | { op: 'all' | 'any'; of: Condition[] }
  | { op: 'not'; of: Condition }
  | { op: CompareOp; fact: string; value: string }
  | { op: 'eq'; fact: string; value: string | boolean }
  | { op: 'in' | 'prefix'; fact: string; values: string[] };

const stringList = z.array(z.string({ error: '应为文字取值' }).min(1, { error: '取值不能为空' }), { error: '应为取值列表' }).min(1, { error: '取值列表至少要有一项' });

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion(
    'op',
    [
      z.strictObject({
        op: z.enum(['all', 'any']),
        of: z.array(conditionSchema, { error: '应为条件列表' }).min(1, { error: '条件列表至少要有一项' }),
      }),
      z.strictObject({ op: z.literal('not'), of: conditionSchema }),
      z.strictObject({ op: z.enum(['gte', 'gt', 'lt', 'lte']), fact: factKeySchema, value: decimalSchema }),
      z.strictObject({
        op: z.literal('eq'),
        fact: factKeySchema,
        value: z.union([z.string(), z.boolean()], { error: '应为 true、false 或文字取值' }),
      }),
      z.strictObject({ op: z.enum(['in', 'prefix']), fact: factKeySchema, values: stringList }),
    ],
    {
      error: '条件的 op 应为 "all"、"any"、"not"、"gte"、"gt"、"lt"、"lte"、"eq"、"in" 或 "prefix" 之一',
    },
  ),
);
