import { Decimal } from 'decimal.js';

/**
 * The one decimal.js constructor the domain uses. A private clone keeps other
 * code that reconfigures the global Decimal from changing our rounding, and
 * 40 significant digits leave room for sums of many 13-digit amounts.
 * ROUND_HALF_UP rounds halves away from zero, which is what invoicing software
 * does and keeps red (negative) invoices the mirror image of blue ones.
 */
export const Dec = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});

export type Dec = InstanceType<typeof Dec>;
