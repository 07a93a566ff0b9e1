/**
 * Resource limits for reading an application package. They exist because a package comes from
 * outside (a bureau's USB stick, an e-mail attachment): a hostile or broken zip must not be able to
 * exhaust the reviewer's memory or disk before we have decided to accept it.
 */
export interface PackageLimits {
  /** Entries in the zip's central directory (files and folders), or files and folders in a folder package. */
  maxEntries: number;
  /** Uncompressed bytes of one file. */
  maxEntryBytes: number;
  /** Uncompressed bytes of all files together (everything is held in memory until the caller stores it). */
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed size of one entry, checked for entries above {@link RATIO_CHECK_MIN_BYTES}. */
  maxCompressionRatio: number;
  /** Characters of a package-relative path. */
  maxPathLength: number;
  /** Projects listed in the manifest; each has its own workbook to parse. */
  maxProjects: number;
}

const MIB = 1024 * 1024;

export const DEFAULT_PACKAGE_LIMITS: Readonly<PackageLimits> = Object.freeze({
  maxEntries: 20_000,
  maxEntryBytes: 200 * MIB,
  maxTotalBytes: 1024 * MIB,
  maxCompressionRatio: 200,
  maxPathLength: 400,
  maxProjects: 2_000,
});

/**
 * Small files compress very well legitimately (a 2 KB XML of spaces can reach 100:1) and cannot hurt,
 * so the ratio is only judged once an entry is big enough to matter.
 */
export const RATIO_CHECK_MIN_BYTES = 1 * MIB;

/** Defaults overlaid with the caller's values; a value that is not a positive number is a programming error. */
export function resolveLimits(overrides: Partial<PackageLimits> = {}): PackageLimits {
  const limits: PackageLimits = { ...DEFAULT_PACKAGE_LIMITS };
  for (const key of Object.keys(DEFAULT_PACKAGE_LIMITS) as (keyof PackageLimits)[]) {
    const value = overrides[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !(value > 0)) throw new RangeError(`PackageLimits.${key} must be a positive number, got ${String(value)}`);
    limits[key] = value;
  }
  return limits;
}

/** `1.5 MiB` style sizes for Chinese messages. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${String(bytes)} 字节`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = value >= 100 ? value.toFixed(0) : value.toFixed(1).replace(/\.0$/, '');
  return `${rounded} ${units[unit] ?? 'TiB'}`;
}
