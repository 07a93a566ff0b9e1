import { describe, expect, it } from 'vitest';
import * as domain from '@shared/domain';

describe('shared/domain index', () => {
  it('re-exports every module', () => {
    for (const name of [
      'parseMoney',
      'formatYuan',
      'parseAmountInWords',
      'formatAmountInWords',
      'checkCreditCode',
      'classifyInvoice',
      'invoiceKey',
      'parseDate',
      'parseTaxRate',
      'checkExcludedSpending',
      'checkTotal',
      'resolveHeader',
      'parseYesNo',
      'parseProjectType',
      'Dec',
      'ok',
      'toHalfWidth',
    ]) {
      expect(typeof (domain as Record<string, unknown>)[name], name).toBe('function');
    }
  });
});
