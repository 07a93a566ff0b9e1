import { fail, ok, type Result } from '../domain/result';

/**
 * A certificate fingerprint is the SHA-256 of its DER bytes: 64 hexadecimal digits, stored in lower
 * case. The chair confirms it with the expert by phone or on paper, so it is shown in sixteen groups
 * of four upper-case digits that can be read aloud and compared group by group.
 */
export const FINGERPRINT_PATTERN = /^[0-9a-f]{64}$/u;

export function formatFingerprintForReading(fingerprint: string): string {
  return fingerprint.toUpperCase().replace(/(.{4})(?!$)/gu, '$1 ');
}

/** Reads a fingerprint as typed or pasted: spaces, colons and dashes between digits are ignored, any case. */
export function parseFingerprint(input: string): Result<string> {
  const digits = input.replace(/[\s:-]/gu, '').toLowerCase();
  if (FINGERPRINT_PATTERN.test(digits)) return ok(digits);
  return fail(`证书指纹「${input.trim()}」应为 64 位十六进制数字（0–9、A–F，可按四位一组用空格分隔），实际为 ${String(digits.length)} 位`);
}
