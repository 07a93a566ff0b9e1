/**
 * Outcome of reading user-supplied data. Bad input in a workbook is expected,
 * so it travels as a value with a Chinese message instead of an exception;
 * the envelope is plain data so it survives IPC and structured cloning.
 */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function fail(message: string): { readonly ok: false; readonly message: string } {
  return { ok: false, message };
}
