/**
 * Timestamps are stored as ISO strings in UTC; people read them in their own time zone
 * (`2026-11-22T04:34:00Z` → `2026-11-22 12:34` on a laptop in China).
 */
export function formatLocalDateTime(iso: string, withSeconds = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}${withSeconds ? `:${pad(date.getSeconds())}` : ''}`;
  return `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${time}`;
}
