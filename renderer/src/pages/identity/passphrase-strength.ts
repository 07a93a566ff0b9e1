import { MIN_PASSPHRASE_LENGTH } from '@shared/identity/reviewer-profile';

export interface PassphraseStrength {
  /** 0–100 for the bar. */
  readonly percent: number;
  readonly label: string;
  readonly color: string;
}

/**
 * A rough hint, not a rule: length counts most, mixing kinds of characters helps. The key signs a
 * reviewer's expert files and reports, so a short or one-kind passphrase is called weak.
 */
export function passphraseStrength(passphrase: string): PassphraseStrength {
  if (passphrase.length === 0) return { percent: 0, label: '', color: '#d9d9d9' };
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) return { percent: 15, label: `太短（至少 ${String(MIN_PASSPHRASE_LENGTH)} 个字符）`, color: '#cf1322' };
  const kinds = [/[a-z]/u, /[A-Z]/u, /\d/u, /[^a-zA-Z\d]/u].filter((kind) => kind.test(passphrase)).length;
  const points = Math.min(passphrase.length, 20) * 3 + kinds * 10;
  if (points < 50) return { percent: 40, label: '弱：可加长或混用字母、数字和符号', color: '#fa8c16' };
  if (points < 75) return { percent: 70, label: '中等', color: '#fadb14' };
  return { percent: 100, label: '强', color: '#52c41a' };
}
