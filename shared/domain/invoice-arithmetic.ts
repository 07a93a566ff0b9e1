import { Dec } from './decimal';
import { addMoney, formatYuan, multiplyMoney, roundMoney, subtractMoney, sumMoney, type MoneyString } from './money';
import { formatTaxRate, taxRateFactor, type TaxRate } from './tax-rate';

/**
 * Invoice arithmetic, DOMAIN.md §2 "Arithmetic": 价税合计 = 金额 + 税额
 * exactly; line tax = round half-up (amount × rate); an invoice's tax is the
 * sum of its line taxes, so it may differ by some fen from amount × rate.
 */

export type CheckSeverity = 'ok' | 'warning' | 'error';

export interface ArithmeticCheck {
  readonly check: 'total' | 'line-tax' | 'invoice-tax' | 'line-amount-sum' | 'line-tax-sum';
  readonly severity: CheckSeverity;
  readonly expected: MoneyString;
  readonly actual: MoneyString;
  /** actual − expected. */
  readonly difference: MoneyString;
  /** Largest difference accepted with a warning; "0.00" for checks that must be exact. */
  readonly tolerance: MoneyString;
  readonly message: string;
}

/**
 * How far issuing software lets tax drift from amount × rate: ±0.06 per line,
 * 1.27 over an invoice. DOMAIN.md marks these figures open, so they are
 * defaults that callers may override.
 */
export const DEFAULT_TAX_TOLERANCE = { line: '0.06', invoice: '1.27' } as const;

const yuan = (v: string): string => `${formatYuan(v)} 元`;

function compare(
  check: ArithmeticCheck['check'],
  actual: MoneyString,
  expected: MoneyString,
  tolerance: MoneyString,
  describe: { equal: string; differs: string },
): ArithmeticCheck {
  const difference = subtractMoney(actual, expected);
  const gap = new Dec(difference).abs();
  const base = { check, expected, actual, difference, tolerance };
  if (gap.isZero()) return { ...base, severity: 'ok', message: describe.equal };
  const shownGap = yuan(gap.toFixed(2));
  if (gap.lte(tolerance)) {
    return {
      ...base,
      severity: 'warning',
      message: `${describe.differs}，相差 ${shownGap}，在开票舍入允许的 ${yuan(tolerance)}误差内`,
    };
  }
  const limit = new Dec(tolerance).isZero() ? '应完全相等' : `超出允许的 ${yuan(tolerance)}误差`;
  return { ...base, severity: 'error', message: `${describe.differs}，相差 ${shownGap}，${limit}` };
}

/** 价税合计 must equal 金额 + 税额 to the fen. */
export function checkTotal(amount: MoneyString, tax: MoneyString, total: MoneyString): ArithmeticCheck {
  const expected = addMoney(amount, tax);
  return compare('total', roundMoney(total), expected, '0.00', {
    equal: `价税合计 ${yuan(total)} = 金额 ${yuan(amount)} + 税额 ${yuan(tax)}`,
    differs: `价税合计 ${yuan(total)} 与 金额 ${yuan(amount)} + 税额 ${yuan(tax)} = ${yuan(expected)} 不符`,
  });
}

/** Tax the issuing software computes for one line: amount × rate rounded half-up; 0 when exempt. */
export function expectedTax(amount: MoneyString, rate: TaxRate): MoneyString {
  return multiplyMoney(amount, taxRateFactor(rate));
}

function checkTax(check: 'line-tax' | 'invoice-tax', amount: MoneyString, rate: TaxRate, tax: MoneyString, tolerance: MoneyString): ArithmeticCheck {
  const expected = expectedTax(amount, rate);
  const shownRate = formatTaxRate(rate);
  if (rate.kind !== 'rate') {
    // Nothing to round when no tax is charged: any tax at all is a mistake.
    return compare(check, roundMoney(tax), expected, '0.00', {
      equal: `税率为${shownRate}，税额为 0`,
      differs: `税率为${shownRate}，税额应为 0，实际为 ${yuan(tax)}`,
    });
  }
  return compare(check, roundMoney(tax), expected, roundMoney(tolerance), {
    equal: `税额 ${yuan(tax)} = 金额 ${yuan(amount)} × 税率 ${shownRate}`,
    differs: `税额 ${yuan(tax)} 与 金额 ${yuan(amount)} × 税率 ${shownRate} = ${yuan(expected)} 不符`,
  });
}

/** One invoice line: tax against amount × rate, within ±0.06 by default. */
export function checkLineTax(amount: MoneyString, rate: TaxRate, tax: MoneyString, tolerance: MoneyString = DEFAULT_TAX_TOLERANCE.line): ArithmeticCheck {
  return checkTax('line-tax', amount, rate, tax, tolerance);
}

/**
 * A whole invoice (one row of the 发票 sheet): total tax against total amount ×
 * rate, within 1.27 by default. Any difference is a warning at most, because
 * summing rounded line taxes legitimately moves the total by some fen.
 */
export function checkInvoiceTax(amount: MoneyString, rate: TaxRate, tax: MoneyString, tolerance: MoneyString = DEFAULT_TAX_TOLERANCE.invoice): ArithmeticCheck {
  return checkTax('invoice-tax', amount, rate, tax, tolerance);
}

export interface InvoiceLineAmounts {
  readonly amount: MoneyString;
  readonly tax: MoneyString;
}

/** An invoice's totals against its lines: both sums must be exact. */
export function checkLineSums(lines: readonly InvoiceLineAmounts[], totalAmount: MoneyString, totalTax: MoneyString): [ArithmeticCheck, ArithmeticCheck] {
  const amountSum = sumMoney(lines.map((l) => l.amount));
  const taxSum = sumMoney(lines.map((l) => l.tax));
  const n = lines.length;
  return [
    compare('line-amount-sum', roundMoney(totalAmount), amountSum, '0.00', {
      equal: `合计金额 ${yuan(totalAmount)} = ${n} 行金额之和`,
      differs: `合计金额 ${yuan(totalAmount)} 与 ${n} 行金额之和 ${yuan(amountSum)} 不符`,
    }),
    compare('line-tax-sum', roundMoney(totalTax), taxSum, '0.00', {
      equal: `合计税额 ${yuan(totalTax)} = ${n} 行税额之和`,
      differs: `合计税额 ${yuan(totalTax)} 与 ${n} 行税额之和 ${yuan(taxSum)} 不符`,
    }),
  ];
}

/**
 * Splits a tax-inclusive total the way issuing software does for
 * tax-inclusive pricing: amount = round(total ÷ (1 + rate)), tax = the rest,
 * so the two always add up to the total.
 */
export function splitTaxInclusive(total: MoneyString, rate: TaxRate): { amount: MoneyString; tax: MoneyString } {
  const amount = roundMoney(new Dec(total).div(new Dec(1).plus(taxRateFactor(rate))));
  return { amount, tax: subtractMoney(total, amount) };
}
