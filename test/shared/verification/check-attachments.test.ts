import { describe, expect, it } from 'vitest';
import { verifyProject } from '@shared/verification';
import { cleanProject, context, machineEInvoice, withCode } from './fixtures';

describe('ATTACHMENT_MISMATCH', () => {
  it('accepts an e-invoice that agrees with its row, and folds the 附件/ prefix and letter case', () => {
    const project = cleanProject();
    project.invoices[0]!.attachments = ['附件/fp-24442000000123456789.XML'];
    const list = verifyProject(project, context()).invoices.get(2);
    expect(withCode(list, 'ATTACHMENT_MISMATCH')).toEqual([]);
    expect(withCode(list, 'MISSING_ATTACHMENT')).toEqual([]);
  });

  it('lists every differing field with both values', () => {
    const project = cleanProject();
    project.einvoices = new Map([
      [
        'FP-24442000000123456789.xml',
        { ...machineEInvoice(), issuedOn: '2024-06-19', amount: '1100000.00', total: '1243000.00', tax: '143000.00', buyerTaxId: '91350200MA2Y0A1B2C' },
      ],
    ]);
    const [f] = withCode(verifyProject(project, context()).invoices.get(2), 'ATTACHMENT_MISMATCH');
    expect(f?.severity).toBe('error');
    expect(f?.message).toBe(
      '附件「FP-24442000000123456789.xml」（数电XML）与本行不一致：开票日期：表中 2024-06-18，附件 2024-06-19；' +
        '金额：表中 1,000,000.00 元，附件 1,100,000.00 元；税额：表中 130,000.00 元，附件 143,000.00 元；' +
        '价税合计：表中 1,130,000.00 元，附件 1,243,000.00 元；购买方纳税人识别号：表中「914400007556190127」，附件「91350200MA2Y0A1B2C」',
    );
  });

  it('compares the number and the seller’s tax id', () => {
    const project = cleanProject();
    project.einvoices = new Map([['FP-24442000000123456789.xml', { ...machineEInvoice(), number: '24442000000123456790', sellerTaxId: '91522701709696623X' }]]);
    const [f] = withCode(verifyProject(project, context()).invoices.get(2), 'ATTACHMENT_MISMATCH');
    expect(f?.message).toContain('发票号码：表中「24442000000123456789」，附件「24442000000123456790」');
    expect(f?.message).toContain('销售方纳税人识别号：表中「91441702707782974C」，附件「91522701709696623X」');
  });

  it('only warns when nothing but a name differs, and reads a Chinese date', () => {
    const project = cleanProject();
    project.einvoices = new Map([['FP-24442000000123456789.xml', { ...machineEInvoice(), issuedOn: '2024年06月18日', sellerName: '锐达数控' }]]);
    const [f] = withCode(verifyProject(project, context()).invoices.get(2), 'ATTACHMENT_MISMATCH');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('销售方名称：表中「阳江市锐达数控设备有限公司」，附件「锐达数控」');
  });

  it('notes an e-invoice file that could not be read', () => {
    const project = cleanProject();
    project.einvoices = new Map();
    const [f] = withCode(verifyProject(project, context()).invoices.get(2), 'ATTACHMENT_MISMATCH');
    expect(f).toMatchObject({ severity: 'info' });
  });
});

describe('MISSING_ATTACHMENT', () => {
  it('warns about a file named in a row but absent from 附件/', () => {
    const project = cleanProject();
    project.invoices[1]!.attachments = ['FP-24442000000123470012.pdf'];
    project.contracts[0]!.attachments = ['HT-2024-001.pdf'];
    project.payments[0]!.attachments = ['记-2024-04-015.jpg'];
    const result = verifyProject(project, context());
    expect(withCode(result.invoices.get(3), 'MISSING_ATTACHMENT')[0]?.message).toBe('附件「FP-24442000000123470012.pdf」不在项目附件目录中，无法查看发票原件');
    expect(withCode(result.contracts.get('HT-2024-001'), 'MISSING_ATTACHMENT')).toEqual([]);
    expect(withCode(result.payments.get(2), 'MISSING_ATTACHMENT')[0]?.message).toBe('付款凭证附件「记-2024-04-015.jpg」不在项目附件目录中');
  });
});

describe('an e-invoice file that cannot be read', () => {
  it('carries the reader’s reason into the finding, not only into the viewer', () => {
    const project = cleanProject();
    project.attachmentNames = new Set([...project.attachmentNames, 'fp-broken.ofd']);
    project.einvoiceErrors = new Map([['fp-broken.ofd', 'OFD 发票数据（Doc_0/Attachs/inv_ord_issuer_1.xml）缺少必需的字段：开票日期']]);
    project.invoices[0]!.attachments = ['fp-broken.ofd'];
    const [f] = withCode(verifyProject(project, context()).invoices.get(2), 'ATTACHMENT_MISMATCH');
    expect(f?.severity).toBe('info');
    expect(f?.message).toBe(
      '附件「fp-broken.ofd」未能读取出发票数据（OFD 发票数据（Doc_0/Attachs/inv_ord_issuer_1.xml）缺少必需的字段：开票日期），未与本行比对，请人工查看',
    );
  });
});

describe('PDF e-invoices and other documents', () => {
  it('an edited page whose QR code disagrees with the text is an error', () => {
    const project = cleanProject();
    project.einvoices = new Map([
      ['FP-24442000000123456789.xml', { ...machineEInvoice(), source: 'PDF', qrChecked: true, qrMismatch: '金额：文字 1000000.00，二维码 100000.00' }],
    ]);
    const [f] = withCode(verifyProject(project, context()).invoices.get(2), 'ATTACHMENT_MISMATCH');
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('附件二维码与票面文字不符（金额：文字 1000000.00，二维码 100000.00），票面可能被改动');
  });

  it('names a railway e-ticket, and says why a scan or a bank receipt was not compared', () => {
    const project = cleanProject();
    project.einvoices = new Map([['FP-24442000000123456789.xml', { ...machineEInvoice(), documentKind: '铁路电子客票' }]]);
    project.attachmentNames = new Set([...project.attachmentNames, 'scan.pdf', '合同.pdf']);
    project.einvoiceErrors = new Map([['scan.pdf', '此 PDF 没有文字层（扫描件或图片），无法读取发票数据，请对照原件人工核对']]);
    project.invoices[1]!.attachments = ['scan.pdf', '合同.pdf'];
    const result = verifyProject(project, context());
    expect(withCode(result.invoices.get(2), 'ATTACHMENT_MISMATCH').map((f) => f.message)).toContain(
      '附件「FP-24442000000123456789.xml」是铁路电子客票，不是增值税发票，通常属于差旅等费用，请核对是否应计入技改投资',
    );
    // The contract PDF, not an invoice file, is not flagged; the scan says why it was not compared.
    expect(withCode(result.invoices.get(3), 'ATTACHMENT_MISMATCH').map((f) => f.message)).toEqual([
      '附件「scan.pdf」未能读取出发票数据（此 PDF 没有文字层（扫描件或图片），无法读取发票数据，请对照原件人工核对），未与本行比对，请人工查看',
    ]);
  });
});
