import { describe, expect, it } from 'vitest';
import { formatAmountInWords } from '@shared/domain/amount-in-words';
import { cleanProject, invoiceFindings, priced, pricedInclusive, withCode, withInvoice } from './fixtures';

const at = (changes: Parameters<typeof withInvoice>[2], rowNo = 3) => invoiceFindings(withInvoice(cleanProject(), rowNo, changes), rowNo);

describe('AMOUNT_ARITHMETIC', () => {
  it('accepts exact invoices at 13%, 6%, and tax-inclusive pricing that is a fen off amount × rate', () => {
    expect(withCode(at({}), 'AMOUNT_ARITHMETIC')).toEqual([]);
    // 200,000.00 at 6% tax-inclusive: 188,679.25 + 11,320.75, while 188,679.25 × 6% = 11,320.76
    expect(pricedInclusive('200000.00', '0.06')).toMatchObject({ amount: '188679.25', tax: '11320.75' });
    expect(withCode(at({}, 6), 'AMOUNT_ARITHMETIC')).toEqual([]);
  });

  it('rejects 金额 + 税额 ≠ 价税合计, naming the three figures', () => {
    const [f] = withCode(at({ total: '356629.00' }), 'AMOUNT_ARITHMETIC');
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('价税合计 356,629.00 元 与 金额 315,600.00 元 + 税额 41,028.00 元 = 356,628.00 元 不符');
  });

  it('warns when the tax is a few fen off amount × rate (sum of rounded line taxes)', () => {
    // 315,600.00 × 13% = 41,028.00; the invoice shows 41,028.03 and a consistent total
    const [f] = withCode(at({ tax: '41028.03', total: '356628.03', totalInWords: formatAmountInWords('356628.03') }), 'AMOUNT_ARITHMETIC');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('税额 41,028.03 元 与 金额 315,600.00 元 × 税率 13% = 41,028.00 元 不符');
    expect(f?.message).toContain('1.27 元');
  });

  it('rejects a tax far from amount × rate', () => {
    // 9% charged on an invoice that says 13%
    const nine = priced('315600.00', '0.09');
    const [f] = withCode(at({ ...nine }), 'AMOUNT_ARITHMETIC');
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('超出允许的 1.27 元误差');
  });

  it('rejects tax on an exempt or 不征税 invoice, and accepts `***`', () => {
    const exempt = { taxRate: '免税', tax: '100.00', amount: '10000.00', total: '10100.00', totalInWords: formatAmountInWords('10100.00') };
    const [f] = withCode(at(exempt), 'AMOUNT_ARITHMETIC');
    expect(f).toMatchObject({ severity: 'error' });
    expect(f?.message).toContain('税率为免税，税额应为 0');
    expect(withCode(at({ ...exempt, taxRate: '不征税' }), 'AMOUNT_ARITHMETIC')[0]?.severity).toBe('error');
    const clean = { taxRate: '免税', tax: null, amount: '10000.00', total: '10000.00', totalInWords: formatAmountInWords('10000.00') };
    expect(withCode(at(clean), 'AMOUNT_ARITHMETIC')).toEqual([]);
  });

  it('reports amounts it cannot read instead of guessing', () => {
    const [f] = withCode(at({ amount: '31,5600.00' }), 'AMOUNT_ARITHMETIC');
    expect(f).toMatchObject({ severity: 'error' });
    expect(f?.message).toContain('金额「31,5600.00」不是有效金额');
  });

  it('warns when a taxed invoice has no tax', () => {
    const [f] = withCode(at({ tax: null }), 'AMOUNT_ARITHMETIC');
    expect(f).toMatchObject({ severity: 'warning' });
    expect(f?.message).toContain('税率为13%，但税额为空');
  });

  it('checks red invoices as the mirror image of blue ones', () => {
    const red = { amount: '-315600.00', tax: '-41028.00', total: '-356628.00', totalInWords: formatAmountInWords('-356628.00') };
    expect(withCode(at(red), 'AMOUNT_ARITHMETIC')).toEqual([]);
    expect(withCode(at({ ...red, tax: '41028.00' }), 'AMOUNT_ARITHMETIC').map((f) => f.severity)).toContain('error');
  });
});

describe('TAX_RATE_UNKNOWN', () => {
  it('accepts the usual rates and 免税 / 不征税', () => {
    for (const taxRate of ['0.13', '0.09', '0.06', '0.05', '0.03', '0.01', '0', '免税', '不征税']) {
      expect(withCode(at({ taxRate }), 'TAX_RATE_UNKNOWN')).toEqual([]);
    }
  });

  it('warns about a rate outside the known set, and about an empty or unreadable rate', () => {
    expect(withCode(at({ taxRate: '0.17' }), 'TAX_RATE_UNKNOWN')[0]).toMatchObject({
      severity: 'warning',
      message: '税率「17%」不是常见税率（13%、9%、6%、5%、3%、1%、0%、免税、不征税），请核对',
    });
    expect(withCode(at({ taxRate: '' }), 'TAX_RATE_UNKNOWN')[0]?.message).toBe('税率为空，无法核对税额');
    expect(withCode(at({ taxRate: '十三' }), 'TAX_RATE_UNKNOWN')[0]?.severity).toBe('warning');
  });
});

describe('AMOUNT_IN_WORDS_MISMATCH', () => {
  it('accepts every legal spelling of the total, and empty words', () => {
    // 356,628.00
    for (const totalInWords of ['叁拾伍万陆仟陆佰贰拾捌圆整', '叁拾伍万陆仟陆佰贰拾捌元整', '人民币叁拾伍万陆仟陆佰贰拾捌元正', '', '  ']) {
      expect(withCode(at({ totalInWords }), 'AMOUNT_IN_WORDS_MISMATCH')).toEqual([]);
    }
    expect(withCode(at({}, 4), 'AMOUNT_IN_WORDS_MISMATCH')).toEqual([]);
  });

  it('rejects words that read as another amount, naming both', () => {
    const [f] = withCode(at({ totalInWords: '叁拾伍万陆仟陆佰捌拾贰圆整' }), 'AMOUNT_IN_WORDS_MISMATCH');
    expect(f).toEqual({
      code: 'AMOUNT_IN_WORDS_MISMATCH',
      severity: 'error',
      message: '价税合计（大写）「叁拾伍万陆仟陆佰捌拾贰圆整」读作 356,682.00 元，与价税合计（小写）356,628.00 元 不符',
    });
  });

  it('warns, saying so, when the words cannot be read', () => {
    const [f] = withCode(at({ totalInWords: '三十五万六千六百二十八元' }), 'AMOUNT_IN_WORDS_MISMATCH');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('无法与价税合计核对');
  });

  it('warns when only the 「（负数）」 mark is missing on a red invoice', () => {
    const red = { amount: '-315600.00', tax: '-41028.00', total: '-356628.00', totalInWords: '叁拾伍万陆仟陆佰贰拾捌圆整' };
    const [f] = withCode(at(red), 'AMOUNT_IN_WORDS_MISMATCH');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('大写金额应以「（负数）」开头');
    expect(withCode(at({ ...red, totalInWords: '（负数）叁拾伍万陆仟陆佰贰拾捌圆整' }), 'AMOUNT_IN_WORDS_MISMATCH')).toEqual([]);
  });
});
