const JUNK_FILE_NAMES = new Set(['.ds_store', 'thumbs.db', 'desktop.ini']);

/**
 * Files that operating systems add on their own when a folder is browsed or zipped (Finder's
 * `__MACOSX/` resource forks and `.DS_Store`, Explorer's `Thumbs.db` and `desktop.ini`). The bureau
 * did not mean to send them, so they are skipped with a warning instead of counting as extra files.
 * Returns what the entry is, for the warning, or undefined for an ordinary entry.
 */
export function describeOsJunk(path: string): string | undefined {
  const segments = path.split('/');
  if (segments[0] === '__MACOSX') return 'macOS 压缩时附带的 __MACOSX 资源文件夹';
  const base = segments[segments.length - 1] ?? '';
  if (JUNK_FILE_NAMES.has(base.toLowerCase())) return `操作系统自动生成的 ${base} 文件`;
  return undefined;
}
