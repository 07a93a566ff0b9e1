import { Dec } from './decimal';
import type { MoneyString } from './money';
import { fail, ok, type Result } from './result';
import { removeSpaces, toHalfWidth } from './text';

/**
 * 人民币大写 (amounts in words), DOMAIN.md §4. Several spellings of one
 * amount are legal, so the product compares the parsed value, never the text.
 */

const DIGITS = '零壹贰叁肆伍陆柒捌玖';

// Variants the payment-settlement rules allow (traditional forms) or that are
// unambiguous in typed text (〇 for 零, 弍 for 贰).
const DIGIT_VARIANTS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  壹: 1,
  贰: 2,
  貳: 2,
  弍: 2,
  叁: 3,
  參: 3,
  肆: 4,
  伍: 5,
  陆: 6,
  陸: 6,
  柒: 7,
  捌: 8,
  玖: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 拾: 1, 佰: 2, 仟: 3 };
const NORMALISE_CHARS: Readonly<Record<string, string>> = { 萬: '万', 億: '亿', 圓: '圆' };

// Lower-case numerals and colloquial words are exactly what the rules forbid,
// because they are easy to alter; name them in the message rather than guess.
const FORBIDDEN = /[一二三四五六七八九十百千两廿毛另0-9]/u;

/** Integer part limit: below 1 万亿亿 is absurd; 亿 may carry a 万 section (壹万亿 = 10^12). */
const MAX_INTEGER = 10n ** 16n;

export const NEGATIVE_PREFIX = '（负数）';

interface DigitItem {
  readonly kind: 'digit';
  readonly value: number;
  readonly position: number;
  /** The digit had a unit after it (拾/佰/仟/万/亿); a bare last digit is the ones digit. */
  readonly explicitUnit: boolean;
  /** 拾 at the very start with no digit, read as 壹拾. */
  readonly implicit: boolean;
}
interface ZeroItem {
  readonly kind: 'zero';
}
type Item = DigitItem | ZeroItem;

/**
 * Parses 人民币大写 to a decimal string with two decimals.
 * Accepts 元 or 圆, 整/正, an optional 零 between 元 and 角/分, a leading 拾
 * for 壹拾, the prefixes 人民币, ⊗, and 「（负数）」 or 负 for red invoices.
 * Missing 零 inside the integer is tolerated when every digit carries its unit
 * (壹仟伍拾 = 1050); a bare digit after a gap (壹仟伍) is rejected because
 * people read it as 1500.
 */
export function parseAmountInWords(text: string): Result<MoneyString> {
  const shown = `大写金额「${text}」`;
  let s = removeSpaces(toHalfWidth(text));
  if (s === '') return fail('大写金额为空，应为如「壹仟贰佰叁拾肆圆伍角」的中文大写金额');
  s = [...s].map((ch) => NORMALISE_CHARS[ch] ?? ch).join('');

  let negative = false;
  // Order matters: 「（负数）」 before 负, because 负数 also starts with 负.
  for (;;) {
    const before = s;
    for (const prefix of ['⊗', 'ⓧ', '人民币', '(负数)', '负数', '负']) {
      if (s.startsWith(prefix)) {
        if (prefix.includes('负')) {
          if (negative) return fail(`${shown}重复标注了负数`);
          negative = true;
        }
        s = s.slice(prefix.length);
      }
    }
    if (s === before) break;
  }
  if (s === '') return fail(`${shown}只有前缀，没有金额`);

  const forbidden = FORBIDDEN.exec(s);
  if (forbidden) {
    return fail(`${shown}含有「${forbidden[0]}」，大写金额应使用零壹贰叁肆伍陆柒捌玖和拾佰仟万亿`);
  }
  for (const ch of s) {
    if (!(ch in DIGIT_VARIANTS) && !(ch in SMALL_UNITS) && !'万亿元圆角分整正'.includes(ch)) {
      return fail(`${shown}含有无法识别的字符「${ch}」`);
    }
  }

  const yuanAt = Math.max(s.indexOf('元'), s.indexOf('圆'));
  if ((s.match(/[元圆]/gu) ?? []).length > 1) return fail(`${shown}含有多个「元/圆」`);
  let integerText: string;
  let fractionText: string;
  if (yuanAt >= 0) {
    integerText = s.slice(0, yuanAt);
    fractionText = s.slice(yuanAt + 1);
    if (integerText === '') return fail(`${shown}的「${s[yuanAt] ?? '元'}」前缺少数字`);
  } else if (/[角分]/u.test(s) && !/[拾佰仟万亿]/u.test(s)) {
    // 壹角贰分: an amount under one yuan is written without 元.
    integerText = '';
    fractionText = s;
  } else {
    return fail(`${shown}缺少「元」或「圆」`);
  }

  const integer = parseInteger(integerText, shown);
  if (!integer.ok) return integer;
  const fraction = parseFraction(fractionText, shown, integerText !== '');
  if (!fraction.ok) return fraction;

  const fen = integer.value * 100n + BigInt(fraction.value);
  if (fen === 0n && integerText === '' && fractionText === '') return fail(`${shown}没有金额`);
  const abs = `${(fen / 100n).toString()}.${(fen % 100n).toString().padStart(2, '0')}`;
  return ok(negative && fen !== 0n ? `-${abs}` : abs);
}

function parseInteger(text: string, shown: string): Result<bigint> {
  if (text === '') return ok(0n);
  if (/^[零〇]$/u.test(text)) return ok(0n);
  const items = parseBig(text, shown, true);
  if (!items.ok) return items;
  const checked = checkSequence(items.value, shown);
  if (!checked.ok) return checked;
  let total = 0n;
  for (const item of items.value) {
    if (item.kind === 'digit') total += BigInt(item.value) * 10n ** BigInt(item.position);
  }
  if (total >= MAX_INTEGER) return fail(`${shown}超出可处理的范围`);
  return ok(total);
}

/** Splits at 亿 then 万 so that 万亿 (10^12) reads naturally: the part before 亿 may hold a 万. */
function parseBig(text: string, shown: string, atStart: boolean): Result<Item[]> {
  const yi = text.lastIndexOf('亿');
  if (yi >= 0) {
    const high = text.slice(0, yi);
    if (high === '' || high.endsWith('零')) return fail(`${shown}的「亿」前缺少数字`);
    if (high.includes('亿')) return fail(`${shown}含有多个「亿」`);
    const highItems = parseWan(high, shown, atStart);
    if (!highItems.ok) return highItems;
    const low = parseWan(text.slice(yi + 1), shown, false);
    if (!low.ok) return low;
    return ok([...shift(highItems.value, 8), ...low.value]);
  }
  return parseWan(text, shown, atStart);
}

function parseWan(text: string, shown: string, atStart: boolean): Result<Item[]> {
  const wan = text.indexOf('万');
  if (wan >= 0) {
    if (text.indexOf('万', wan + 1) >= 0) return fail(`${shown}含有多个「万」`);
    const high = text.slice(0, wan);
    if (high === '' || high.endsWith('零')) return fail(`${shown}的「万」前缺少数字`);
    const highItems = parseSmall(high, shown, atStart);
    if (!highItems.ok) return highItems;
    const low = parseSmall(text.slice(wan + 1), shown, false);
    if (!low.ok) return low;
    return ok([...shift(highItems.value, 4), ...low.value]);
  }
  return parseSmall(text, shown, atStart);
}

function shift(items: readonly Item[], by: number): Item[] {
  return items.map((item) => (item.kind === 'digit' ? { ...item, position: item.position + by, explicitUnit: true } : item));
}

/** A run of digits, 零 and 拾佰仟 without 万/亿: positions 0..3. */
function parseSmall(text: string, shown: string, atStart: boolean): Result<Item[]> {
  const chars = [...text];
  const items: Item[] = [];
  for (let i = 0; i < chars.length; i += 1) {
    const ch = chars[i] ?? '';
    const next = chars[i + 1];
    const digit = DIGIT_VARIANTS[ch];
    const unit = SMALL_UNITS[ch];
    if (digit === 0) {
      if (next !== undefined && next in SMALL_UNITS) return fail(`${shown}的「零」后面不应紧跟「${next}」`);
      items.push({ kind: 'zero' });
    } else if (digit !== undefined) {
      if (next !== undefined && next in DIGIT_VARIANTS) {
        return fail(`${shown}的「${ch}${next}」之间缺少单位（拾佰仟万亿）`);
      }
      const nextUnit = next === undefined ? undefined : SMALL_UNITS[next];
      items.push({ kind: 'digit', value: digit, position: nextUnit ?? 0, explicitUnit: nextUnit !== undefined, implicit: false });
      if (nextUnit !== undefined) i += 1;
    } else if (unit !== undefined) {
      // Only 拾 may stand alone, and only as the first character: 拾伍圆 = 15.
      if (unit === 1 && i === 0 && atStart) {
        items.push({ kind: 'digit', value: 1, position: 1, explicitUnit: true, implicit: true });
      } else {
        return fail(`${shown}的「${ch}」前缺少数字`);
      }
    } else {
      return fail(`${shown}在「${ch}」处格式不正确`);
    }
  }
  // Checked per section as well, because 壹仟伍万 would otherwise pass once 万 gives 伍 a unit.
  for (let k = 1; k < items.length; k += 1) {
    const current = items[k];
    const previous = items[k - 1];
    if (current?.kind === 'digit' && !current.explicitUnit && previous?.kind === 'digit' && previous.position > 1) {
      return fail(ambiguousBareDigit(shown, current.value));
    }
  }
  return ok(items);
}

function ambiguousBareDigit(shown: string, digit: number): string {
  return `${shown}中「${DIGITS[digit] ?? ''}」缺少单位，含义不明确；个位前有空位时应写「零」，如「壹佰零伍」`;
}

/** Place rules over the whole integer once positions are known. */
function checkSequence(items: readonly Item[], shown: string): Result<true> {
  let previous: DigitItem | undefined;
  let zeroPending = false;
  for (const item of items) {
    if (item.kind === 'zero') {
      if (previous === undefined) return fail(`${shown}不应以「零」开头`);
      if (zeroPending) return fail(`${shown}连续写了多个「零」，应只写一个`);
      zeroPending = true;
      continue;
    }
    if (previous !== undefined) {
      if (item.position >= previous.position) {
        return fail(`${shown}的数位顺序不正确（如「佰」出现在「拾」之后）`);
      }
      const gap = previous.position - item.position;
      if (zeroPending && gap < 2) return fail(`${shown}含有多余的「零」`);
      // 壹佰伍 is colloquially 150; only 壹佰零伍 means 105.
      if (!zeroPending && !item.explicitUnit && gap > 1) {
        return fail(ambiguousBareDigit(shown, item.value));
      }
    }
    previous = item;
    zeroPending = false;
  }
  if (zeroPending) return fail(`${shown}的整数部分不应以「零」结尾`);
  return ok(true);
}

/** What follows 元: nothing, 整/正, [零]X角[整|Y分], [零]Y分. Returns fen. */
function parseFraction(text: string, shown: string, hasInteger: boolean): Result<number> {
  if (text === '' || text === '整' || text === '正') {
    return hasInteger ? ok(0) : fail(`${shown}没有金额`);
  }
  // 分整 is against the rules but seen in hand-typed text; the value is clear.
  const m = /^[零〇]?(?:([零〇壹贰貳弍叁參肆伍陆陸柒捌玖])角)?(?:[零〇]?([壹贰貳弍叁參肆伍陆陸柒捌玖])分)?[整正]?$/u.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined)) {
    if (!hasInteger && /[整正]/u.test(text) && !/[角分]/u.test(text)) return fail(`${shown}缺少「元」或「圆」`);
    return fail(`${shown}的角分部分「${text}」格式不正确，应如「伍角」「零伍分」「伍角陆分」`);
  }
  const jiao = m[1] === undefined ? 0 : (DIGIT_VARIANTS[m[1]] ?? 0);
  const fen = m[2] === undefined ? 0 : (DIGIT_VARIANTS[m[2]] ?? 0);
  return ok(jiao * 10 + fen);
}

export interface FormatAmountInWordsOptions {
  /** 圆 as printed on invoices (default) or 元 as on many bank forms. */
  readonly yuanChar?: '圆' | '元';
}

/**
 * Writes a decimal string the way invoices print it: 圆, 壹拾 in full, 整
 * after 圆 or 角, 零 only where a digit position is skipped, 零 before 分 when
 * 角 is zero (壹圆零伍分), negative amounts prefixed 「（负数）」.
 * `13` → 壹拾叁圆整, `2.12` → 贰圆壹角贰分, `0.5` → 伍角整.
 * Throws on a value that is not a decimal with at most two decimals below 10^16.
 */
export function formatAmountInWords(amount: string, options: FormatAmountInWordsOptions = {}): string {
  const yuanChar = options.yuanChar ?? '圆';
  if (!/^-?\d+(?:\.\d+)?$/u.test(amount)) throw new TypeError(`金额「${amount}」不是十进制数字字符串`);
  const d = new Dec(amount);
  if (d.decimalPlaces() > 2) throw new RangeError(`金额「${amount}」超过两位小数，无法写成大写`);
  const fenTotal = BigInt(d.abs().times(100).toFixed(0));
  const integer = fenTotal / 100n;
  if (integer >= MAX_INTEGER) throw new RangeError(`金额「${amount}」超出大写金额可表示的范围`);
  const jiao = Number((fenTotal / 10n) % 10n);
  const fen = Number(fenTotal % 10n);

  let words = '';
  if (integer > 0n) words += `${integerWords(integer)}${yuanChar}`;
  if (jiao === 0 && fen === 0) {
    words = integer > 0n ? `${words}整` : `零${yuanChar}整`;
  } else {
    if (jiao > 0) words += `${DIGITS[jiao] ?? ''}角`;
    else if (integer > 0n) words += '零';
    words += fen > 0 ? `${DIGITS[fen] ?? ''}分` : '整';
  }
  return fenTotal > 0n && d.isNegative() ? `${NEGATIVE_PREFIX}${words}` : words;
}

function integerWords(n: bigint): string {
  if (n >= 100000000n) {
    const high = n / 100000000n;
    const low = n % 100000000n;
    return `${integerWords(high)}亿${lowerWords(low, 8)}`;
  }
  if (n >= 10000n) {
    const high = n / 10000n;
    const low = n % 10000n;
    return `${sectionWords(Number(high))}万${lowerWords(low, 4)}`;
  }
  return sectionWords(Number(n));
}

/** The part below a 亿/万 boundary; a 零 bridges the gap when its leading digit is zero. */
function lowerWords(low: bigint, width: number): string {
  if (low === 0n) return '';
  const needsZero = low < 10n ** BigInt(width - 1);
  return `${needsZero ? '零' : ''}${integerWords(low)}`;
}

/** 1..9999 with 壹拾 written in full. */
function sectionWords(n: number): string {
  const units = ['', '拾', '佰', '仟'];
  let out = '';
  let zero = false;
  for (let position = 3; position >= 0; position -= 1) {
    const digit = Math.floor(n / 10 ** position) % 10;
    if (digit === 0) {
      if (out !== '') zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += `${DIGITS[digit] ?? ''}${units[position] ?? ''}`;
  }
  return out;
}
