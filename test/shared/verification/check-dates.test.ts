import { describe, expect, it } from 'vitest';
import { verifyProject } from '@shared/verification';
import { cleanProject, context, invoiceFindings, withCode, withInvoice } from './fixtures';

describe('DATE_OUTSIDE_WINDOW (Xiamen 2024-01-01..2026-12-31)', () => {
  it('accepts the first and the last day of the window', () => {
    for (const issuedOn of ['2024-01-01', '2024-12-31']) {
      expect(withCode(invoiceFindings(withInvoice(cleanProject(), 6, { issuedOn }), 6), 'DATE_OUTSIDE_WINDOW')).toEqual([]);
    }
  });

  it('rejects an invoice dated before or after the window', () => {
    const project = withInvoice(cleanProject(), 4, { issuedOn: '2023-12-29' });
    const [f] = withCode(invoiceFindings(project, 4), 'DATE_OUTSIDE_WINDOW');
    expect(f?.severity).toBe('error');
    expect(f?.message).toBe('开票日期 2023-12-29 不在认定期间 2024-01-01 至 2026-12-31 内（000_985b87a7ad46cc56.txt §五(一)、§五(二)）');
    const late = withCode(invoiceFindings(withInvoice(cleanProject(), 4, { issuedOn: '2027-01-01' }), 4), 'DATE_OUTSIDE_WINDOW');
    expect(late[0]?.severity).toBe('error');
  });

  it('is not checked when the policy has no spending rules', () => {
    const project = withInvoice(cleanProject(), 4, { issuedOn: '2023-12-29' });
    expect(withCode(invoiceFindings(project, 4, context(null)), 'DATE_OUTSIDE_WINDOW')).toEqual([]);
  });

  it('warns about a date it cannot read', () => {
    const [f] = withCode(invoiceFindings(withInvoice(cleanProject(), 4, { issuedOn: '' }), 4), 'DATE_OUTSIDE_WINDOW');
    expect(f?.severity).toBe('warning');
  });
});

describe('DATE_BEFORE_CONTRACT', () => {
  it('warns about an invoice issued before its contract was signed', () => {
    // HT-2024-002 was signed on 2024-04-02
    const project = withInvoice(cleanProject(), 4, { issuedOn: '2024-03-28' });
    const [f] = withCode(invoiceFindings(project, 4), 'DATE_BEFORE_CONTRACT');
    expect(f).toMatchObject({ severity: 'warning' });
    expect(f?.message).toBe('开票日期 2024-03-28 早于合同「HT-2024-002」签订日期 2024-04-02，请核实是否先开票后补签合同');
  });

  it('accepts an invoice issued on the signing day, and a contract without a signing date', () => {
    expect(withCode(invoiceFindings(withInvoice(cleanProject(), 4, { issuedOn: '2024-04-02' }), 4), 'DATE_BEFORE_CONTRACT')).toEqual([]);
    const project = withInvoice(cleanProject(), 4, { issuedOn: '2024-03-28' });
    project.contracts[1]!.signedOn = null;
    expect(withCode(invoiceFindings(project, 4), 'DATE_BEFORE_CONTRACT')).toEqual([]);
  });

  it('warns about a payment made before the contract was signed', () => {
    const project = cleanProject();
    project.payments[0]!.paidOn = '2024-03-01';
    const [f] = withCode(verifyProject(project, context()).payments.get(2), 'DATE_BEFORE_CONTRACT');
    expect(f?.message).toBe('付款日期 2024-03-01 早于合同「HT-2024-001」签订日期 2024-03-15，请核实该笔付款是否属于本合同');
  });
});
