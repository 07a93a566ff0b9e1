import { describe, expect, it } from 'vitest';
import { suggestDecision, verifyProject, type VProject } from '@shared/verification';
import { cleanProject, context, invoice, MACHINE_CODE, MACHINE_SUPPLIER, priced, withCode } from './fixtures';

/** Row 3 (315,600.00 + 13%) reversed in full by a red invoice in row 7. */
function withRed(originalInXml: boolean): VProject {
  const project = cleanProject();
  const red = invoice({
    rowNo: 7,
    number: '24442000000123488888',
    issuedOn: '2024-09-10',
    sellerName: MACHINE_SUPPLIER,
    sellerTaxId: MACHINE_CODE,
    itemName: '*金属加工机械*数控转台及刀库',
    taxRate: '0.13',
    ...priced('-315600.00', '0.13'),
    contractNo: 'HT-2024-001',
    attachments: originalInXml ? ['FP-24442000000123488888.xml'] : [],
  });
  project.invoices.push(red);
  if (originalInXml) {
    const data = { source: '数电XML', fileName: 'FP-24442000000123488888.xml', number: red.number, red: true, originalNumber: '24442000000123470012' };
    project.einvoices = new Map([...project.einvoices, [data.fileName, data]]);
    project.attachmentNames = new Set([...project.attachmentNames, data.fileName]);
  }
  return project;
}

describe('RED_INVOICE and REVERSED_INVOICE', () => {
  it('names the blue original found by seller and amount, and marks the original', () => {
    const result = verifyProject(withRed(false), context());
    const [red] = withCode(result.invoices.get(7), 'RED_INVOICE');
    expect(red?.severity).toBe('info');
    expect(red?.message).toBe(
      '红字发票「24442000000123488888」（价税合计 -356,628.00 元），按同一销售方、同金额匹配冲销第 3 行蓝字发票「24442000000123470012」（开票日期 2024-09-03，价税合计 356,628.00 元）；两者在核定投资额中相互抵减',
    );
    const [blue] = withCode(result.invoices.get(3), 'REVERSED_INVOICE');
    expect(blue?.severity).toBe('info');
    expect(blue?.message).toBe('本发票已被红字发票第 7 行「24442000000123488888」冲销（不含税 -315,600.00 元），全额冲销，净额为零');
    // notices only: both are accepted and net out
    expect(suggestDecision(result.invoices.get(7) ?? []).kind).toBe('accept');
    expect(suggestDecision(result.invoices.get(3) ?? []).kind).toBe('accept');
  });

  it('names the original the 数电 XML gives', () => {
    const result = verifyProject(withRed(true), context());
    expect(withCode(result.invoices.get(7), 'RED_INVOICE')[0]?.message).toContain('据电子发票附件所载原发票号码冲销第 3 行');
    expect(withCode(result.invoices.get(7), 'ATTACHMENT_MISMATCH')).toEqual([]);
  });

  it('says so when no original is found', () => {
    const project = withRed(false);
    project.invoices = project.invoices.filter((i) => i.rowNo !== 3);
    const [red] = withCode(verifyProject(project, context()).invoices.get(7), 'RED_INVOICE');
    expect(red?.message).toContain('未在本项目找到同一销售方、同金额的蓝字发票');
  });

  it('recognises a red invoice by its 「（负数）」 words', () => {
    const project = withRed(false);
    const words = project.invoices.at(-1)!.totalInWords;
    expect(words.startsWith('（负数）')).toBe(true);
    expect(withCode(verifyProject(project, context()).invoices.get(7), 'RED_INVOICE')).toHaveLength(1);
  });

  it('does not fire on blue invoices', () => {
    const result = verifyProject(cleanProject(), context());
    for (const list of result.invoices.values()) {
      expect(withCode(list, 'RED_INVOICE')).toEqual([]);
      expect(withCode(list, 'REVERSED_INVOICE')).toEqual([]);
    }
  });
});
