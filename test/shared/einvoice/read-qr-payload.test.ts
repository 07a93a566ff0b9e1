import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readQrPayload } from '@shared/einvoice/read-qr-payload';

const TAX_CONTROL = '01,20,052002100113,00008006,24519.05,20220505,18001801513030862041,88CD,';
const SHUDIAN = '01,32,,24312000000136634917,0.01,20240514,,1DD6';

describe('readQrPayload', () => {
  it('reads the tax-control example of DOMAIN.md: amount excluding tax', () => {
    expect(readQrPayload(TAX_CONTROL, 'scan.pdf')).toEqual({
      ok: true,
      value: {
        source: '二维码',
        fileName: 'scan.pdf',
        number: '00008006',
        code: '052002100113',
        issuedOn: '2022-05-05',
        amount: '24519.05',
        red: false,
        version: '01',
        typeCode: '20',
        typeName: '增值税电子专用发票',
        checkCode: '18001801513030862041',
        crc: '88CD',
        qrAmount: '24519.05',
        qrAmountBasis: 'excluding-tax',
      },
    });
  });

  it('reads the 数电 example: no code, no check code, amount of unknown basis kept out of `amount`', () => {
    const result = readQrPayload(SHUDIAN);
    expect(result).toEqual({
      ok: true,
      value: {
        source: '二维码',
        number: '24312000000136634917',
        issuedOn: '2024-05-14',
        red: false,
        version: '01',
        typeCode: '32',
        typeName: '电子发票（普通发票）',
        crc: '1DD6',
        qrAmount: '0.01',
        qrAmountBasis: 'unknown',
      },
    });
    expect(result.ok && 'amount' in result.value).toBe(false);
  });

  it('tolerates surrounding whitespace, a lower-case CRC, full-width commas and a missing CRC', () => {
    expect(readQrPayload(`  ${TAX_CONTROL}\n`).ok).toBe(true);
    const lower = readQrPayload(SHUDIAN.replace('1DD6', '1dd6'));
    expect(lower.ok && lower.value.crc).toBe('1DD6');
    expect(readQrPayload(SHUDIAN.replaceAll(',', '，')).ok).toBe(true);
    const noCrc = readQrPayload('01,32,,24312000000136634917,0.01,20240514,');
    expect(noCrc.ok && 'crc' in noCrc.value).toBe(false);
  });

  it('marks a negative amount as red', () => {
    const result = readQrPayload(TAX_CONTROL.replace('24519.05', '-24519.05'));
    expect(result.ok && [result.value.red, result.value.amount]).toEqual([true, '-24519.05']);
  });

  it('explains, in Chinese, what is wrong', () => {
    const cases: [string, RegExp][] = [
      ['', /8 段/u],
      ['https://example.com/fapiao?id=1', /8 段/u],
      ['01,20,052002100113,00008006,24519.05', /8 段/u],
      ['01,20,052002100113,00008006,24519.05,20220505,1,88CD,x,y', /8 段/u],
      ['1,20,052002100113,00008006,24519.05,20220505,18001801513030862041,88CD,', /版本/u],
      ['01,XX,052002100113,00008006,24519.05,20220505,18001801513030862041,88CD,', /种类代码/u],
      ['01,20,,00008006,24519.05,20220505,18001801513030862041,88CD,', /8 位税控发票号码/u],
      ['01,32,,2431200000013663491,0.01,20240514,,1DD6', /19 位/u],
      ['01,20,052002100113,00008006,abc,20220505,18001801513030862041,88CD,', /金额「abc」/u],
      ['01,20,052002100113,00008006,24519.055,20220505,18001801513030862041,88CD,', /3 位小数/u],
      ['01,20,052002100113,00008006,24519.05,2022-05-05,18001801513030862041,88CD,', /YYYYMMDD/u],
      ['01,20,052002100113,00008006,24519.05,20220230,18001801513030862041,88CD,', /只有 28 天/u],
      ['01,20,052002100113,00008006,24519.05,20220505,1800180151303086204X,88CD,', /校验码/u],
      ['01,20,052002100113,00008006,24519.05,20220505,18001801513030862041,88CG,', /CRC/u],
      [`01,32,,${'9'.repeat(3000)}`, /远长于/u],
    ];
    for (const [payload, reason] of cases) {
      const result = readQrPayload(payload);
      expect(result.ok, payload).toBe(false);
      expect(result.ok ? '' : result.message, payload).toMatch(reason);
    }
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('01', '32', '', '24312000000136634917', '0.01', '20240514')), { maxLength: 12 }), (fields) => {
        const result = readQrPayload(fields.join(','));
        if (!result.ok) expect(result.message).toMatch(/[\u4e00-\u9fff]/u);
      }),
      { numRuns: 500 },
    );
  });
});
