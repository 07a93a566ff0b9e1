import { CREDIT_CODE_ALPHABET, computeCreditCodeCheckChar } from '@shared/domain';
import { BANKS, GIVEN_NAME_CHARS, ORG_FORMS, STREETS, SURNAMES, TRADE_NAME_FIRST, TRADE_NAME_SECOND, type City } from './catalog';
import type { Company } from './model';
import type { Rng } from './prng';

/** GB 11714 check character for the 8-character body of an organisation code. */
export function organizationCodeCheckChar(body8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i += 1) {
    const ch = body8[i] ?? '0';
    const value = /\d/u.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55;
    sum += value * (weights[i] ?? 0);
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

const LETTERS_AND_DIGITS = CREDIT_CODE_ALPHABET;

/**
 * A unified social credit code that passes GB 32100: 9 (market regulation) + 1 (enterprise) +
 * division + organisation code (with its own GB 11714 check) + computed 18th character. Codes
 * issued since 2015 carry an organisation code starting with MA; older companies kept theirs.
 */
export function makeCreditCode(rng: Rng, division: string): string {
  let body: string;
  if (rng.chance(0.7)) {
    body = `MA${Array.from({ length: 6 }, () => rng.pick([...LETTERS_AND_DIGITS])).join('')}`;
  } else {
    body = `${String(rng.int(1, 7))}${Array.from({ length: 7 }, () => String(rng.int(0, 9))).join('')}`;
  }
  const first17 = `91${division}${body}${organizationCodeCheckChar(body)}`;
  const check = computeCreditCodeCheckChar(first17);
  if (check === undefined) throw new Error(`无法为「${first17}」计算校验码`);
  return `${first17}${check}`;
}

/**
 * A typing error in a credit code that the GB 32100 check catches: two neighbouring characters
 * of the organisation code swapped (the commonest slip), or failing that one character changed.
 */
export function mistypedCreditCode(code: string, rng: Rng): string {
  const valid = (candidate: string) => computeCreditCodeCheckChar(candidate.slice(0, 17)) === candidate[17];
  for (const i of rng.shuffled([8, 9, 10, 11, 12, 13, 14, 15])) {
    const a = code[i] ?? '';
    const b = code[i + 1] ?? '';
    if (a === b) continue;
    const swapped = `${code.slice(0, i)}${b}${a}${code.slice(i + 2)}`;
    if (!valid(swapped)) return swapped;
  }
  const i = 12;
  const current = code[i] ?? '0';
  const replacement = current === '8' ? '3' : '8';
  return `${code.slice(0, i)}${replacement}${code.slice(i + 1)}`;
}

export interface CompanyRequest {
  city: City;
  /** Business words, one is picked: 精密机械, 数控机床 … */
  words: readonly string[];
  /** Reuse this 字号 (related companies share it). */
  tradeName?: string;
  /** Applicants keep their 字号 to themselves, so that a shared 字号 only appears where a defect puts it. */
  applicant?: boolean;
  district?: readonly [string, string];
  smallScale?: boolean;
  orgForm?: string;
}

/** Makes companies whose names and codes are unique across one package. */
export class CompanyFactory {
  private readonly names = new Set<string>();
  private readonly codes = new Set<string>();
  private readonly applicantTradeNames = new Set<string>();
  private readonly otherTradeNames = new Set<string>();

  constructor(private readonly rng: Rng) {}

  person(): string {
    const given = this.rng.chance(0.7) ? `${this.rng.pick(GIVEN_NAME_CHARS)}${this.rng.pick(GIVEN_NAME_CHARS)}` : this.rng.pick(GIVEN_NAME_CHARS);
    return `${this.rng.pick(SURNAMES)}${given}`;
  }

  mobile(): string {
    return `1${this.rng.pick(['35', '36', '38', '39', '50', '58', '59', '77', '86', '88', '89'])}${String(this.rng.int(0, 99999999)).padStart(8, '0')}`;
  }

  landline(city: City): string {
    const digits = city.phoneArea.length === 3 ? 8 : 7;
    const first = String(this.rng.int(2, 8));
    const rest = String(this.rng.int(0, 10 ** (digits - 1) - 1)).padStart(digits - 1, '0');
    return `${city.phoneArea}-${first}${rest}`;
  }

  tradeName(): string {
    for (;;) {
      const a = this.rng.pick(TRADE_NAME_FIRST);
      const b = this.rng.pick(TRADE_NAME_SECOND);
      if (a !== b) return `${a}${b}`;
    }
  }

  company(request: CompanyRequest): Company {
    const { city } = request;
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const tradeName = request.tradeName ?? this.tradeName();
      const clash = request.applicant === true ? this.otherTradeNames : this.applicantTradeNames;
      if (request.tradeName === undefined && clash.has(tradeName)) continue;
      const words = this.rng.pick(request.words);
      const form = request.orgForm ?? this.rng.weighted(ORG_FORMS);
      const provinceShort = city.province.replace(/[省市]$/u, '');
      const style = this.rng.weighted([
        ['city', 70],
        ['bracket', 15],
        ['province', 15],
      ] as const);
      const name =
        style === 'bracket'
          ? `${tradeName}（${city.short}）${words}${form}`
          : style === 'province' && provinceShort !== city.short
            ? `${provinceShort}${tradeName}${words}${form}`
            : `${city.short}${tradeName}${words}${form}`;
      if (this.names.has(name)) continue;
      const district = request.district ?? this.rng.pick(city.districts);
      const code = makeCreditCode(this.rng, district[1]);
      if (this.codes.has(code)) continue;
      this.names.add(name);
      this.codes.add(code);
      (request.applicant === true ? this.applicantTradeNames : this.otherTradeNames).add(tradeName);
      const street = this.rng.pick(STREETS);
      const districtShort = district[0].replace(/[区县市]$/u, '');
      return {
        name,
        tradeName,
        code,
        city,
        district: district[0],
        division: district[1],
        address: `${city.province}${city.city}${district[0]}${street}${String(this.rng.int(1, 999))}号`,
        phone: this.landline(city),
        bank: `${this.rng.pick(BANKS)}${city.short}${districtShort}支行`,
        bankAccount: `${String(this.rng.int(1, 9))}${Array.from({ length: 18 }, () => String(this.rng.int(0, 9))).join('')}`,
        smallScale: request.smallScale ?? false,
        legalRep: this.person(),
      };
    }
    throw new Error('无法生成不重复的企业名称');
  }
}
