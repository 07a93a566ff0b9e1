import { fail, ok, type Result } from './result';
import { compactText, isBlank, quote } from './text';

const YES = new Set(['是', 'Y', 'YES', 'TRUE']);
const NO = new Set(['否', 'N', 'NO', 'FALSE']);

/** 是/否 cells; also Excel booleans and Y/N, which templates filled by other tools produce. */
export function parseYesNo(input: unknown, label = '该项'): Result<boolean> {
  if (typeof input === 'boolean') return ok(input);
  if (isBlank(input)) return fail(`${label}为空，应填写「是」或「否」`);
  if (typeof input === 'string') {
    const s = compactText(input).toUpperCase();
    if (YES.has(s)) return ok(true);
    if (NO.has(s)) return ok(false);
  }
  return fail(`${label}${quote(input)}应填写「是」或「否」`);
}

export function formatYesNo(value: boolean): '是' | '否' {
  return value ? '是' : '否';
}
