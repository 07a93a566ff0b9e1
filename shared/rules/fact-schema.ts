import { z } from 'zod';
import { decimalSchema, descriptionSchema, labelSchema, moneySchema } from './rule-set-primitives';

/**
 * A rule set declares every case field it reads, with its type and Chinese
 * label, so that a bureau can introduce a new fact (e.g. 上云费用) without code
 * and a missing or malformed field can be named in the reviewer's language.
 */

const enumValueSchema = z.strictObject({
  value: z
    .string({ error: '应为取值标识（小写字母、数字和连字符），如 "point"' })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, { error: '应为取值标识（小写字母、数字和连字符），如 "point"' }),
  label: labelSchema,
});

const common = {
  label: labelSchema,
  description: descriptionSchema.optional(),
};

export const factSpecSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('money'), ...common, default: moneySchema.optional() }),
    z.strictObject({
      type: z.literal('count'),
      ...common,
      default: z.int({ error: '应为不小于 0 的整数' }).min(0, { error: '应为不小于 0 的整数' }).optional(),
    }),
    z.strictObject({
      type: z.literal('number'),
      ...common,
      unit: z.string({ error: '应为单位文字，如 "%" 或 "年"' }).optional(),
      default: decimalSchema.optional(),
    }),
    z.strictObject({
      type: z.literal('boolean'),
      ...common,
      default: z.boolean({ error: '应为 true 或 false' }).optional(),
    }),
    z.strictObject({
      type: z.literal('enum'),
      ...common,
      values: z.array(enumValueSchema, { error: '应为取值列表' }).min(1, { error: '取值列表至少要有一项' }),
      default: z.string({ error: '应为取值列表中的一个取值' }).optional(),
    }),
    z.strictObject({ type: z.literal('industry-code'), ...common }),
  ],
  { error: '应为字段类型 "money"、"count"、"number"、"boolean"、"enum" 或 "industry-code" 之一' },
);

export type FactSpec = z.output<typeof factSpecSchema>;
export type FactType = FactSpec['type'];

export const FACT_TYPE_LABEL: Readonly<Record<FactType, string>> = {
  money: '金额（元）',
  count: '数量',
  number: '数值',
  boolean: '是/否',
  enum: '选项',
  'industry-code': '行业代码（GB/T 4754）',
};

/** Case fields the engine itself reads; a rule set may not redefine them. */
export const RESERVED_CASE_FIELDS = ['policy', 'id', 'stage', 'accepted', 'paidSoFar'] as const;
