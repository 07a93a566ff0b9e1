import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmountInWords } from '@shared/domain/amount-in-words';
import { readShudianXml } from '@shared/einvoice/read-shudian-xml';
import { REPO_ROOT } from '../../support/temp-dir';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'einvoice');
const official = fs.readFileSync(path.join(FIXTURES, 'shudian-special-official-sample.xml'), 'utf8');
const red = fs.readFileSync(path.join(FIXTURES, 'shudian-red-sample.xml'), 'utf8');

function failureOf(result: { ok: boolean; message?: string }): string {
  expect(result.ok).toBe(false);
  return result.message ?? '';
}

describe('readShudianXml: the official sample', () => {
  it('reads every field of the Ministry of Finance sample exactly', () => {
    expect(readShudianXml('sample.xml', official)).toEqual({
      ok: true,
      value: {
        source: '数电XML',
        fileName: 'sample.xml',
        number: '23440000000000100001',
        issuedOn: '2023-02-23',
        sellerName: '示例制造集团有限公司',
        sellerTaxId: '91440000000000000X',
        buyerName: '示例商贸有限公司',
        buyerTaxId: '91440000000000001Y',
        amount: '2.00',
        tax: '0.12',
        total: '2.12',
        totalInWords: '贰圆壹角贰分',
        red: false,
        lines: [{ name: '*人力资源服务*劳务', quantity: '2', unitPrice: '1', amount: '2.00', taxRate: '0.060000', tax: '0.120000' }],
      },
    });
  });

  it('keeps the words as printed; they parse to the total', () => {
    const result = readShudianXml('sample.xml', official);
    expect(result.ok && parseAmountInWords(result.value.totalInWords ?? '')).toEqual({ ok: true, value: '2.12' });
  });

  it('falls back to Header/EIid and BasicInformation/RequestTime without TaxSupervisionInfo', () => {
    const xml = official.replace(/<TaxSupervisionInfo>[\s\S]*<\/TaxSupervisionInfo>/u, '');
    const result = readShudianXml('a.xml', xml);
    expect(result.ok && [result.value.number, result.value.issuedOn]).toEqual(['23440000000000100001', '2023-02-23']);
  });

  it('decodes predefined entities and character references in names', () => {
    const xml = official.replace('示例商贸有限公司', '示例&amp;商贸&#x6709;限公司');
    const result = readShudianXml('a.xml', xml);
    expect(result.ok && result.value.buyerName).toBe('示例&商贸有限公司');
  });

  it('leaves out what the file leaves empty (the buyer of an ordinary invoice may have no tax number)', () => {
    const xml = official.replace('<BuyerIdNum>91440000000000001Y</BuyerIdNum>', '<BuyerIdNum></BuyerIdNum>');
    const result = readShudianXml('a.xml', xml);
    expect(result.ok && 'buyerTaxId' in result.value).toBe(false);
  });
});

describe('readShudianXml: red invoices', () => {
  it('recognises the red variant with its original number and negative amounts', () => {
    const result = readShudianXml('red.xml', red);
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        number: '23440000000000100002',
        issuedOn: '2023-03-01',
        amount: '-2.00',
        tax: '-0.12',
        total: '-2.12',
        totalInWords: '（负数）贰圆壹角贰分',
        red: true,
        originalNumber: '23440000000000100001',
      }),
    });
    expect(result.ok && parseAmountInWords(result.value.totalInWords ?? '')).toEqual({ ok: true, value: '-2.12' });
  });

  it('reads OriginalInvoiceNumber, as the sample-package generator writes it', () => {
    const xml = red.replace(/<OriginalInvoiceCode>(\d+)<\/OriginalInvoiceCode>/u, '<OriginalInvoiceNumber>$1</OriginalInvoiceNumber>');
    const result = readShudianXml('red.xml', xml);
    expect(result.ok && result.value.originalNumber).toBe('23440000000000100001');
  });

  it('names a tax-control original as code-number', () => {
    const xml = red.replace(
      /<RedEInvoice>[\s\S]*<\/RedEInvoice>/u,
      '<RedEInvoice><OriginalInvoiceCode>044001900111</OriginalInvoiceCode><OriginalInvoiceNumber>12345678</OriginalInvoiceNumber></RedEInvoice>',
    );
    const result = readShudianXml('red.xml', xml);
    expect(result.ok && result.value.originalNumber).toBe('044001900111-12345678');
  });

  it('falls back to the 备注 when RedEInvoice names nothing', () => {
    const xml = red.replace(/<RedEInvoice>[\s\S]*<\/RedEInvoice>/u, '<RedEInvoice />');
    const result = readShudianXml('red.xml', xml);
    expect(result.ok && [result.value.red, result.value.originalNumber]).toEqual([true, '23440000000000100001']);
  });

  it('without a label, RedEInvoice or negative amounts make it red', () => {
    const withoutLabel = red.replace(/<InIssuType>[\s\S]*?<\/InIssuType>/u, '');
    const result = readShudianXml('red.xml', withoutLabel);
    expect(result.ok && result.value.red).toBe(true);
    const blueWithoutLabel = official.replace(/<InIssuType>[\s\S]*?<\/InIssuType>/u, '');
    const blue = readShudianXml('a.xml', blueWithoutLabel);
    expect(blue.ok && blue.value.red).toBe(false);
  });
});

describe('readShudianXml: malformed and hostile input gives a Chinese failure', () => {
  const chinese = /[\u4e00-\u9fff]/u;

  it('refuses text that is not XML', () => {
    expect(failureOf(readShudianXml('a.xml', '这不是 XML'))).toMatch(/不是格式正确的 XML/u);
    expect(failureOf(readShudianXml('a.xml', ''))).toMatch(/空文件/u);
    expect(failureOf(readShudianXml('a.xml', '%PDF-1.7 binary'))).toMatch(chinese);
  });

  it('refuses a truncated file instead of reading what came before the cut', () => {
    const truncated = official.slice(0, Math.floor(official.length * 0.6));
    expect(failureOf(readShudianXml('a.xml', truncated))).toMatch(/不完整或已损坏/u);
  });

  it('refuses a billion-laughs entity bomb without expanding it', () => {
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE EInvoice [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<EInvoice><EInvoiceData><SellerInformation><SellerName>&lol9;</SellerName></SellerInformation></EInvoiceData></EInvoice>`;
    // Refused for its DOCTYPE before any entity is expanded.
    expect(failureOf(readShudianXml('a.xml', bomb))).toMatch(/DOCTYPE/u);
  });

  it('refuses external entities', () => {
    const xxe = official.replace('<EInvoice>', '<!DOCTYPE EInvoice [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<EInvoice>');
    expect(failureOf(readShudianXml('a.xml', xxe))).toMatch(/DOCTYPE/u);
  });

  it('leaves undeclared entities as written, never expanding them', () => {
    const xml = official.replace('示例商贸有限公司', '&lol9;');
    const result = readShudianXml('a.xml', xml);
    expect(result.ok && result.value.buyerName).toBe('&lol9;');
  });

  it('refuses absurd nesting and absurd size', () => {
    const deep = `<EInvoice>${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</EInvoice>`;
    expect(failureOf(readShudianXml('a.xml', deep))).toMatch(/嵌套/u);
    const huge = `<EInvoice><x>${'a'.repeat(10_000_001)}</x></EInvoice>`;
    expect(failureOf(readShudianXml('a.xml', huge))).toMatch(/MB/u);
  });

  it('refuses prototype-polluting element names', () => {
    const xml = official.replace('<AdditionalInformation>', '<AdditionalInformation><__proto__><polluted>1</polluted></__proto__>');
    expect(failureOf(readShudianXml('a.xml', xml))).toMatch(chinese);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses another XML document', () => {
    expect(failureOf(readShudianXml('a.xml', '<?xml version="1.0"?><workbook><sheet/></workbook>'))).toMatch(/根元素是「workbook」/u);
  });

  it('names every missing required field', () => {
    const xml = official
      .replace(/<TaxSupervisionInfo>[\s\S]*<\/TaxSupervisionInfo>/u, '')
      .replace(/<EIid>.*<\/EIid>/u, '')
      .replace(/<TotalTax-includedAmount>.*<\/TotalTax-includedAmount>/u, '');
    const message = failureOf(readShudianXml('a.xml', xml));
    expect(message).toMatch(/缺少必需的字段/u);
    expect(message).toMatch(/发票号码/u);
    expect(message).toMatch(/价税合计/u);
    expect(message).not.toMatch(/开票日期/u);
  });

  it('refuses a malformed number, amount or date with the reason', () => {
    expect(failureOf(readShudianXml('a.xml', official.replaceAll('23440000000000100001', '2344000000000010000')))).toMatch(/19 位/u);
    expect(failureOf(readShudianXml('a.xml', official.replace('<TotalTaxAm>0.12</TotalTaxAm>', '<TotalTaxAm>0.12.3</TotalTaxAm>')))).toMatch(
      /合计税额（TotalTaxAm）「0\.12\.3」不是有效金额/u,
    );
    expect(failureOf(readShudianXml('a.xml', official.replace('2023-02-23 10:08:05', '2023-02-30 10:08:05')))).toMatch(/开票日期/u);
  });

  it('never throws, whatever the text', () => {
    const fragments = fc.constantFrom(
      '<EInvoice>',
      '</EInvoice>',
      '<a>',
      '</a>',
      '&amp;',
      '&#0;',
      '<!--',
      '-->',
      '<![CDATA[',
      ']]>',
      '<?xml ?>',
      '"',
      '<TotalAmWithoutTax>',
      '1.00',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(fragments, fc.string()), { maxLength: 30 }), (parts) => {
        const result = readShudianXml('a.xml', parts.join(''));
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.message).toMatch(chinese);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on a cut of the real sample', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: official.length }), (cut) => {
        const result = readShudianXml('a.xml', official.slice(0, cut));
        if (!result.ok) expect(result.message).toMatch(chinese);
      }),
      { numRuns: 200 },
    );
  });
});
