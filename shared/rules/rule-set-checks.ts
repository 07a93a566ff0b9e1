import { INSTALMENT_STAGE_LABEL } from '../codes/labels';
import type { Condition } from './condition-schema';
import { RESERVED_CASE_FIELDS, type FactSpec, type FactType } from './fact-schema';
import { dec, ZERO } from './money';
import { STAGES } from './rule-set-primitives';
import type { Band, Formula, RuleSet } from './rule-set-schema';

/**
 * Checks that need the whole document, run after the shape is valid: a band
 * table with a gap, a condition on an undeclared field or a schedule paying
 * 110% would otherwise only surface as a wrong award in front of a panel.
 */

export type IssuePath = readonly (string | number)[];

export interface RuleSetIssue {
  readonly path: IssuePath;
  readonly message: string;
}

type Facts = Readonly<Record<string, FactSpec>>;

const NUMERIC: readonly FactType[] = ['money', 'count', 'number'];

export function checkRuleSet(ruleSet: RuleSet): RuleSetIssue[] {
  const issues: RuleSetIssue[] = [];
  const report = (path: IssuePath, message: string): void => {
    issues.push({ path, message });
  };
  const facts = ruleSet.facts;

  checkFactDeclarations(facts, report);

  ruleSet.eligibility.forEach((rule, i) => {
    checkCondition(rule.when, ['eligibility', i, 'when'], facts, report);
  });
  uniqueIds(ruleSet.eligibility, ['eligibility'], '资格条件', report);

  if (ruleSet.award.kind === 'rules') {
    ruleSet.award.rules.forEach((rule, i) => {
      const path = ['award', 'rules', i];
      if (rule.when) checkCondition(rule.when, [...path, 'when'], facts, report);
      checkFormula(rule.formula, [...path, 'formula'], facts, report);
    });
    uniqueIds(ruleSet.award.rules, ['award', 'rules'], '奖补规则', report);
  }

  ruleSet.bonuses.forEach((bonus, i) => {
    checkCondition(bonus.when, ['bonuses', i, 'when'], facts, report);
  });
  uniqueIds(ruleSet.bonuses, ['bonuses'], '一次性奖励', report);

  if (ruleSet.fundSource) {
    ruleSet.fundSource.sources.forEach((source, i) => {
      if (source.when) checkCondition(source.when, ['fundSource', 'sources', i, 'when'], facts, report);
    });
    uniqueIds(ruleSet.fundSource.sources, ['fundSource', 'sources'], '资金来源', report);
  }

  ruleSet.allocations.forEach((allocation, i) => {
    const path = ['allocations', i];
    if (allocation.when) checkCondition(allocation.when, [...path, 'when'], facts, report);
    if (allocation.minPercent === undefined && allocation.maxPercent === undefined) {
      report(path, '应至少给出 minPercent（不低于）或 maxPercent（不高于）之一');
    }
    if (allocation.minPercent !== undefined && allocation.maxPercent !== undefined && dec(allocation.minPercent).gt(dec(allocation.maxPercent))) {
      report([...path, 'minPercent'], `不低于比例 ${allocation.minPercent}% 大于不高于比例 ${allocation.maxPercent}%`);
    }
  });
  uniqueIds(ruleSet.allocations, ['allocations'], '资金使用比例', report);

  ruleSet.notices.forEach((notice, i) => {
    if (notice.when) checkCondition(notice.when, ['notices', i, 'when'], facts, report);
  });
  uniqueIds(ruleSet.notices, ['notices'], '提示', report);

  ruleSet.conditionChecks.forEach((check, i) => {
    if (check.when) checkCondition(check.when, ['conditionChecks', i, 'when'], facts, report);
    if (check.fact) factOf(check.fact, ['conditionChecks', i, 'fact'], facts, ['boolean'], report);
  });
  uniqueIds(ruleSet.conditionChecks, ['conditionChecks'], '资格条件核查项', report);

  checkSchedule(ruleSet, report);

  if (ruleSet.validFrom && ruleSet.validTo && ruleSet.validFrom > ruleSet.validTo) {
    report(['validTo'], `有效期止 ${ruleSet.validTo} 早于有效期起 ${ruleSet.validFrom}`);
  }
  const spending = ruleSet.spending;
  if (spending?.invoiceDateFrom && spending.invoiceDateTo && spending.invoiceDateFrom > spending.invoiceDateTo) {
    report(['spending', 'invoiceDateTo'], `发票日期止 ${spending.invoiceDateTo} 早于发票日期起 ${spending.invoiceDateFrom}`);
  }
  if (spending) {
    spending.excludedCategories.forEach((category, i) => {
      if (spending.eligibleCategories.includes(category)) {
        report(['spending', 'excludedCategories', i], `投资类别「${category}」不能同时可认定又不予认定`);
      }
    });
  }

  return issues;
}

type Report = (path: IssuePath, message: string) => void;

function checkFactDeclarations(facts: Facts, report: Report): void {
  for (const [key, spec] of Object.entries(facts)) {
    if ((RESERVED_CASE_FIELDS as readonly string[]).includes(key)) {
      report(['facts', key], `字段名「${key}」由程序保留（${RESERVED_CASE_FIELDS.join('、')}），不能在规则集中定义`);
    }
    if (spec.type === 'enum') {
      const seen = new Set<string>();
      spec.values.forEach((option, i) => {
        if (seen.has(option.value)) report(['facts', key, 'values', i, 'value'], `取值「${option.value}」重复`);
        seen.add(option.value);
      });
      if (spec.default !== undefined && !seen.has(spec.default)) {
        report(['facts', key, 'default'], `默认值「${spec.default}」不在取值列表（${[...seen].join('、')}）中`);
      }
    }
  }
}

function factOf(key: string, path: IssuePath, facts: Facts, allowed: readonly FactType[], report: Report): FactSpec | undefined {
  const spec = facts[key];
  if (!spec) {
    const declared = Object.keys(facts);
    report(path, `字段「${key}」未在 facts 中定义${declared.length > 0 ? `（已定义：${declared.join('、')}）` : ''}`);
    return undefined;
  }
  if (!allowed.includes(spec.type)) {
    report(path, `字段「${key}」的类型是 "${spec.type}"，此处应为 ${allowed.map((t) => `"${t}"`).join('、')} 类型的字段`);
    return undefined;
  }
  return spec;
}

export function checkCondition(condition: Condition, path: IssuePath, facts: Facts, report: Report): void {
  switch (condition.op) {
    case 'all':
    case 'any':
      condition.of.forEach((child, i) => {
        checkCondition(child, [...path, 'of', i], facts, report);
      });
      return;
    case 'not':
      checkCondition(condition.of, [...path, 'of'], facts, report);
      return;
    case 'gte':
    case 'gt':
    case 'lt':
    case 'lte':
      factOf(condition.fact, [...path, 'fact'], facts, NUMERIC, report);
      return;
    case 'eq': {
      const spec = factOf(condition.fact, [...path, 'fact'], facts, ['boolean', 'enum', 'industry-code'], report);
      if (spec?.type === 'boolean' && typeof condition.value !== 'boolean') {
        report([...path, 'value'], `字段「${condition.fact}」是是/否字段，此处应为 true 或 false`);
      }
      if (spec && spec.type !== 'boolean' && typeof condition.value !== 'string') {
        report([...path, 'value'], `字段「${condition.fact}」是文字字段，此处应为文字取值`);
      }
      if (spec?.type === 'enum' && typeof condition.value === 'string') {
        checkEnumValues(spec, [condition.value], [...path, 'value'], report);
      }
      return;
    }
    case 'in': {
      const spec = factOf(condition.fact, [...path, 'fact'], facts, ['enum', 'industry-code'], report);
      if (spec?.type === 'enum') checkEnumValues(spec, condition.values, [...path, 'values'], report);
      return;
    }
    case 'prefix':
      factOf(condition.fact, [...path, 'fact'], facts, ['industry-code', 'enum'], report);
      return;
  }
}

function checkEnumValues(spec: Extract<FactSpec, { type: 'enum' }>, values: readonly string[], path: IssuePath, report: Report): void {
  const known = spec.values.map((v) => v.value);
  values.forEach((value, i) => {
    if (!known.includes(value)) {
      report(values.length === 1 ? path : [...path, i], `取值「${value}」不在该字段的取值列表（${known.join('、')}）中`);
    }
  });
}

function checkFormula(formula: Formula, path: IssuePath, facts: Facts, report: Report): void {
  switch (formula.kind) {
    case 'rate':
      factOf(formula.base, [...path, 'base'], facts, ['money', 'number'], report);
      if (formula.capLessFact) factOf(formula.capLessFact, [...path, 'capLessFact'], facts, ['money'], report);
      if (formula.capLessFact && formula.cap === undefined) {
        report([...path, 'capLessFact'], 'capLessFact（累计上限扣减）需要同时给出 cap（上限）');
      }
      return;
    case 'fixed':
    case 'none':
      return;
    case 'per-unit':
      factOf(formula.countFact, [...path, 'countFact'], facts, ['count'], report);
      if (formula.capLessFact) factOf(formula.capLessFact, [...path, 'capLessFact'], facts, ['money'], report);
      if (formula.capLessFact && formula.cap === undefined) {
        report([...path, 'capLessFact'], 'capLessFact（累计上限扣减）需要同时给出 cap（上限）');
      }
      return;
    case 'interest':
      factOf(formula.principalFact, [...path, 'principalFact'], facts, ['money'], report);
      factOf(formula.rateFact, [...path, 'rateFact'], facts, ['number'], report);
      factOf(formula.yearsFact, [...path, 'yearsFact'], facts, ['number', 'count'], report);
      return;
    case 'bands':
      factOf(formula.base, [...path, 'base'], facts, ['money', 'number'], report);
      checkBands(formula.bands, [...path, 'bands'], report);
      return;
  }
}

function checkBands(bands: readonly Band[], path: IssuePath, report: Report): void {
  uniqueIds(bands, path, '区间', report);
  const first = bands[0];
  if (first && !dec(first.from).isZero()) {
    report([...path, 0, 'from'], `第一个区间应从 "0" 开始（低于门槛的部分请写一个 kind 为 "none" 的区间），实际为 "${first.from}"`);
  }
  bands.forEach((band, i) => {
    const here = [...path, i];
    const next = bands[i + 1];
    if (next) {
      if (band.to === undefined) {
        report([...here, 'to'], `除最后一个区间外，每个区间都应给出上限 to（不含），且等于后一区间的 from "${next.from}"`);
      } else if (!dec(band.to).eq(dec(next.from))) {
        report([...here, 'to'], `区间应首尾相接：to "${band.to}" 应等于后一区间的 from "${next.from}"`);
      }
    } else if (band.to !== undefined) {
      report([...here, 'to'], '最后一个区间不应给出 to（它包含以上所有金额）');
    }
    if (band.to !== undefined && !dec(band.to).gt(dec(band.from))) {
      report([...here, 'to'], `区间上限 to "${band.to}" 应大于下限 from "${band.from}"`);
    }
    if (band.kind === 'progressive') {
      if (band.over !== undefined && dec(band.over).gt(dec(band.from))) {
        report([...here, 'over'], `超额起算点 over "${band.over}" 不应大于区间下限 from "${band.from}"`);
      }
      if (band.base === 'previous-cap') {
        const previous = i > 0 ? bands[i - 1] : undefined;
        if (!previous) {
          report([...here, 'base'], '第一个区间没有前一区间，base 不能为 "previous-cap"，请写金额');
        } else if (!('cap' in previous) || previous.cap === undefined) {
          report([...here, 'base'], `base 为 "previous-cap" 时，前一区间「${previous.id}」应给出上限 cap`);
        }
      }
    }
    if ('cap' in band && band.cap !== undefined && dec(band.cap).lte(ZERO)) {
      report([...here, 'cap'], '上限 cap 应大于 0');
    }
  });
}

function checkSchedule(ruleSet: RuleSet, report: Report): void {
  const schedule = ruleSet.schedule;
  // Without instalments a bonus is simply part of the award; its stage has nothing to match.
  if (!schedule || schedule.kind !== 'instalments') return;
  const path = ['schedule', 'instalments'];
  let total = ZERO;
  let lastIndex = -1;
  schedule.instalments.forEach((instalment, i) => {
    const order = STAGES.indexOf(instalment.stage);
    if (order <= lastIndex) {
      report([...path, i, 'stage'], `拨付阶段应按 立项 → 中期评估 → 竣工验收 的顺序且不重复，「${INSTALMENT_STAGE_LABEL[instalment.stage]}」位置不对`);
    }
    lastIndex = Math.max(lastIndex, order);
    if (instalment.kind === 'percent') {
      total = total.plus(dec(instalment.percent));
    } else if (i !== schedule.instalments.length - 1) {
      report([...path, i, 'kind'], '"remainder"（剩余部分）只能是最后一批');
    }
  });
  const last = schedule.instalments[schedule.instalments.length - 1];
  if (total.gt(100)) {
    report(path, `各批比例合计 ${total.toFixed()}%，不能超过 100%`);
  } else if (last?.kind === 'percent' && !total.eq(100)) {
    report(path, `各批比例合计 ${total.toFixed()}%，应等于 100%（或将最后一批写为 "remainder"）`);
  }
  const stages = new Set(schedule.instalments.map((instalment) => instalment.stage));
  ruleSet.bonuses.forEach((bonus, i) => {
    if (!stages.has(bonus.payableAt)) {
      report(['bonuses', i, 'payableAt'], `拨付批次中没有「${INSTALMENT_STAGE_LABEL[bonus.payableAt]}」阶段，一次性奖励无法在该阶段发放`);
    }
  });
}

function uniqueIds(items: readonly { id: string }[], path: IssuePath, what: string, report: Report): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) report([...path, i, 'id'], `${what}标识「${item.id}」重复，每条应唯一`);
    seen.add(item.id);
  });
}
