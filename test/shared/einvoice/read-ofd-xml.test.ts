import { describe, expect, it } from 'vitest';
import { readOfdCustomData, readOfdFields, readOfdOriginalInvoice, readOfdXml } from '@shared/einvoice/read-ofd-xml';
import {
  SHUDIAN_DEFAULTS,
  TAX_CONTROL_DEFAULTS,
  shudianOfd,
  taxControlOfd,
  taxControlOriginalInvoiceXml,
  xbrlInvoiceXml,
} from '../../fixtures/einvoice/make-ofd-fixtures';

function partsOf(entries: Record<string, string>) {
  return {
    ofd: entries['OFD.xml'],
    originalInvoice: entries['Doc_0/Attachs/original_invoice.xml'],
    customTag: entries['Doc_0/Tags/CustomTag.xml'],
    pageContent: entries['Doc_0/Pages/Page_0/Content.xml'],
  };
}

function failureOf(result: { ok: boolean; message?: string }): string {
  expect(result.ok).toBe(false);
  return result.message ?? '';
}

describe('readOfdOriginalInvoice (tax-control OFD)', () => {
  it('reads original_invoice.xml', () => {
    expect(readOfdOriginalInvoice('fp.ofd', taxControlOriginalInvoiceXml())).toEqual({
      ok: true,
      value: {
        source: 'OFD',
        fileName: 'fp.ofd',
        number: '00008006',
        code: '052002100113',
        issuedOn: '2022-05-05',
        sellerName: TAX_CONTROL_DEFAULTS.sellerName,
        sellerTaxId: TAX_CONTROL_DEFAULTS.sellerTaxId,
        buyerName: TAX_CONTROL_DEFAULTS.buyerName,
        buyerTaxId: TAX_CONTROL_DEFAULTS.buyerTaxId,
        amount: '24519.05',
        tax: '3187.48',
        total: '27706.53',
        red: false,
        lines: [
          { name: '*计算机配套产品*服务器', spec: 'SR-0001', unit: '台', quantity: '1', unitPrice: '24519.05', amount: '24519.05', taxRate: '13%', tax: '3187.48' },
        ],
      },
    });
  });

  it('reads a red invoice and the original named in its 备注', () => {
    const xml = taxControlOriginalInvoiceXml({
      number: '00008123',
      amount: '-24519.05',
      tax: '-3187.48',
      total: '-27706.53',
      note: '对应正数发票代码:052002100113号码:00008006',
    });
    const result = readOfdOriginalInvoice('red.ofd', xml);
    expect(result.ok && [result.value.red, result.value.originalNumber, result.value.total]).toEqual([true, '052002100113-00008006', '-27706.53']);
  });

  it('takes a tax-exempt 「***」 tax as unknown, not as 0.00', () => {
    const result = readOfdOriginalInvoice('fp.ofd', taxControlOriginalInvoiceXml({ tax: '***', total: '24519.05' }));
    expect(result.ok && 'tax' in result.value).toBe(false);
  });

  it('names missing fields and refuses another root', () => {
    const xml = taxControlOriginalInvoiceXml()
      .replace(/<InvoiceNo>.*<\/InvoiceNo>/u, '')
      .replace(/<IssueDate>.*<\/IssueDate>/u, '');
    expect(failureOf(readOfdOriginalInvoice('fp.ofd', xml))).toMatch(/缺少必需的字段：发票号码（InvoiceNo）、开票日期（IssueDate）/u);
    expect(failureOf(readOfdOriginalInvoice('fp.ofd', '<Invoice/>'))).toMatch(/应为 eInvoice/u);
  });

  it('refuses a code that does not fit the number', () => {
    const xml = taxControlOriginalInvoiceXml({ code: '05200210011' });
    expect(failureOf(readOfdOriginalInvoice('fp.ofd', xml))).toMatch(/11 位/u);
  });
});

describe('readOfdCustomData (数电 OFD)', () => {
  it('reads CustomDatas and resolves the names through CustomTag.xml to the page text', () => {
    const parts = partsOf(shudianOfd().entries);
    expect(readOfdXml('sd.ofd', parts)).toEqual({
      ok: true,
      value: {
        source: 'OFD',
        fileName: 'sd.ofd',
        number: SHUDIAN_DEFAULTS.number,
        issuedOn: '2024-05-14',
        sellerName: SHUDIAN_DEFAULTS.sellerName,
        sellerTaxId: SHUDIAN_DEFAULTS.sellerTaxId,
        // Drawn as two objects 「示例精密机械」「制造有限公司」, joined in ObjectRef order.
        buyerName: '示例精密机械制造有限公司',
        buyerTaxId: SHUDIAN_DEFAULTS.buyerTaxId,
        amount: '10000.00',
        tax: '1300.00',
        // Not in CustomDatas: read from the tagged 「¥」 + 「11300.00」 objects.
        total: '11300.00',
        red: false,
        // 数电 OFD keeps its lines only on the page.
        lines: [{ name: '*信息技术服务*工业软件实施服务' }],
      },
    });
  });

  it('exposes the fields by their Chinese names', () => {
    const parts = partsOf(shudianOfd().entries);
    const fields = readOfdFields({ ofd: parts.ofd ?? '', customTag: parts.customTag, pageContent: parts.pageContent });
    expect(fields.ok && Object.fromEntries(fields.value)).toMatchObject({
      购买方名称: '示例精密机械制造有限公司',
      销售方名称: SHUDIAN_DEFAULTS.sellerName,
      价税合计: '¥11300.00',
      发票号码: SHUDIAN_DEFAULTS.number,
    });
  });

  it('prefers CustomDatas over the page when both give a value', () => {
    const parts = partsOf(shudianOfd({ totalInCustomData: '11300.00', total: '99999.00' }).entries);
    const result = readOfdXml('sd.ofd', parts);
    expect(result.ok && result.value.total).toBe('11300.00');
  });

  it('reads CustomDatas alone when tags or page are missing; names are then absent', () => {
    const parts = partsOf(shudianOfd().entries);
    const result = readOfdCustomData('sd.ofd', { ofd: parts.ofd ?? '' });
    expect(result.ok && result.value).toMatchObject({ number: SHUDIAN_DEFAULTS.number, amount: '10000.00', tax: '1300.00' });
    expect(result.ok && ['buyerName', 'sellerName', 'total'].filter((key) => key in result.value)).toEqual([]);
    const withoutNameTags = readOfdXml('sd.ofd', partsOf(shudianOfd({ withoutNameTags: true }).entries));
    expect(withoutNameTags.ok && 'buyerName' in withoutNameTags.value).toBe(false);
  });

  it('ignores a tag whose objects are not on the page', () => {
    const parts = partsOf(shudianOfd().entries);
    const pageContent = (parts.pageContent ?? '').replace('ID="6912"', 'ID="9999"');
    const result = readOfdXml('sd.ofd', { ...parts, pageContent });
    expect(result.ok && 'sellerName' in result.value).toBe(false);
  });

  it('marks negative amounts as red', () => {
    const parts = partsOf(shudianOfd({ amount: '-10000.00', tax: '-1300.00', total: '-11300.00' }).entries);
    const result = readOfdXml('sd.ofd', parts);
    expect(result.ok && [result.value.red, result.value.total]).toEqual([true, '-11300.00']);
  });

  it('fails in Chinese for an OFD that is not an invoice, or whose parts are broken', () => {
    const plainOfd = '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocInfo><ofd:DocID>x</ofd:DocID></ofd:DocInfo></ofd:DocBody></ofd:OFD>';
    expect(failureOf(readOfdXml('doc.ofd', { ofd: plainOfd }))).toMatch(/可能不是电子发票/u);
    expect(failureOf(readOfdXml('doc.ofd', {}))).toMatch(/不是电子发票/u);
    expect(failureOf(readOfdXml('doc.ofd', { ofd: '<Document/>' }))).toMatch(/应为 ofd:OFD/u);
    const parts = partsOf(shudianOfd().entries);
    expect(failureOf(readOfdXml('sd.ofd', { ...parts, customTag: '<ofd:root><ofd:InvoiceNo>' }))).toMatch(/CustomTag\.xml不是格式正确的 XML/u);
    const badAmount = (parts.ofd ?? '').replace('<ofd:CustomData Name="合计金额">10000.00', '<ofd:CustomData Name="合计金额">一万');
    expect(failureOf(readOfdXml('sd.ofd', { ...parts, ofd: badAmount }))).toMatch(/合计金额「一万」不是有效金额/u);
    const bomb = `<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>${parts.ofd ?? ''}`;
    expect(failureOf(readOfdXml('sd.ofd', { ...parts, ofd: bomb }))).toMatch(/DOCTYPE/u);
  });
});

describe('readOfdXml dispatch', () => {
  it('reads the attachment of a tax-control OFD even though OFD.xml is there too', () => {
    const result = readOfdXml('fp.ofd', partsOf(taxControlOfd().entries));
    expect(result.ok && [result.value.code, result.value.number, result.value.buyerTaxId]).toEqual(['052002100113', '00008006', TAX_CONTROL_DEFAULTS.buyerTaxId]);
  });

  it('a tax-control OFD read through its CustomDatas and tags gives the same invoice', () => {
    const { originalInvoice: _ignored, ...parts } = partsOf(taxControlOfd().entries);
    const withoutLines = (result: ReturnType<typeof readOfdXml>) => (result.ok ? { ...result.value, lines: undefined } : result);
    const viaTags = readOfdXml('fp.ofd', parts);
    const viaAttachment = readOfdXml('fp.ofd', partsOf(taxControlOfd().entries));
    expect(withoutLines(viaTags)).toEqual(withoutLines(viaAttachment));
  });
});

describe('OFD variants seen in issued files', () => {
  it('reads XBRL invoice data (inv: facts) field by field, lines included', () => {
    const parts = { ...partsOf(taxControlOfd().entries), originalInvoice: xbrlInvoiceXml(), originalInvoicePath: 'Doc_0/Attachs/inv_ord_issuer_0123456789.xml' };
    expect(readOfdXml('xbrl.ofd', parts)).toEqual({
      ok: true,
      value: {
        source: 'OFD',
        fileName: 'xbrl.ofd',
        number: '00008006',
        code: '052002100113',
        issuedOn: '2022-05-05',
        sellerName: TAX_CONTROL_DEFAULTS.sellerName,
        sellerTaxId: TAX_CONTROL_DEFAULTS.sellerTaxId,
        buyerName: TAX_CONTROL_DEFAULTS.buyerName,
        buyerTaxId: TAX_CONTROL_DEFAULTS.buyerTaxId,
        amount: '24519.05',
        tax: '3187.48',
        total: '27706.53',
        red: false,
        lines: [{ name: '*建筑服务*设备基础施工', quantity: '1', amount: '24519.05', taxRate: '9%' }],
      },
    });
  });

  it('takes 合计税额 from the tags when the XBRL data and CustomDatas lack it', () => {
    const parts = { ...partsOf(taxControlOfd().entries), originalInvoice: xbrlInvoiceXml({ withoutTax: true }) };
    expect((parts.ofd ?? '').includes('合计税额')).toBe(false);
    const result = readOfdXml('xbrl.ofd', parts);
    expect(result.ok && result.value.tax).toBe('3187.48');
  });

  it('takes 合计税额 from the page when neither CustomDatas nor tags name it', () => {
    const parts = partsOf(shudianOfd({ taxOnlyOnPage: true }).entries);
    expect(parts.customTag?.includes('TaxTotalAmount')).toBe(false);
    const result = readOfdXml('sd.ofd', parts);
    expect(result.ok && [result.value.amount, result.value.tax, result.value.total]).toEqual(['10000.00', '1300.00', '11300.00']);
  });

  it('names the attachment it could not read', () => {
    const parts = { ...partsOf(taxControlOfd().entries), originalInvoice: '<Receipt><No>1</No></Receipt>', originalInvoicePath: 'Doc_0/Attachs/inv_ord_issuer_1.xml' };
    expect(failureOf(readOfdXml('x.ofd', parts))).toMatch(/inv_ord_issuer_1\.xml.*根元素是「Receipt」/u);
  });
});
