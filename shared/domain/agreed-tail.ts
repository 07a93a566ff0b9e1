import { Dec } from './decimal';
import { toHalfWidth } from './text';

/**
 * The tail or retention a contract stipulates (合同 sheet column 约定尾款, PACKAGE.md 1.1): a share
 * of the contract amount (`10%`) or an amount in yuan (`35,600.00`). Stored normalised — `10%` or
 * `35600.00` — so the checks read one spelling; '' when the sheet does not say.
 */
export type AgreedTail = { kind: 'percent'; value: Dec } | { kind: 'amount'; value: Dec };

const PERCENT = /^(\d{1,3}(?:\.\d{1,4})?)%$/u;
const AMOUNT = /^(?:¥|￥)?(\d{1,15}(?:\.\d{1,2})?)(?:元)?$/u;

/** `10%`, `5 %`, `３５,６００.００元` → normalised text; undefined for '' ; an Error message in Chinese when unreadable. */
export function normalizeAgreedTail(text: string): { ok: true; value: string } | { ok: false; message: string } {
  const compact = toHalfWidth(text).replace(/[\s,，]/gu, '');
  if (compact === '') return { ok: true, value: '' };
  const percent = PERCENT.exec(compact);
  if (percent?.[1] !== undefined) {
    const value = new Dec(percent[1]);
    if (value.gt(100)) return { ok: false, message: `约定尾款比例「${text}」超过 100%` };
    return { ok: true, value: `${value.toString()}%` };
  }
  const amount = AMOUNT.exec(compact);
  if (amount?.[1] !== undefined) return { ok: true, value: new Dec(amount[1]).toFixed(2) };
  return { ok: false, message: `约定尾款「${text}」无法读取：应为合同金额的比例（如 10%）或金额（如 35,600.00）` };
}

/** A stored (normalised) value; undefined when empty or unreadable. */
export function readAgreedTail(stored: string | undefined): AgreedTail | undefined {
  const text = (stored ?? '').trim();
  if (text === '') return undefined;
  const normal = normalizeAgreedTail(text);
  if (!normal.ok || normal.value === '') return undefined;
  return normal.value.endsWith('%') ? { kind: 'percent', value: new Dec(normal.value.slice(0, -1)) } : { kind: 'amount', value: new Dec(normal.value) };
}
