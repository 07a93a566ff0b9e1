import { describe, expect, it } from 'vitest';
import { formatFingerprintForReading, parseFingerprint } from '@shared/identity/fingerprint-text';

const HEX = '3f9a0c1be4d2775601aa9e3c4b5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f';

describe('fingerprint text', () => {
  it('groups the 64 digits in sixteen upper-case groups of four', () => {
    expect(formatFingerprintForReading(HEX)).toBe('3F9A 0C1B E4D2 7756 01AA 9E3C 4B5D 6E7F 8091 A2B3 C4D5 E6F7 0819 2A3B 4C5D 6E7F');
  });

  it('reads back what a chair types or pastes, whatever the separators and case', () => {
    expect(parseFingerprint(formatFingerprintForReading(HEX))).toEqual({ ok: true, value: HEX });
    const colons = HEX.toUpperCase().match(/../gu)?.join(':') ?? '';
    expect(parseFingerprint(colons)).toEqual({ ok: true, value: HEX });
  });

  it('refuses a fingerprint with a digit missing or a letter that is not hexadecimal', () => {
    expect(parseFingerprint(HEX.slice(1))).toEqual({ ok: false, message: expect.stringContaining('实际为 63 位') as unknown });
    expect(parseFingerprint(`${HEX.slice(1)}g`).ok).toBe(false);
  });
});
