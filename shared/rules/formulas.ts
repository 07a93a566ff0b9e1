import type { Dec } from '../domain/decimal';
import { bandFigure, bandRangeLabel, findBandIndex } from './bands';
import type { FactReader } from './case-facts';
import { constant, formatAmountWithReadable, formatGrouped, formatPercent, maxDec, minDec, percentOf, roundFen, ZERO } from './money';
import type { Formula } from './rule-set-schema';
import type { Finding } from './trace';

/** One computed figure: the amount after its cap, rounded to the fen, and how it was reached. */
export interface FormulaOutcome {
  readonly amount: Dec;
  readonly band?: string;
  /** Chinese sentence for the trace. */
  readonly text: string;
  /** Arithmetic only. */
  readonly formula: string;
  /** The source of the band used, which is more precise than the rule's. */
  readonly source?: string;
  readonly findings: readonly Finding[];
}

interface Capped {
  readonly amount: Dec;
  readonly text: string;
  readonly formula: string;
}

/**
 * Applies a cap to a figure already rounded to the fen. A cumulative cap
 * (`capLess`, e.g. 每家累计最高500万元) is what is left of it after earlier awards.
 */
function applyCap(value: Dec, cap: Dec | undefined, capLess?: { label: string; amount: Dec }): Capped {
  if (cap === undefined) return { amount: value, text: '', formula: '' };
  let effective = cap;
  let capText = `上限 ${formatGrouped(cap)}`;
  if (capLess && !capLess.amount.isZero()) {
    effective = maxDec(cap.minus(capLess.amount), ZERO);
    capText = `剩余上限 ${formatGrouped(cap)} − ${capLess.label} ${formatGrouped(capLess.amount)} = ${formatGrouped(effective)}`;
  }
  if (value.gt(effective)) {
    return {
      amount: effective,
      text: `，超过${capText}，取 ${formatGrouped(effective)}`,
      formula: `；min(${formatGrouped(value)}, ${formatGrouped(effective)}) = ${formatGrouped(effective)}`,
    };
  }
  return { amount: value, text: `，未超过${capText}`, formula: '' };
}

function capLessOf(facts: FactReader, key: string | undefined): { label: string; amount: Dec } | undefined {
  return key === undefined ? undefined : { label: facts.label(key), amount: facts.decimal(key) };
}

export function evaluateFormula(formula: Formula, facts: FactReader): FormulaOutcome {
  switch (formula.kind) {
    case 'fixed': {
      const amount = constant(formula.amount);
      return { amount, text: `定额 ${formatGrouped(amount)}`, formula: formatGrouped(amount), findings: [] };
    }
    case 'none':
      // The engine reports these rules before evaluating any formula (see engine.ts).
      return { amount: ZERO, text: '文件未规定金额', formula: '', findings: [] };
    case 'rate': {
      const base = facts.decimal(formula.base);
      const rate = constant(formula.ratePercent);
      const value = roundFen(percentOf(base, rate));
      const capped = applyCap(value, formula.cap === undefined ? undefined : constant(formula.cap), capLessOf(facts, formula.capLessFact));
      const arithmetic = `${formatGrouped(base)} × ${formatPercent(rate)} = ${formatGrouped(value)}`;
      return {
        amount: capped.amount,
        text: `${facts.label(formula.base)} ${formatAmountWithReadable(base)} × ${formatPercent(rate)} = ${formatGrouped(value)}${capped.text}`,
        formula: `${arithmetic}${capped.formula}`,
        findings: [],
      };
    }
    case 'per-unit': {
      const count = facts.decimal(formula.countFact);
      const unit = constant(formula.unitAmount);
      const value = roundFen(count.times(unit));
      const capped = applyCap(value, formula.cap === undefined ? undefined : constant(formula.cap), capLessOf(facts, formula.capLessFact));
      const arithmetic = `${count.toFixed()} × ${formatGrouped(unit)} = ${formatGrouped(value)}`;
      return {
        amount: capped.amount,
        text: `${facts.label(formula.countFact)} ${count.toFixed()} × 每${formula.unitLabel} ${formatGrouped(unit)}元 = ${formatGrouped(value)}${capped.text}`,
        formula: `${arithmetic}${capped.formula}`,
        findings: [],
      };
    }
    case 'interest':
      return evaluateInterest(formula, facts);
    case 'bands':
      return evaluateBands(formula, facts);
  }
}

function evaluateInterest(formula: Extract<Formula, { kind: 'interest' }>, facts: FactReader): FormulaOutcome {
  const givenPrincipal = facts.decimal(formula.principalFact);
  const principalCap = formula.principalCap === undefined ? undefined : constant(formula.principalCap);
  const principal = principalCap === undefined ? givenPrincipal : minDec(givenPrincipal, principalCap);
  const rate = facts.decimal(formula.rateFact);
  const borrowerCost = constant(formula.borrowerCostPercent);
  const subsidisedRate = maxDec(rate.minus(borrowerCost), ZERO);
  const givenYears = facts.decimal(formula.yearsFact);
  const maxYears = formula.maxYears === undefined ? undefined : constant(formula.maxYears);
  const years = maxYears === undefined ? givenYears : minDec(givenYears, maxYears);
  const value = roundFen(percentOf(principal, subsidisedRate).times(years));
  const capped = applyCap(value, formula.cap === undefined ? undefined : constant(formula.cap));

  const principalText =
    principalCap !== undefined && givenPrincipal.gt(principalCap)
      ? `${facts.label(formula.principalFact)} ${formatGrouped(givenPrincipal)} 超过额度上限 ${formatGrouped(principalCap)}，按 ${formatGrouped(principal)} 计`
      : `${facts.label(formula.principalFact)} ${formatAmountWithReadable(principal)}`;
  const yearsText =
    maxYears !== undefined && givenYears.gt(maxYears)
      ? `${facts.label(formula.yearsFact)} ${givenYears.toFixed()} 年超过最长 ${maxYears.toFixed()} 年，按 ${years.toFixed()} 年计`
      : `${facts.label(formula.yearsFact)} ${years.toFixed()} 年`;
  const arithmetic = `${formatGrouped(principal)} × (${formatPercent(rate)} − ${formatPercent(borrowerCost)}) × ${years.toFixed()} = ${formatGrouped(value)}`;
  const findings: Finding[] = subsidisedRate.isZero()
    ? [
        {
          code: 'NO_INTEREST_ABOVE_COST',
          message: `融资利率 ${formatPercent(rate)} 不高于企业承担的 ${formatPercent(borrowerCost)}，无贴息`,
        },
      ]
    : [];
  return {
    amount: capped.amount,
    text: `${principalText}；${yearsText}；贴息 = 融资额 × (年利率 ${formatPercent(rate)} − 企业承担 ${formatPercent(borrowerCost)}) × 年限 = ${formatGrouped(value)}${capped.text}`,
    formula: `${arithmetic}${capped.formula}`,
    findings,
  };
}

function evaluateBands(formula: Extract<Formula, { kind: 'bands' }>, facts: FactReader): FormulaOutcome {
  const amount = facts.decimal(formula.base);
  const index = findBandIndex(formula.bands, amount);
  const band = formula.bands[index];
  if (!band) throw new Error('区间表为空');
  const where = `${facts.label(formula.base)} ${formatAmountWithReadable(amount)}位于「${bandRangeLabel(band)}」区间`;
  const figure = bandFigure(formula.bands, index, amount);
  if (!figure) {
    return {
      amount: ZERO,
      band: band.id,
      text: `${where}：${band.description}`,
      formula: '',
      source: band.source,
      findings: [{ code: 'NO_AWARD_BAND', message: `${where}：${band.description}`, source: band.source }],
    };
  }
  const capped = applyCap(figure.uncapped, figure.cap);
  const note = figure.baseNote === undefined ? '' : `（${figure.baseNote}）`;
  return {
    amount: capped.amount,
    band: band.id,
    text: `${where}：${figure.arithmetic}${note}${capped.text}`,
    formula: `${figure.arithmetic}${capped.formula}`,
    source: band.source,
    findings: [],
  };
}
