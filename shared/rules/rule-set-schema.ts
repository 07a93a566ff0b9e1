import { z } from 'zod';
import { conditionSchema } from './condition-schema';
import { factSpecSchema } from './fact-schema';
import {
  dateSchema,
  decimalSchema,
  descriptionSchema,
  factKeySchema,
  findingCodeSchema,
  labelSchema,
  moneySchema,
  percentSchema,
  ruleIdSchema,
  sourceSchema,
  stageSchema,
} from './rule-set-primitives';

/**
 * The declarative rule-set format (schema version 1). Every rule carries the
 * paragraph it encodes (`source`) and a Chinese `description`; the semantic
 * checks that need the whole document (contiguous bands, declared facts, …)
 * live in rule-set-checks.ts.
 */

export const RULE_SET_FORMAT = 'jigai-rule-set';
export const RULE_SET_SCHEMA_VERSION = 1;

const documented = { description: descriptionSchema, source: sourceSchema };

// ---- bands -------------------------------------------------------------

const bandCommon = {
  id: ruleIdSchema,
  /** Inclusive lower edge, yuan. */
  from: moneySchema,
  /** Exclusive upper edge, yuan; absent on the last band. */
  to: moneySchema.optional(),
  ...documented,
};

export const bandSchema = z.discriminatedUnion(
  'kind',
  [
    /** Nothing is paid in this band (e.g. below the threshold). */
    z.strictObject({ kind: z.literal('none'), ...bandCommon }),
    /** ratePercent × the whole base amount, then the cap. */
    z.strictObject({
      kind: z.literal('rate'),
      ...bandCommon,
      ratePercent: percentSchema,
      cap: moneySchema.optional(),
    }),
    /**
     * base + ratePercent × (amount − over), then the cap. `base` "previous-cap"
     * takes the cap of the band below, which is what makes 分区间累进 continuous.
     */
    z.strictObject({
      kind: z.literal('progressive'),
      ...bandCommon,
      base: z.union([z.literal('previous-cap'), moneySchema], {
        error: '应为 "previous-cap"（取前一区间的上限作为基数）或金额字符串，如 "10000000.00"',
      }),
      ratePercent: percentSchema,
      /** Defaults to `from`. */
      over: moneySchema.optional(),
      cap: moneySchema.optional(),
    }),
    z.strictObject({ kind: z.literal('fixed'), ...bandCommon, amount: moneySchema }),
  ],
  { error: '区间的 kind 应为 "none"（不予奖补）、"rate"（按比例）、"progressive"（累进）或 "fixed"（固定金额）之一' },
);

export type Band = z.output<typeof bandSchema>;

// ---- formulas ----------------------------------------------------------

export const formulaSchema = z.discriminatedUnion(
  'kind',
  [
    /** ratePercent × fact, capped; `capLessFact` makes the cap cumulative (cap − already granted). */
    z.strictObject({
      kind: z.literal('rate'),
      base: factKeySchema,
      ratePercent: percentSchema,
      cap: moneySchema.optional(),
      capLessFact: factKeySchema.optional(),
    }),
    z.strictObject({ kind: z.literal('fixed'), amount: moneySchema }),
    /**
     * The text sets no figure for these projects (一事一议, or no standard at all):
     * the result has no computed amount (`hasFormula: false`) and cites the rule's reason.
     */
    z.strictObject({ kind: z.literal('none') }),
    /** unitAmount × a count (e.g. 5万元 per transformed enterprise), capped. */
    z.strictObject({
      kind: z.literal('per-unit'),
      countFact: factKeySchema,
      unitAmount: moneySchema,
      unitLabel: labelSchema,
      cap: moneySchema.optional(),
      capLessFact: factKeySchema.optional(),
    }),
    /**
     * Interest subsidy: the borrower pays `borrowerCostPercent` a year and the
     * rest of the interest is subsidised: min(principal, principalCap) ×
     * max(rate − borrowerCost, 0) % × min(years, maxYears).
     */
    z.strictObject({
      kind: z.literal('interest'),
      principalFact: factKeySchema,
      principalCap: moneySchema.optional(),
      rateFact: factKeySchema,
      borrowerCostPercent: percentSchema,
      yearsFact: factKeySchema,
      maxYears: decimalSchema.optional(),
      cap: moneySchema.optional(),
    }),
    /** Bands on one amount; see bandSchema. */
    z.strictObject({
      kind: z.literal('bands'),
      base: factKeySchema,
      bands: z.array(bandSchema, { error: '应为区间列表' }).min(1, { error: '区间列表至少要有一项' }),
    }),
  ],
  {
    error: '计算方式的 kind 应为 "rate"（比例）、"fixed"（固定金额）、"none"（文件未规定金额）、"per-unit"（按单位计）、"interest"（贴息）或 "bands"（分区间）之一',
  },
);

export type Formula = z.output<typeof formulaSchema>;

export const awardRuleSchema = z.strictObject({
  id: ruleIdSchema,
  /** Which projects the rule is for; rules are tried in order and the first that applies is used. */
  when: conditionSchema.optional(),
  label: labelSchema,
  formula: formulaSchema,
  /**
   * True when the text sets a ceiling ("不高于", "不超过", "最高") rather than
   * an entitlement: the amount is the most the panel may grant.
   */
  ceiling: z.boolean({ error: '应为 true（文件给出的是上限）或 false（文件给出的是确定金额）' }),
  ...documented,
});

export type AwardRule = z.output<typeof awardRuleSchema>;

export const awardSchema = z.discriminatedUnion(
  'kind',
  [
    /** The text defines no award formula (Huanggang, Qingdao): thresholds and findings only. */
    z.strictObject({ kind: z.literal('none'), ...documented }),
    z.strictObject({
      kind: z.literal('rules'),
      rules: z.array(awardRuleSchema, { error: '应为奖补规则列表' }).min(1, { error: '奖补规则至少要有一条' }),
      /** Finding when no rule applies to the case. */
      noMatchMessage: descriptionSchema,
    }),
  ],
  { error: '奖补标准的 kind 应为 "none"（本政策无奖补公式）或 "rules"（按规则计算）之一' },
);

export type Award = z.output<typeof awardSchema>;

// ---- the rest ----------------------------------------------------------

export const eligibilityRuleSchema = z.strictObject({
  id: ruleIdSchema,
  when: conditionSchema,
  failCode: findingCodeSchema.default('NOT_ELIGIBLE'),
  failMessage: descriptionSchema,
  ...documented,
});

export type EligibilityRule = z.output<typeof eligibilityRuleSchema>;

export const bonusSchema = z.strictObject({
  id: ruleIdSchema,
  label: labelSchema,
  when: conditionSchema,
  amount: moneySchema,
  /** The stage at which it is paid in full; it is not part of the percentage instalments. */
  payableAt: stageSchema.default('acceptance'),
  /** Forfeited when acceptance fails. */
  requiresAcceptance: z.boolean({ error: '应为 true 或 false' }),
  ...documented,
});

export type Bonus = z.output<typeof bonusSchema>;

export const fundSourceSchema = z.strictObject({
  /**
   * "single": the first listed source that applies. "highest-not-both"
   * (就高不重复): every applicable source is a candidate, the project is funded
   * by one of them only; sources are listed by preference and, where the text
   * sets one scale for all, the first applicable is taken.
   */
  rule: z.enum(['single', 'highest-not-both'], {
    error: '应为 "single"（单一来源）或 "highest-not-both"（就高不重复）',
  }),
  sources: z
    .array(
      z.strictObject({
        id: ruleIdSchema,
        label: labelSchema,
        when: conditionSchema.optional(),
        ...documented,
      }),
      { error: '应为资金来源列表' },
    )
    .min(1, { error: '资金来源至少要有一项' }),
  ...documented,
});

export type FundSourceSpec = z.output<typeof fundSourceSchema>;

const instalmentSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('percent'), stage: stageSchema, percent: percentSchema, ...documented }),
    /** Whatever the earlier instalments left; takes the fen rounding too. */
    z.strictObject({ kind: z.literal('remainder'), stage: stageSchema, ...documented }),
  ],
  { error: '拨付批次的 kind 应为 "percent"（按比例）或 "remainder"（剩余部分）' },
);

export type Instalment = z.output<typeof instalmentSchema>;

export const scheduleSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('instalments'),
      /** Percentages apply to the award without bonuses; bonuses are added at their own stage. */
      instalments: z.array(instalmentSchema, { error: '应为拨付批次列表' }).min(1, { error: '拨付批次至少要有一项' }),
      refundOnFailedAcceptance: z.boolean({ error: '应为 true（验收不通过须退还全部已拨资金）或 false' }),
      refundDescription: descriptionSchema,
      refundSource: sourceSchema,
      ...documented,
    }),
    /** The text gives no stages or percentages (e.g. Shenyang art. 12). */
    z.strictObject({ kind: z.literal('unspecified'), ...documented }),
  ],
  { error: '拨付安排的 kind 应为 "instalments"（分期拨付）或 "unspecified"（文件未规定）' },
);

export type Schedule = z.output<typeof scheduleSchema>;

export const allocationSchema = z.strictObject({
  id: ruleIdSchema,
  when: conditionSchema.optional(),
  label: labelSchema,
  minPercent: percentSchema.optional(),
  maxPercent: percentSchema.optional(),
  ...documented,
});

export type Allocation = z.output<typeof allocationSchema>;

/** A finding raised whenever its condition holds: classifications such as 需备案 or 入市级项目库. */
export const noticeSchema = z.strictObject({
  id: ruleIdSchema,
  when: conditionSchema.optional(),
  code: findingCodeSchema,
  message: descriptionSchema,
  ...documented,
});

export type Notice = z.output<typeof noticeSchema>;

export const spendingSchema = z.strictObject({
  eligibleCategories: z.array(labelSchema, { error: '应为投资类别列表，如 ["设备", "软件"]' }).min(1, {
    error: '可认定的投资类别至少要有一项',
  }),
  excludedCategories: z.array(labelSchema, { error: '应为投资类别列表，如 ["土建", "土地"]' }).default([]),
  amountBasis: z.enum(['excluding-tax', 'including-tax'], {
    error: '应为 "excluding-tax"（不含税金额）或 "including-tax"（含税金额）',
  }),
  invoiceDateFrom: dateSchema.optional(),
  invoiceDateTo: dateSchema.optional(),
  requiredEvidence: z.array(labelSchema, { error: '应为佐证材料列表，如 ["合同", "付款凭证"]' }).default([]),
  /** Invoiced but unpaid contract tail counted up to this percentage of the contract amount. */
  unpaidTailMaxPercent: percentSchema.optional(),
  ...documented,
});

export type Spending = z.output<typeof spendingSchema>;

export const readingSchema = z.strictObject({
  topic: labelSchema,
  text: descriptionSchema,
  source: sourceSchema,
});

export type Reading = z.output<typeof readingSchema>;

/**
 * One condition of the text the software cannot compute (a designation, an accident record, a
 * ban on how the money is used): the panel confirms it per project at the listed stages. `fact`
 * names a boolean case field the confirmation answers (e.g. 示范作用强 → strongDemonstration).
 */
export const conditionCheckSchema = z.strictObject({
  id: ruleIdSchema,
  label: labelSchema,
  stages: z.array(stageSchema, { error: '应为评审阶段列表' }).min(1, { error: '至少要有一个评审阶段' }),
  /** Only projects this applies to, e.g. chain-leader projects; absent: every project. */
  when: conditionSchema.optional(),
  fact: factKeySchema.optional(),
  ...documented,
});

export type ConditionCheck = z.output<typeof conditionCheckSchema>;

export const ruleSetSchema = z.strictObject({
  format: z.literal(RULE_SET_FORMAT, { error: `应为 "${RULE_SET_FORMAT}"` }),
  schemaVersion: z.literal(RULE_SET_SCHEMA_VERSION, {
    error: `应为 ${String(RULE_SET_SCHEMA_VERSION)}（本程序支持的规则集格式版本）`,
  }),
  id: ruleIdSchema,
  /** Revision of this rule set, e.g. "1.0.0"; shown in every result. */
  version: z.string({ error: '应为版本号字符串，如 "1.0.0"' }).regex(/^\d+\.\d+\.\d+$/u, { error: '应为版本号字符串（主.次.修订），如 "1.0.0"' }),
  name: labelSchema,
  issuer: labelSchema,
  document: z.strictObject({
    file: labelSchema,
    title: labelSchema,
    published: dateSchema.optional(),
    status: z.string({ error: '应为文件状态文字，如 "征求意见稿"' }).optional(),
  }),
  validFrom: dateSchema.optional(),
  validTo: dateSchema.optional(),
  summary: descriptionSchema,
  facts: z.record(factKeySchema, factSpecSchema, { error: '应为字段定义表（字段名 → 定义）' }),
  eligibility: z.array(eligibilityRuleSchema, { error: '应为资格条件列表' }).default([]),
  spending: spendingSchema.optional(),
  award: awardSchema,
  bonuses: z.array(bonusSchema, { error: '应为一次性奖励列表' }).default([]),
  fundSource: fundSourceSchema.optional(),
  schedule: scheduleSchema.optional(),
  allocations: z.array(allocationSchema, { error: '应为资金使用比例列表' }).default([]),
  notices: z.array(noticeSchema, { error: '应为提示列表' }).default([]),
  readings: z.array(readingSchema, { error: '应为政策解读列表' }).default([]),
  /**
   * Which investment a project's `investment` is when computed from a package: "by-stage" (the
   * planned investment in the application at 立项/中期, the verified investment at 竣工验收) or
   * "planned-total" (the text classifies projects by their total investment, whatever the stage).
   */
  investmentBasis: z
    .enum(['by-stage', 'planned-total'], { error: '应为 "by-stage"（按阶段：立项和中期用计划投资，竣工验收用核定投资）或 "planned-total"（始终用项目计划总投资）' })
    .default('by-stage'),
  /** Conditions the panel confirms per project and stage (资格条件核查表); the software cannot compute them. */
  conditionChecks: z.array(conditionCheckSchema, { error: '应为资格条件核查项列表' }).default([]),
});

/** A rule set as written in a file (defaults not yet applied). */
export type RuleSetInput = z.input<typeof ruleSetSchema>;
/** A validated rule set; obtain one only through parseRuleSet. */
export type RuleSet = z.output<typeof ruleSetSchema>;
