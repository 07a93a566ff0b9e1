import type { Dec } from '../domain/decimal';
import { dec, formatFen, ZERO } from './money';

/**
 * How a result re-adds: every step's `amount` is its signed contribution to
 * the award, so the award is exactly the sum of the trace amounts. Steps that
 * only record a decision (an eligibility check, the fund source, a band below
 * the threshold) contribute 0.00; a cap is applied inside the step that
 * computes the figure (its text and formula show the uncapped figure and the
 * cap), and a failed acceptance is a negative step that takes the award back
 * to 0.00.
 */
export interface TraceStep {
  /** Which rule of the rule set: "eligibility:…", "fund-source:…", "award:…", "bonus:…", "acceptance", "no-formula". */
  readonly rule: string;
  /** The band id, for banded formulas. */
  readonly band?: string;
  /** What happened, in Chinese a reviewer can read. */
  readonly text: string;
  /** The arithmetic with the figures used, or "" when no figure is computed. */
  readonly formula: string;
  /** Contribution to the award, yuan, two decimals, may be negative. */
  readonly amount: string;
  /** The policy paragraph, e.g. "000_985b87a7ad46cc56.txt §五(三)2(1)". */
  readonly source: string;
}

export interface Finding {
  /** Stable code for programs, e.g. "FILING_REQUIRED". */
  readonly code: string;
  /** Chinese, for the reviewer. */
  readonly message: string;
  readonly source?: string;
}

export interface StepInput {
  readonly rule: string;
  readonly band?: string | undefined;
  readonly text: string;
  readonly formula?: string;
  readonly amount?: Dec;
  readonly source: string;
}

export class TraceBuilder {
  readonly steps: TraceStep[] = [];
  private sum: Dec = ZERO;

  add(input: StepInput): void {
    const amount = input.amount ?? ZERO;
    this.sum = this.sum.plus(amount);
    const step: TraceStep = {
      rule: input.rule,
      text: input.text,
      formula: input.formula ?? '',
      amount: formatFen(amount),
      source: input.source,
    };
    this.steps.push(input.band === undefined ? step : { ...step, band: input.band });
  }

  total(): Dec {
    return this.sum;
  }
}

/** The sum of a trace's contributions, two decimals; equals the result's award. */
export function sumTrace(trace: readonly Pick<TraceStep, 'amount'>[]): string {
  let total = ZERO;
  for (const step of trace) total = total.plus(dec(step.amount));
  return formatFen(total);
}
