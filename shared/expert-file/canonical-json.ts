/**
 * JSON Canonicalization Scheme (RFC 8785, "JCS"): one byte sequence for one JSON value, whatever
 * the spacing, key order or escaping of the file it was read from. A signature over these bytes
 * survives a chair opening the file in an editor and saving it again, and any other JCS
 * implementation (Java, Go, Python, .NET) reproduces them to check a signature independently.
 *
 * Keys are sorted by UTF-16 code units and primitives serialised as ECMAScript's JSON.stringify
 * does, which is exactly what RFC 8785 §3.2 prescribes.
 */
/** In a `u` pattern a proper surrogate pair is one code point, so this matches only an unpaired half. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('规范化 JSON 不能包含 NaN 或无穷大');
    return JSON.stringify(value);
  }
  if (typeof value === 'string') {
    // RFC 8785 §3.2.2.2: a lone surrogate has no UTF-8 form and must be refused, not replaced.
    if (LONE_SURROGATE.test(value)) throw new TypeError('规范化 JSON 不能包含不成对的 UTF-16 代理项');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, member]) => member !== undefined);
    // Default sort compares UTF-16 code units, as RFC 8785 §3.2.3 requires (not locale, not code points).
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, member]) => `${canonicalJson(key)}:${canonicalJson(member)}`).join(',')}}`;
  }
  throw new TypeError(`规范化 JSON 不能包含 ${typeof value} 类型的值`);
}
