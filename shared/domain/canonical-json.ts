/**
 * One canonical text of a JSON value, so that the same content always hashes the same whatever the
 * order in which its keys were written: object keys sorted by code unit, no whitespace, arrays kept
 * in order. Only plain JSON values are expected (strings, finite numbers, booleans, null, arrays,
 * objects); undefined properties are left out as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
