import { readableSource } from './readable-source';
import { INSTALMENT_STAGE_LABEL } from '../codes/labels';
import { bandRangeLabel } from './bands';
import { describeCondition } from './conditions';
import { FACT_TYPE_LABEL, type FactSpec } from './fact-schema';
import { dec, formatPercent, formatReadable } from './money';
import type { AwardRule, Band, Formula, RuleSet } from './rule-set-schema';

/**
 * A rule set as Chinese tables for the UI: what a reviewer needs to check the
 * engine against the policy text, every row with its source paragraph.
 */

export interface DescribedRow {
  /** One cell per column, the last one being the source (依据). */
  readonly cells: readonly string[];
  readonly source: string;
}

export interface DescribedSection {
  readonly key: string;
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly DescribedRow[];
}

export interface RuleSetDescription {
  readonly id: string;
  readonly version: string;
  readonly name: string;
  readonly issuer: string;
  /** 「000_985b87a7ad46cc56.txt《厦门市…（征求意见稿）》，2024-09-30」 */
  readonly document: string;
  /** 「至 2027-06-30」, or null when the rule set states no validity. */
  readonly validity: string | null;
  readonly summary: string;
  readonly hasFormula: boolean;
  readonly sections: readonly DescribedSection[];
}

type Facts = Readonly<Record<string, FactSpec>>;

function row(cells: readonly string[], source: string): DescribedRow {
  return { cells: [...cells, source], source };
}

function section(key: string, title: string, columns: readonly string[], rows: readonly DescribedRow[]): DescribedSection {
  return { key, title, columns: [...columns, '依据'], rows };
}

/** 「1000万元」, 「66,666,666.67元」: the short form only where it is exact. */
function money(value: string | undefined): string {
  return value === undefined ? '—' : formatReadable(dec(value));
}

function percent(value: string): string {
  return formatPercent(dec(value));
}

export function describeRuleSet(ruleSet: RuleSet): RuleSetDescription {
  const facts = ruleSet.facts;
  const sections: DescribedSection[] = [];

  sections.push(
    section(
      'facts',
      '评审需填写的信息',
      ['信息项', '类型', '默认值', '说明'],
      Object.values(facts).map((spec) => row([spec.label, factTypeText(spec), factDefaultText(spec), spec.description ?? ''], ruleSet.document.file)),
    ),
  );

  if (ruleSet.eligibility.length > 0) {
    sections.push(
      section(
        'eligibility',
        '资格条件',
        ['条件', '说明', '不满足时'],
        ruleSet.eligibility.map((rule) => row([describeCondition(rule.when, facts), rule.description, rule.failMessage], rule.source)),
      ),
    );
  }

  const spending = ruleSet.spending;
  if (spending) {
    const rows: DescribedRow[] = [
      row(['可认定的投资类别', spending.eligibleCategories.join('、')], spending.source),
      row(['不予认定', spending.excludedCategories.length > 0 ? spending.excludedCategories.join('、') : '—'], spending.source),
      row(['金额口径', spending.amountBasis === 'excluding-tax' ? '发票金额（不含税）' : '含税金额'], spending.source),
    ];
    if (spending.invoiceDateFrom || spending.invoiceDateTo) {
      rows.push(row(['发票日期', `${spending.invoiceDateFrom ?? '不限'} 至 ${spending.invoiceDateTo ?? '不限'}`], spending.source));
    }
    if (spending.requiredEvidence.length > 0) {
      rows.push(row(['佐证材料', spending.requiredEvidence.join('、')], spending.source));
    }
    if (spending.unpaidTailMaxPercent !== undefined) {
      rows.push(row(['已开票未支付的尾款', `可认定，最高不超过对应合同金额的 ${percent(spending.unpaidTailMaxPercent)}`], spending.source));
    }
    rows.push(row(['说明', spending.description], spending.source));
    sections.push(section('spending', '投资额认定范围', ['项目', '内容'], rows));
  }

  if (ruleSet.award.kind === 'none') {
    sections.push(section('award', '奖补标准', ['说明'], [row([ruleSet.award.description], ruleSet.award.source)]));
  } else {
    const rows: DescribedRow[] = [];
    for (const rule of ruleSet.award.rules) rows.push(...describeAwardRule(rule, facts));
    sections.push(section('award', '奖补标准', ['适用', '区间', '计算方式', '比例或金额', '上限', '性质', '说明'], rows));
  }

  if (ruleSet.bonuses.length > 0) {
    sections.push(
      section(
        'bonuses',
        '一次性奖励',
        ['奖励', '条件', '金额', '拨付', '说明'],
        ruleSet.bonuses.map((bonus) =>
          row(
            [
              bonus.label,
              describeCondition(bonus.when, facts),
              money(bonus.amount),
              `${INSTALMENT_STAGE_LABEL[bonus.payableAt]}后拨付${bonus.requiresAcceptance ? '（以通过竣工验收为条件）' : ''}`,
              bonus.description,
            ],
            bonus.source,
          ),
        ),
      ),
    );
  }

  const fundSource = ruleSet.fundSource;
  if (fundSource) {
    const rule = fundSource.rule === 'highest-not-both' ? '就高不重复：同一项目只从一个来源支持' : '单一来源';
    sections.push(
      section(
        'fundSource',
        '资金来源',
        ['来源', '适用条件', '说明'],
        [
          row(['原则', rule, fundSource.description], fundSource.source),
          ...fundSource.sources.map((source) => row([source.label, source.when ? describeCondition(source.when, facts) : '均适用', source.description], source.source)),
        ],
      ),
    );
  }

  const schedule = ruleSet.schedule;
  if (schedule?.kind === 'instalments') {
    sections.push(
      section(
        'schedule',
        '资金拨付',
        ['阶段', '比例', '说明'],
        [
          ...schedule.instalments.map((instalment) =>
            row(
              [INSTALMENT_STAGE_LABEL[instalment.stage], instalment.kind === 'percent' ? percent(instalment.percent) : '剩余部分', instalment.description],
              instalment.source,
            ),
          ),
          row(['验收不通过', schedule.refundOnFailedAcceptance ? '退还全部已拨资金' : '不全额退还', schedule.refundDescription], schedule.refundSource),
          row(['计算口径', '', schedule.description], schedule.source),
        ],
      ),
    );
  } else if (schedule?.kind === 'unspecified') {
    sections.push(section('schedule', '资金拨付', ['阶段', '比例', '说明'], [row(['—', '—', schedule.description], schedule.source)]));
  }

  if (ruleSet.allocations.length > 0) {
    sections.push(
      section(
        'allocations',
        '资金使用要求',
        ['用途', '适用条件', '比例', '说明'],
        ruleSet.allocations.map((allocation) =>
          row(
            [
              allocation.label,
              allocation.when ? describeCondition(allocation.when, facts) : '均适用',
              allocationShare(allocation.minPercent, allocation.maxPercent),
              allocation.description,
            ],
            allocation.source,
          ),
        ),
      ),
    );
  }

  if (ruleSet.notices.length > 0) {
    sections.push(
      section(
        'notices',
        '提示与分类',
        ['条件', '结论', '说明'],
        ruleSet.notices.map((notice) => row([notice.when ? describeCondition(notice.when, facts) : '所有项目', notice.message, notice.description], notice.source)),
      ),
    );
  }

  if (ruleSet.readings.length > 0) {
    sections.push(
      section(
        'readings',
        '条文理解说明',
        ['事项', '采用的理解'],
        ruleSet.readings.map((reading) => row([reading.topic, reading.text], reading.source)),
      ),
    );
  }

  // Reviewers read titles and 第五条（二）, not the policy file's stored name and §五(二).
  const document = [
    `《${ruleSet.document.title}》`,
    ruleSet.document.status ? `（${ruleSet.document.status}）` : '',
    ruleSet.document.published ? `，${ruleSet.document.published}` : '',
  ].join('');
  const validity =
    ruleSet.validFrom || ruleSet.validTo ? `${ruleSet.validFrom ? `自 ${ruleSet.validFrom} ` : ''}${ruleSet.validTo ? `至 ${ruleSet.validTo}` : '起'}` : null;

  return {
    id: ruleSet.id,
    version: ruleSet.version,
    name: ruleSet.name,
    issuer: ruleSet.issuer,
    document,
    validity,
    summary: ruleSet.summary,
    hasFormula: ruleSet.award.kind !== 'none',
    sections: sections.map((s) => ({
      ...s,
      rows: s.rows.map((r) => {
        const source = readableSource(r.source, ruleSet);
        return { cells: [...r.cells.slice(0, -1), source], source };
      }),
    })),
  };
}

function factTypeText(spec: FactSpec): string {
  const base = FACT_TYPE_LABEL[spec.type];
  if (spec.type === 'enum') return `${base}：${spec.values.map((option) => option.label).join('、')}`;
  if (spec.type === 'number' && spec.unit) return `${base}（${spec.unit}）`;
  return base;
}

function factDefaultText(spec: FactSpec): string {
  if (!('default' in spec) || spec.default === undefined) return '必填（需要时）';
  if (typeof spec.default === 'boolean') return spec.default ? '是' : '否';
  if (spec.type === 'enum') return spec.values.find((option) => option.value === spec.default)?.label ?? spec.default;
  if (spec.type === 'money') return money(spec.default);
  return String(spec.default);
}

function allocationShare(minPercent: string | undefined, maxPercent: string | undefined): string {
  const parts: string[] = [];
  if (minPercent !== undefined) parts.push(`不低于 ${percent(minPercent)}`);
  if (maxPercent !== undefined) parts.push(`不高于 ${percent(maxPercent)}`);
  return parts.join('，');
}

function describeAwardRule(rule: AwardRule, facts: Facts): DescribedRow[] {
  const applies = rule.when ? `${rule.label}（${describeCondition(rule.when, facts)}）` : rule.label;
  const nature = rule.formula.kind === 'none' ? '不计算金额' : rule.ceiling ? '上限（不高于）' : '确定金额';
  const formula = rule.formula;
  if (formula.kind === 'bands') {
    const label = facts[formula.base]?.label ?? formula.base;
    return formula.bands.map((band) =>
      row([applies, `${label} ${bandRangeLabel(band)}`, bandMethod(band), bandFigure(band), bandCap(band), nature, band.description], band.source),
    );
  }
  return [row([applies, '—', formulaMethod(formula, facts), formulaFigure(formula), formulaCap(formula, facts), nature, rule.description], rule.source)];
}

function bandMethod(band: Band): string {
  switch (band.kind) {
    case 'none':
      return '不予奖补';
    case 'rate':
      return '投资额 × 比例';
    case 'progressive': {
      const base = band.base === 'previous-cap' ? '前一区间上限' : money(band.base);
      const over = money(band.over ?? band.from);
      return `${base} + (投资额 − ${over}) × 比例`;
    }
    case 'fixed':
      return '固定金额';
  }
}

function bandFigure(band: Band): string {
  switch (band.kind) {
    case 'none':
      return '—';
    case 'rate':
    case 'progressive':
      return percent(band.ratePercent);
    case 'fixed':
      return money(band.amount);
  }
}

function bandCap(band: Band): string {
  return 'cap' in band && band.cap !== undefined ? money(band.cap) : '—';
}

function formulaMethod(formula: Exclude<Formula, { kind: 'bands' }>, facts: Facts): string {
  const label = (key: string): string => facts[key]?.label ?? key;
  switch (formula.kind) {
    case 'rate':
      return `${label(formula.base)} × 比例`;
    case 'fixed':
      return '定额';
    case 'none':
      return '文件未规定金额';
    case 'per-unit':
      return `${label(formula.countFact)} × 每${formula.unitLabel}金额`;
    case 'interest': {
      const principal = formula.principalCap === undefined ? '' : `（融资额最高 ${money(formula.principalCap)}）`;
      const years = formula.maxYears === undefined ? '' : `，最长 ${formula.maxYears} 年`;
      return `${label(formula.principalFact)}${principal} × (${label(formula.rateFact)} − 企业承担 ${percent(formula.borrowerCostPercent)}) × ${label(formula.yearsFact)}${years}`;
    }
  }
}

function formulaFigure(formula: Exclude<Formula, { kind: 'bands' }>): string {
  switch (formula.kind) {
    case 'rate':
      return percent(formula.ratePercent);
    case 'fixed':
      return money(formula.amount);
    case 'none':
      return '—';
    case 'per-unit':
      return `每${formula.unitLabel} ${money(formula.unitAmount)}`;
    case 'interest':
      return `企业承担 ${percent(formula.borrowerCostPercent)}/年，其余贴息`;
  }
}

function formulaCap(formula: Exclude<Formula, { kind: 'bands' }>, facts: Facts): string {
  if (formula.kind === 'fixed' || formula.kind === 'none' || !('cap' in formula) || formula.cap === undefined) return '—';
  const cumulative = 'capLessFact' in formula && formula.capLessFact !== undefined ? `（累计，扣除${facts[formula.capLessFact]?.label ?? formula.capLessFact}）` : '';
  return `${money(formula.cap)}${cumulative}`;
}
