import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmountInWords, parseAmountInWords } from '@shared/domain/amount-in-words';

function fenToString(fen: bigint): string {
  const abs = fen < 0n ? -fen : fen;
  const s = `${(abs / 100n).toString()}.${(abs % 100n).toString().padStart(2, '0')}`;
  return fen < 0n ? `-${s}` : s;
}

describe('formatAmountInWords: what invoices print', () => {
  it.each([
    ['13', '壹拾叁圆整'],
    ['10', '壹拾圆整'],
    ['2.12', '贰圆壹角贰分'],
    ['0.5', '伍角整'],
    ['0.05', '伍分'],
    ['0.12', '壹角贰分'],
    ['0', '零圆整'],
    ['1.05', '壹圆零伍分'],
    ['10.3', '壹拾圆叁角整'],
    ['1680.32', '壹仟陆佰捌拾圆叁角贰分'],
    ['16409.02', '壹万陆仟肆佰零玖圆零贰分'],
    ['107000.53', '壹拾万柒仟圆伍角叁分'],
    ['100100', '壹拾万零壹佰圆整'],
    ['1001000', '壹佰万壹仟圆整'],
    ['10010000', '壹仟零壹万圆整'],
    ['100000001', '壹亿零壹圆整'],
    ['1000010000', '壹拾亿零壹万圆整'],
    ['110000000', '壹亿壹仟万圆整'],
    ['24519.05', '贰万肆仟伍佰壹拾玖圆零伍分'],
    ['99999999999.99', '玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖圆玖角玖分'],
    ['1234567890123', '壹万贰仟叁佰肆拾伍亿陆仟柒佰捌拾玖万零壹佰贰拾叁圆整'],
    ['-2.12', '（负数）贰圆壹角贰分'],
    ['-0.00', '零圆整'],
  ])('%s → %s', (amount, words) => {
    expect(formatAmountInWords(amount)).toBe(words);
  });

  it('can write 元 instead of 圆', () => {
    expect(formatAmountInWords('13', { yuanChar: '元' })).toBe('壹拾叁元整');
  });

  it('throws on values it cannot write', () => {
    expect(() => formatAmountInWords('1.005')).toThrow();
    expect(() => formatAmountInWords('abc')).toThrow();
    expect(() => formatAmountInWords('10000000000000000')).toThrow();
  });
});

describe('parseAmountInWords: legal spellings', () => {
  it.each([
    ['贰圆壹角贰分', '2.12'],
    ['壹拾叁圆整', '13.00'],
    ['拾叁圆整', '13.00'],
    ['拾圆', '10.00'],
    ['拾万元整', '100000.00'],
    ['拾亿元整', '1000000000.00'],
    ['壹仟陆佰捌拾元零叁角贰分', '1680.32'],
    ['壹仟陆佰捌拾元叁角贰分', '1680.32'],
    ['壹万陆仟肆佰零玖元零贰分', '16409.02'],
    ['壹拾万零柒仟元伍角叁分', '107000.53'],
    ['壹拾万柒仟元伍角叁分', '107000.53'],
    ['壹佰元正', '100.00'],
    ['壹佰元', '100.00'],
    ['伍角', '0.50'],
    ['伍角整', '0.50'],
    ['壹角贰分', '0.12'],
    ['伍分', '0.05'],
    ['零元伍角', '0.50'],
    ['零圆整', '0.00'],
    ['壹圆零角伍分', '1.05'],
    ['壹亿零壹圆整', '100000001.00'],
    ['壹万亿元', '1000000000000.00'],
    ['人民币壹万元整', '10000.00'],
    ['⊗壹万元整', '10000.00'],
    ['（负数）贰圆壹角贰分', '-2.12'],
    ['(负数)贰圆壹角贰分', '-2.12'],
    ['负贰圆壹角贰分', '-2.12'],
    ['负数贰圆整', '-2.00'],
    ['（负数）零圆整', '0.00'],
    [' 壹 佰 圆 整 ', '100.00'],
    ['〇圆伍角', '0.50'],
    ['貳萬圓整', '20000.00'],
    ['伍分整', '0.05'],
    // Not the standard spelling, but every digit carries its unit, so the value is clear.
    ['壹仟伍拾元', '1050.00'],
  ])('%s → %s', (words, amount) => {
    expect(parseAmountInWords(words)).toEqual({ ok: true, value: amount });
  });
});

describe('parseAmountInWords: malformed text', () => {
  it.each([
    ['', '为空'],
    ['壹佰', '缺少「元」或「圆」'],
    ['壹佰整', '缺少「元」或「圆」'],
    ['一百元', '「一」'],
    ['壹佰两拾元', '「两」'],
    ['壹佰5元', '「5」'],
    ['壹佰伍元', '含义不明确'],
    ['壹仟伍万元', '含义不明确'],
    ['壹万伍元', '含义不明确'],
    ['壹佰零零伍元', '多个「零」'],
    ['壹佰零拾元', '「零」后面不应紧跟'],
    ['壹拾零元', '不应以「零」结尾'],
    ['零壹佰元', '不应以「零」开头'],
    ['壹佰零伍拾元', '多余的「零」'],
    ['壹零伍元', '缺少单位'],
    ['壹贰元', '缺少单位'],
    ['佰元', '前缺少数字'],
    ['壹佰拾元', '前缺少数字'],
    ['壹拾贰佰元', '数位顺序不正确'],
    ['壹拾佰元', '前缺少数字'],
    ['壹万贰万元', '多个「万」'],
    ['元整', '前缺少数字'],
    ['壹元贰元', '多个「元/圆」'],
    ['壹元伍角伍角', '角分部分'],
    ['壹元伍', '角分部分'],
    ['壹元角', '角分部分'],
    ['壹元$', '无法识别的字符'],
    ['负负壹元', '重复'],
    ['（负数）', '只有前缀'],
  ])('%s fails (%s)', (words, fragment) => {
    const r = parseAmountInWords(words);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain(fragment);
      if (words !== '') expect(r.message).toContain(`「${words}」`);
    }
  });
});

describe('official 数电 sample (fixtures/einvoice)', () => {
  it('reads TotalTax-includedAmountInChinese 贰圆壹角贰分 as TotalTax-includedAmount 2.12', () => {
    expect(parseAmountInWords('贰圆壹角贰分')).toEqual({ ok: true, value: '2.12' });
    expect(formatAmountInWords('2.12')).toBe('贰圆壹角贰分');
  });
});

describe('round trip properties over 0.01 .. 99,999,999,999.99', () => {
  const fen = fc.bigInt({ min: 1n, max: 9_999_999_999_999n });

  it('parse(format(x)) = x', () => {
    fc.assert(
      fc.property(fen, (f) => {
        const amount = fenToString(f);
        expect(parseAmountInWords(formatAmountInWords(amount))).toEqual({ ok: true, value: amount });
      }),
      { numRuns: 2000 },
    );
  });

  it('red amounts round trip with the （负数） prefix', () => {
    fc.assert(
      fc.property(fen, (f) => {
        const amount = fenToString(-f);
        const words = formatAmountInWords(amount);
        expect(words.startsWith('（负数）')).toBe(true);
        expect(parseAmountInWords(words)).toEqual({ ok: true, value: amount });
      }),
    );
  });

  it('the other legal spellings read the same: 元, 正, 零 before 角, 拾 for 壹拾 at the start', () => {
    fc.assert(
      fc.property(fen, (f) => {
        const amount = fenToString(f);
        const words = formatAmountInWords(amount);
        const variants = [
          formatAmountInWords(amount, { yuanChar: '元' }),
          words.replace(/整$/u, '正'),
          words.replace(/整$/u, ''),
          words.replace(/^壹拾/u, '拾'),
          `人民币${words}`,
        ];
        // 零 between 圆 and 角 is optional when the integer part ends in 0.
        if (/[拾佰仟万亿]圆[壹贰叁肆伍陆柒捌玖]角/u.test(words)) variants.push(words.replace('圆', '圆零'));
        for (const v of variants) expect(parseAmountInWords(v), v).toEqual({ ok: true, value: amount });
      }),
    );
  });

  it('formatted words never contain 零零, start with 零 (unless zero) or end with 零', () => {
    fc.assert(
      fc.property(fen, (f) => {
        const words = formatAmountInWords(fenToString(f));
        expect(words).not.toMatch(/零零|^零|零[圆整]|零$/u);
      }),
    );
  });
});

describe('robustness', () => {
  const chars = fc.constantFrom(...'零壹贰叁肆伍陆柒捌玖拾佰仟万亿元圆角分整正负'.split(''));
  const text = fc.array(chars, { maxLength: 24 }).map((a) => a.join(''));

  it('never throws on arbitrary text, and whatever it accepts it can write again', () => {
    fc.assert(
      fc.property(text, (t) => {
        const r = parseAmountInWords(t);
        if (r.ok) expect(parseAmountInWords(formatAmountInWords(r.value))).toEqual(r);
      }),
      { numRuns: 5000 },
    );
  });
});
