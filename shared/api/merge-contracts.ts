/**
 * Joins the per-domain contract files into the one API. A method declared in two files would
 * silently take the later declaration with a plain object spread; here it fails to compile (the
 * argument list names the duplicate) and, should types be bypassed, throws when the module loads.
 */

type AllKeys<T extends readonly object[]> = T extends readonly [infer Head, ...infer Rest extends readonly object[]] ? keyof Head | AllKeys<Rest> : never;

type DuplicateKeys<T extends readonly object[]> = T extends readonly [infer Head, ...infer Rest extends readonly object[]]
  ? (keyof Head & AllKeys<Rest>) | DuplicateKeys<Rest>
  : never;

type Merged<T extends readonly object[]> = T extends readonly [infer Head, ...infer Rest extends readonly object[]] ? Head & Merged<Rest> : unknown;

type WithoutDuplicates<T extends readonly object[]> = [DuplicateKeys<T>] extends [never] ? T : { 'declared in two contract files': DuplicateKeys<T> };

export function mergeContracts<const T extends readonly object[]>(...parts: T & WithoutDuplicates<T>): Merged<T> {
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [name, spec] of Object.entries(part)) {
      if (Object.hasOwn(merged, name)) throw new Error(`API method "${name}" is declared in two contract files`);
      merged[name] = spec;
    }
  }
  return merged as Merged<T>;
}
