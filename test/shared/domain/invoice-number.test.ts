import { describe, expect, it } from 'vitest';
import { classifyInvoice, invoiceKey } from '@shared/domain/invoice-number';

describe('classifyInvoice', () => {
  it('reads the number of the official 数电 sample: year 2023, Guangdong', () => {
    expect(classifyInvoice('', '23440000000000100001')).toEqual({
      ok: true,
      value: {
        kind: 'digital',
        number: '23440000000000100001',
        key: '23440000000000100001',
        year: 2023,
        regionCode: '44',
        regionName: '广东',
        channel: '0',
        sequence: '000000000100001',
      },
    });
  });

  it('knows 计划单列市 and leaves unknown regions unnamed', () => {
    const qingdao = classifyInvoice(null, '24922000000012345678');
    expect(qingdao.ok && qingdao.value.kind === 'digital' && qingdao.value.regionName).toBe('青岛');
    const shenzhen = classifyInvoice(undefined, '24952000000012345678');
    expect(shenzhen.ok && shenzhen.value.kind === 'digital' && shenzhen.value.regionName).toBe('深圳');
    const unknown = classifyInvoice('', '24992000000012345678');
    expect(unknown.ok).toBe(true);
    if (unknown.ok && unknown.value.kind === 'digital') {
      expect(unknown.value.regionCode).toBe('99');
      expect('regionName' in unknown.value).toBe(false);
    }
  });

  it('reads a 12-digit code with its type suffix (real QR sample 052002100113 / 00008006)', () => {
    expect(classifyInvoice('052002100113', '00008006')).toEqual({
      ok: true,
      value: {
        kind: 'tax-control',
        code: '052002100113',
        number: '00008006',
        key: '052002100113-00008006',
        codeLength: 12,
        typeCode: '13',
        typeName: '增值税电子专用发票',
      },
    });
    const ordinary = classifyInvoice('044001900111', '12345678');
    expect(ordinary.ok && ordinary.value.kind === 'tax-control' && ordinary.value.typeName).toBe('增值税电子普通发票');
  });

  it('reads a 10-digit code', () => {
    expect(classifyInvoice('4400194130', '01234567')).toEqual({
      ok: true,
      value: { kind: 'tax-control', code: '4400194130', number: '01234567', key: '4400194130-01234567', codeLength: 10 },
    });
  });

  it('restores leading zeros lost in numeric cells', () => {
    const r = classifyInvoice(52002100113, 8006);
    expect(r.ok && r.value.key).toBe('052002100113-00008006');
  });

  it('refuses a 20-digit number stored as a number (precision lost)', () => {
    const r = classifyInvoice('', Number('23440000000000100001'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('丢失精度');
  });

  it('treats / and 无 in the code cell as empty', () => {
    expect(classifyInvoice('/', '23440000000000100001').ok).toBe(true);
    expect(classifyInvoice('无', '23440000000000100001').ok).toBe(true);
  });

  it('folds spaces and full-width digits', () => {
    const r = classifyInvoice(' ０５２００２１００１１３ ', '0000 8006');
    expect(r.ok && r.value.key).toBe('052002100113-00008006');
  });

  it.each([
    ['', '', '发票号码为空'],
    ['', '12345678', '应同时填写 10 位或 12 位发票代码'],
    ['', '1234567890', '有 10 位'],
    ['052002100113', '23440000000000100001', '数电发票没有发票代码'],
    ['05200210011', '00008006', '有 11 位，应为 10 位或 12 位'],
    ['052002100113', '0008006', '应为 8 位'],
    ['05200210011A', '00008006', '发票代码「05200210011A」含有非数字字符'],
    ['', '2344000000000010000A', '含有非数字字符'],
  ])('code %j number %j is invalid: %s', (code, number, fragment) => {
    const r = classifyInvoice(code, number);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(fragment);
  });
});

describe('invoiceKey', () => {
  it('is the 20-digit number for 数电 invoices and code-number otherwise', () => {
    expect(invoiceKey('', '23440000000000100001')).toBe('23440000000000100001');
    expect(invoiceKey(null, '23440000000000100001')).toBe('23440000000000100001');
    expect(invoiceKey('052002100113', '00008006')).toBe('052002100113-00008006');
  });

  it('gives the same key to the same invoice however it was typed', () => {
    expect(invoiceKey(52002100113, 8006)).toBe(invoiceKey(' 052002100113', '00008006 '));
    // A code typed by mistake next to a 数电 number does not create a second invoice.
    expect(invoiceKey('052002100113', '23440000000000100001')).toBe('23440000000000100001');
  });

  it('still builds a key for rows that fail classification', () => {
    expect(invoiceKey('123', '45')).toBe('123-45');
    expect(invoiceKey('', '')).toBe('');
  });
});
