import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CREDIT_CODE_ALPHABET, checkCreditCode, computeCreditCodeCheckChar, isCreditCodeValid, isOrganizationCodeValid } from '@shared/domain/credit-code';

describe('checkCreditCode', () => {
  it.each(['914400007556190127', '91441702707782974C', '91522701709696623X', '92522726MA7GNHJ07M', '91110108690017781B'])(
    'passes the codes DOMAIN.md lists as valid: %s',
    (code) => {
      expect(checkCreditCode(code)).toEqual({ kind: 'valid', code, organizationCodeValid: true });
      expect(isCreditCodeValid(code)).toBe(true);
    },
  );

  it('fails 91500106MA2CE71F65 and names the expected check character', () => {
    const r = checkCreditCode('91500106MA2CE71F65');
    expect(r.kind).toBe('bad-check-char');
    if (r.kind === 'bad-check-char') {
      expect(r.expected).toBe('6');
      expect(r.found).toBe('5');
      expect(r.organizationCodeValid).toBe(true);
      expect(r.message).toContain('应为「6」，实际为「5」');
      expect(r.message).toContain('人工核对');
    }
  });

  it('flags the placeholder tax numbers of the official 数电 sample (fixtures/einvoice)', () => {
    const seller = checkCreditCode('91440000000000000X', '销售方纳税人识别号');
    expect(seller).toMatchObject({ kind: 'bad-check-char', expected: 'Y', found: 'X' });
    if (seller.kind === 'bad-check-char') expect(seller.message).toMatch(/^销售方纳税人识别号「91440000000000000X」/u);
    expect(checkCreditCode('91440000000000001Y')).toMatchObject({ kind: 'bad-check-char', expected: '2', found: 'Y' });
  });

  it('folds spaces, full-width characters and lower case before checking', () => {
    expect(checkCreditCode(' 91441702707782974c ')).toMatchObject({ kind: 'valid', code: '91441702707782974C' });
    expect(checkCreditCode('９１４４１７０２７０７７８２９７４Ｃ')).toMatchObject({ kind: 'valid', code: '91441702707782974C' });
    expect(checkCreditCode('914417 027077 82974C')).toMatchObject({ kind: 'valid' });
  });

  it('rejects letters outside the alphabet with the position', () => {
    const r = checkCreditCode('9144170270778297IC');
    expect(r.kind).toBe('bad-format');
    if (r.kind === 'bad-format') expect(r.message).toContain('第 17 位「I」');
    expect(checkCreditCode('91441702707782974-').kind).toBe('bad-format');
  });

  it('rejects wrong lengths and empty cells', () => {
    const r = checkCreditCode('9144170270778297');
    expect(r.kind).toBe('bad-format');
    if (r.kind === 'bad-format') expect(r.message).toContain('有 16 位，应为 18 位');
    expect(checkCreditCode('').kind).toBe('bad-format');
    expect(checkCreditCode(null).kind).toBe('bad-format');
    // A code typed into a number cell has lost its last digits already.
    expect(checkCreditCode(Number('914400007556190127')).kind).toBe('bad-format');
  });

  it.each([
    ['440300755619012', 15],
    ['44030075561901234', 17],
    ['44030119800101123X01', 20],
  ])('accepts the legacy taxpayer id %s with a notice', (code, length) => {
    const r = checkCreditCode(code);
    expect(r).toMatchObject({ kind: 'legacy-taxpayer-id', code, length });
    if (r.kind === 'legacy-taxpayer-id') expect(r.message).toContain('旧纳税人识别号');
  });

  it('computes the check character only for 17 symbols of the alphabet', () => {
    expect(computeCreditCodeCheckChar('91110108690017781')).toBe('B');
    expect(computeCreditCodeCheckChar('9111010869001778')).toBeUndefined();
    expect(computeCreditCodeCheckChar('9111010869001778I')).toBeUndefined();
  });

  it('checks the embedded GB 11714 organisation code', () => {
    expect(isOrganizationCodeValid('755619012')).toBe(true);
    expect(isOrganizationCodeValid('755619013')).toBe(false);
    expect(isOrganizationCodeValid('MA7GNHJ07')).toBe(true);
  });
});

describe('properties', () => {
  const symbol = fc.constantFrom(...CREDIT_CODE_ALPHABET.split(''));
  const body = fc.array(symbol, { minLength: 17, maxLength: 17 }).map((chars) => chars.join(''));

  it('a body with its computed check character always passes', () => {
    fc.assert(
      fc.property(body, (b) => {
        const code = `${b}${computeCreditCodeCheckChar(b) ?? ''}`;
        expect(checkCreditCode(code).kind).toBe('valid');
      }),
      { numRuns: 2000 },
    );
  });

  it('changing any one character to another symbol makes it fail', () => {
    fc.assert(
      fc.property(body, fc.nat({ max: 17 }), fc.integer({ min: 1, max: 30 }), (b, position, shift) => {
        const code = `${b}${computeCreditCodeCheckChar(b) ?? ''}`;
        const old = CREDIT_CODE_ALPHABET.indexOf(code[position] ?? '');
        const replacement = CREDIT_CODE_ALPHABET[(old + shift) % 31] ?? '';
        const changed = `${code.slice(0, position)}${replacement}${code.slice(position + 1)}`;
        expect(checkCreditCode(changed).kind).toBe('bad-check-char');
      }),
      { numRuns: 2000 },
    );
  });
});
