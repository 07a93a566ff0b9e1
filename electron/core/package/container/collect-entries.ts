import { normalizeEntryPath } from './entry-path';
import { formatBytes, type PackageLimits } from './limits';
import { describeOsJunk } from './os-junk';
import type { ListedEntry, PackageSource } from './package-source';
import type { ProblemList } from './problems';
import { commonRootToStrip } from './strip-common-root';

export interface CollectedFiles {
  /** Contents and SHA-256 by package path (top folder stripped), directories and OS junk left out. */
  files: Map<string, { data: Buffer; sha256: string }>;
  /** Package paths of files that are present but were refused, so they are not reported missing as well. */
  refused: Set<string>;
  /** False when a package-wide limit stopped the reading: manifest checks would only add noise then. */
  complete: boolean;
}

/**
 * Entries read at the same time. Inflating runs on libuv's thread pool and hashing on the main
 * thread, so a few reads in flight keep both busy; with one at a time a package of thousands of small
 * entries is dominated by per-entry latency. Memory is not the concern: everything is kept anyway.
 */
const READ_CONCURRENCY = 4;

interface Candidate {
  entry: ListedEntry;
  path: string;
}

/**
 * Judges every listed entry (path, kind, size, duplicates) before reading anything, then reads the
 * entries that passed one by one. Every problem is recorded, not only the first; only the total-size
 * limit stops the reading, because honouring it is the point of checking it before inflating.
 */
export async function collectFiles(source: PackageSource, displayName: string, limits: PackageLimits, problems: ProblemList): Promise<CollectedFiles> {
  const candidates: Candidate[] = [];
  const refused = new Set<string>();
  const located: { path: string; kind: 'file' | 'directory' }[] = [];
  const firstNameOf = new Map<string, string>();
  let macosFolderWarned = false;
  let totalBytes = 0;

  for (const entry of source.entries) {
    const normalised = normalizeEntryPath(entry.name, limits.maxPathLength);
    if (!normalised.ok) {
      problems.error(entry.name, normalised.message);
      for (const refusal of entry.refusals) problems.error(entry.name, refusal);
      continue;
    }
    const { path } = normalised;

    const junk = describeOsJunk(path);
    if (junk !== undefined) {
      const isMacosFolder = path.startsWith('__MACOSX');
      if (!isMacosFolder || !macosFolderWarned) {
        problems.warning(isMacosFolder ? '__MACOSX/' : entry.name, `已忽略${junk}`);
      }
      macosFolderWarned ||= isMacosFolder;
      continue;
    }

    located.push({ path, kind: entry.kind });
    for (const refusal of entry.refusals) problems.error(entry.name, refusal);
    if (entry.kind === 'directory') continue;
    totalBytes += entry.size;

    const firstName = firstNameOf.get(path);
    if (firstName !== undefined) {
      problems.error(entry.name, `与「${firstName}」重名（统一路径写法后是同一个文件），材料包中每个文件只能出现一次`);
    } else {
      firstNameOf.set(path, entry.name);
    }
    if (entry.size > limits.maxEntryBytes) {
      problems.error(entry.name, `文件大小 ${formatBytes(entry.size)}，超过单个文件上限 ${formatBytes(limits.maxEntryBytes)}`);
    }
    if (entry.refusals.length > 0 || firstName !== undefined || entry.size > limits.maxEntryBytes) refused.add(path);
    else candidates.push({ entry, path });
  }

  if (totalBytes > limits.maxTotalBytes) {
    problems.error(displayName, `解压后总大小 ${formatBytes(totalBytes)}，超过上限 ${formatBytes(limits.maxTotalBytes)}，未解压`);
    return { files: new Map(), refused, complete: false };
  }

  const root = commonRootToStrip(located);
  const strip = (path: string) => (root !== undefined && path.startsWith(root) ? path.slice(root.length) : path);

  const reads = await mapConcurrently(candidates, READ_CONCURRENCY, ({ entry }) => source.read(entry, limits.maxEntryBytes));
  const files = new Map<string, { data: Buffer; sha256: string }>();
  candidates.forEach(({ entry, path }, i) => {
    const read = reads[i];
    if (read?.ok) files.set(strip(path), { data: read.data, sha256: read.sha256 });
    else {
      problems.error(entry.name, read?.message ?? '未能读取');
      refused.add(path);
    }
  });
  return { files, refused: new Set([...refused].map(strip)), complete: true };
}

/** `fn` over `items` with at most `limit` calls in flight; results in the order of `items`. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await fn(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
