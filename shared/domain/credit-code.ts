import { compactText, isBlank, quote } from './text';

/**
 * 统一社会信用代码 (GB 32100-2015), DOMAIN.md §3. A genuine code has been seen
 * that fails the check, so every non-valid outcome is for a person to look at;
 * nothing here decides to reject a company.
 */

/** 31 symbols, no I O S V Z; a symbol's value is its index. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const CREDIT_CODE_WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** Lengths of taxpayer ids issued before the unified code. */
export const LEGACY_TAXPAYER_ID_LENGTHS: readonly number[] = [15, 17, 20];

export type CreditCodeCheck =
  | { readonly kind: 'valid'; readonly code: string; readonly organizationCodeValid: boolean }
  | {
      readonly kind: 'bad-check-char';
      readonly code: string;
      readonly found: string;
      readonly expected: string;
      /** Positions 9-17 carry their own GB 11714 check digit; if that holds, the 18th character is the likely typo. */
      readonly organizationCodeValid: boolean;
      readonly message: string;
    }
  | { readonly kind: 'bad-format'; readonly code: string; readonly message: string }
  | { readonly kind: 'legacy-taxpayer-id'; readonly code: string; readonly length: number; readonly message: string };

/** The 18th character for a 17-character body, or undefined if the body is not 17 symbols of the alphabet. */
export function computeCreditCodeCheckChar(body: string): string | undefined {
  if (body.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = CREDIT_CODE_ALPHABET.indexOf(body[i] ?? '');
    const weight = CREDIT_CODE_WEIGHTS[i];
    if (value < 0 || weight === undefined) return undefined;
    sum += value * weight;
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

/** GB 11714 organisation code check over 9 characters (8 + check digit, X for 10). */
export function isOrganizationCodeValid(code9: string): boolean {
  if (!/^[0-9A-Z]{8}[0-9X]$/u.test(code9)) return false;
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i += 1) {
    const ch = code9[i] ?? '0';
    const value = /\d/u.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55;
    sum += value * (weights[i] ?? 0);
  }
  const r = 11 - (sum % 11);
  const expected = r === 10 ? 'X' : r === 11 ? '0' : String(r);
  return code9[8] === expected;
}

/**
 * Checks a unified social credit code or an older taxpayer id. Spaces,
 * full-width characters and lower case are folded before checking; the
 * folded code is returned for storage.
 */
export function checkCreditCode(input: unknown, label = '统一社会信用代码'): CreditCodeCheck {
  if (isBlank(input)) return { kind: 'bad-format', code: '', message: `${label}为空，应为 18 位统一社会信用代码` };
  if (typeof input !== 'string') {
    return {
      kind: 'bad-format',
      code: '',
      message: `${label}${quote(input)}应以文本填写（18 位，数字或大写字母）`,
    };
  }
  const code = compactText(input).toUpperCase();
  const shown = `${label}${quote(input)}`;

  if (code.length !== 18) {
    if (LEGACY_TAXPAYER_ID_LENGTHS.includes(code.length) && /^[0-9A-Z]+$/u.test(code)) {
      return {
        kind: 'legacy-taxpayer-id',
        code,
        length: code.length,
        message: `${shown}为 ${code.length} 位的旧纳税人识别号，不是 18 位统一社会信用代码，无法校验，请人工核对`,
      };
    }
    return {
      kind: 'bad-format',
      code,
      message: `${shown}有 ${code.length} 位，应为 18 位统一社会信用代码（旧纳税人识别号为 15、17 或 20 位）`,
    };
  }

  for (let i = 0; i < 18; i += 1) {
    const ch = code[i] ?? '';
    if (!CREDIT_CODE_ALPHABET.includes(ch)) {
      const why = /[IOSVZ]/u.test(ch) ? '（统一社会信用代码不使用 I、O、S、V、Z）' : '';
      return {
        kind: 'bad-format',
        code,
        message: `${shown}第 ${i + 1} 位「${ch}」不是允许的字符${why}，应为数字或大写字母`,
      };
    }
  }

  const expected = computeCreditCodeCheckChar(code.slice(0, 17)) ?? '';
  const found = code[17] ?? '';
  const organizationCodeValid = isOrganizationCodeValid(code.slice(8, 17));
  if (found === expected) return { kind: 'valid', code, organizationCodeValid };
  return {
    kind: 'bad-check-char',
    code,
    found,
    expected,
    organizationCodeValid,
    message: `${shown}未通过 GB 32100 校验：第 18 位校验码按前 17 位应为「${expected}」，实际为「${found}」。曾有真实代码未通过校验，请人工核对`,
  };
}

export function isCreditCodeValid(input: unknown): boolean {
  return checkCreditCode(input).kind === 'valid';
}
