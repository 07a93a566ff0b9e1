import { constants, type Stats } from 'node:fs';
import { lstat, open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { collectStream } from './collect-stream';
import { formatBytes, type PackageLimits } from './limits';
import type { EntryReadResult, ListedEntry, OpenSourceResult, PackageSource } from './package-source';
import { packageError } from './problems';
import { libraryErrorReason } from '@core/library-error';

/** Not defined on Windows, where links are caught by `lstat` only. */
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/**
 * Lists a folder laid out like the zip. Every entry is `lstat`ed, never followed: a link inside the
 * package could point anywhere on the reviewer's disk. The folder itself may be a link (the user chose it).
 */
export async function openFolderSource(root: string, displayName: string, limits: PackageLimits): Promise<OpenSourceResult> {
  const entries: ListedEntry[] = [];
  const fullPaths = new Map<ListedEntry, string>();
  const pending: { dir: string; prefix: string }[] = [{ dir: root, prefix: '' }];

  for (let next = pending.pop(); next; next = pending.pop()) {
    let names: string[];
    try {
      names = (await readdir(next.dir)).sort();
    } catch (error) {
      return { ok: false, problem: packageError(next.prefix || displayName, `无法读取文件夹（${libraryErrorReason(error)}）`) };
    }
    for (const name of names) {
      if (entries.length >= limits.maxEntries) {
        return {
          ok: false,
          problem: packageError(displayName, `文件夹中的文件和子文件夹超过上限 ${String(limits.maxEntries)} 个，未读取`),
        };
      }
      const full = path.join(next.dir, name);
      const relative = `${next.prefix}${name}`;
      let stats: Stats;
      try {
        stats = await lstat(full);
      } catch (error) {
        return { ok: false, problem: packageError(relative, `无法读取（${libraryErrorReason(error)}）`) };
      }
      const listed: ListedEntry = stats.isDirectory()
        ? { name: `${relative}/`, kind: 'directory', size: 0, refusals: [] }
        : { name: relative, kind: 'file', size: stats.size, refusals: refusalsOf(stats) };
      entries.push(listed);
      fullPaths.set(listed, full);
      if (stats.isDirectory()) pending.push({ dir: full, prefix: `${relative}/` });
    }
  }

  const source: PackageSource = {
    entries,
    async read(listed, maxBytes): Promise<EntryReadResult> {
      const full = fullPaths.get(listed);
      if (full === undefined) throw new Error(`entry ${listed.name} does not belong to this folder`);
      let handle;
      try {
        handle = await open(full, constants.O_RDONLY | NO_FOLLOW);
      } catch (error) {
        return { ok: false, message: `无法读取（${libraryErrorReason(error)}）` };
      }
      // `end` is inclusive: reading one byte past the limit is how we notice a file that grew.
      // The stream closes the handle when it ends or is destroyed.
      const stream = handle.createReadStream({ end: maxBytes });
      const result = await collectStream(stream, { maxBytes, declaredBytes: listed.size });
      if (result.ok) return result;
      switch (result.reason) {
        case 'longer-than-declared':
        case 'shorter-than-declared':
          return { ok: false, message: '文件在读取过程中被修改，请关闭正在使用它的程序后重新导入' };
        case 'too-large':
          return { ok: false, message: `超过单个文件上限 ${formatBytes(maxBytes)}` };
        case 'crc-mismatch':
        case 'read-failed':
          return { ok: false, message: `无法读取（${result.reason === 'read-failed' ? libraryErrorReason(result.error) : '读取中断'}）` };
      }
    },
    close: () => Promise.resolve(),
  };
  return { ok: true, source };
}

function refusalsOf(stats: Stats): string[] {
  if (stats.isSymbolicLink()) return ['是符号链接（或快捷方式式的目录联接），材料包中不允许出现链接'];
  if (!stats.isFile()) return ['不是普通文件（而是设备、管道等特殊文件），材料包中不允许出现'];
  return [];
}
