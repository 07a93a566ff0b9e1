import { describe, expect, it } from 'vitest';
import { cleanProject, invoiceFindings, withCode, withInvoice } from './fixtures';

const numberFindings = (changes: Parameters<typeof withInvoice>[2], rowNo = 2) =>
  withCode(invoiceFindings(withInvoice(cleanProject(), rowNo, changes), rowNo), 'INVOICE_NUMBER_FORMAT');

describe('INVOICE_NUMBER_FORMAT', () => {
  it('accepts a 20-digit 数电 number without code and a 12-digit code with an 8-digit number', () => {
    expect(numberFindings({})).toEqual([]);
    expect(numberFindings({}, 4)).toEqual([]);
    // a 10-digit code (older paper special invoices)
    expect(numberFindings({ code: '3500231130', number: '04512345', key: '3500231130-04512345', kind: '增值税专用发票' }, 4)).toEqual([]);
  });

  it('rejects a 19-digit 数电 number', () => {
    const [f] = numberFindings({ number: '2444200000012345678', key: '2444200000012345678' });
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('「2444200000012345678」有 19 位');
  });

  it('rejects a 数电 number that also carries a code', () => {
    const [f] = numberFindings({ code: '052002300113' });
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('数电发票没有发票代码');
  });

  it('rejects an 8-digit number without code, and a code of the wrong length', () => {
    expect(numberFindings({ code: '', number: '00012345', key: '00012345' }, 4)[0]?.message).toContain('应同时填写 10 位或 12 位发票代码');
    expect(numberFindings({ code: '05200230011', key: '05200230011-00012345' }, 4)[0]?.message).toContain('有 11 位');
  });

  it('rejects letters in the number', () => {
    expect(numberFindings({ number: '2444200000012345678O', key: '2444200000012345678O' })[0]?.message).toContain('非数字字符');
  });

  it('warns when the year in a 数电 number is not the year of issue', () => {
    const [f] = numberFindings({ issuedOn: '2025-01-06' });
    expect(f).toMatchObject({ severity: 'warning' });
    expect(f?.message).toContain('前两位表示 2024 年开具，与开票日期 2025-01-06 不符');
  });

  it('warns when a tax-control number is called 数电 in the type column', () => {
    const [f] = numberFindings({ kind: '数电专票' }, 4);
    expect(f).toMatchObject({ severity: 'warning' });
    expect(f?.message).toContain('「052002300113」');
  });
});
