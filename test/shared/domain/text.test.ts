import { describe, expect, it } from 'vitest';
import { compactText, isBlank, quote, removeSpaces, toHalfWidth } from '@shared/domain/text';
import { fail, ok } from '@shared/domain/result';

describe('text folding', () => {
  it('turns full-width ASCII and the ideographic space into ASCII', () => {
    expect(toHalfWidth('（１２３，４５）ＡＢｃ％－')).toBe('(123,45)ABc%-');
    expect(toHalfWidth('发票\u3000号码')).toBe('发票 号码');
    expect(toHalfWidth('￥')).toBe('￥');
  });

  it('removes every kind of space, including NBSP and zero-width ones', () => {
    expect(removeSpaces(' a\tb\nc\u00a0d\u200be\ufeff ')).toBe('abcde');
    expect(compactText(' 金额\u3000（元） ')).toBe('金额(元)');
  });

  it('knows blank cells', () => {
    expect(isBlank(null)).toBe(true);
    expect(isBlank(undefined)).toBe(true);
    expect(isBlank(' \u3000\n')).toBe(true);
    expect(isBlank(0)).toBe(false);
    expect(isBlank(false)).toBe(false);
  });

  it('quotes values for messages', () => {
    expect(quote('12,3a4.00')).toBe('「12,3a4.00」');
    expect(quote(12.5)).toBe('「12.5」');
    expect(quote(null)).toBe('「（空）」');
    expect(quote(new Date(Date.UTC(2024, 0, 5)))).toBe('「2024-01-05T00:00:00.000Z」');
    expect(quote({})).toBe('「（无法识别的值）」');
  });
});

describe('result helpers', () => {
  it('build the envelope', () => {
    expect(ok(1)).toEqual({ ok: true, value: 1 });
    expect(fail('错误')).toEqual({ ok: false, message: '错误' });
  });
});
