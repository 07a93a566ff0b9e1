import type { PackageProblem } from '@shared/package/problem';

/** One entry of a package as listed, before any of its data is read. */
export interface ListedEntry {
  /** Name for messages: the decoded zip entry name, or the folder-relative path. */
  name: string;
  kind: 'file' | 'directory';
  /** Uncompressed size: declared by the zip's central directory, or found by `lstat`. */
  size: number;
  /** Reasons to refuse this entry that only its source can see (encryption, link, compression ratio, name encoding). */
  refusals: string[];
}

export type EntryReadResult = { ok: true; data: Buffer; sha256: string } | { ok: false; message: string };

/** A zip or a folder, listed; data is read entry by entry only after the listing passed its checks. */
export interface PackageSource {
  readonly entries: readonly ListedEntry[];
  /** Reads one file entry, refusing data longer than `maxBytes` or than the entry's declared size. */
  read(entry: ListedEntry, maxBytes: number): Promise<EntryReadResult>;
  close(): Promise<void>;
}

/** Opening a source either lists it or fails with one problem (not a zip, too many entries, unreadable). */
export type OpenSourceResult = { ok: true; source: PackageSource } | { ok: false; problem: PackageProblem };
