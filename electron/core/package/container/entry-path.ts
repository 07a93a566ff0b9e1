export type EntryPathResult = { ok: true; path: string; isDirectory: boolean } | { ok: false; message: string };

// eslint-disable-next-line no-control-regex -- control characters are exactly what we look for
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/**
 * Turns an entry name (zip entry or folder-relative path) into a package path: `/`-separated,
 * Unicode NFC (macOS writes names decomposed; the manifest is usually composed), without empty or
 * `.` segments. Backslashes count as separators *before* the checks, because Windows tools write
 * them and an extractor on Windows would honour them — `a\..\..\b` is as dangerous as `a/../../b`.
 * Names that could point outside the package or change meaning on another OS are refused.
 */
export function normalizeEntryPath(name: string, maxPathLength: number): EntryPathResult {
  if (CONTROL_CHARACTERS.test(name)) return { ok: false, message: '文件名含有控制字符，材料包中不允许出现' };
  const slashed = name.replace(/\\/g, '/');
  if (slashed.startsWith('//')) return { ok: false, message: '文件名是网络路径（以 \\\\ 或 // 开头），材料包中只允许相对路径' };
  if (slashed.startsWith('/')) return { ok: false, message: '文件名是绝对路径（以 / 开头），材料包中只允许相对路径' };
  if (/^[A-Za-z]:/.test(slashed)) return { ok: false, message: '文件名带有盘符（如 C:），材料包中只允许相对路径' };

  const segments = slashed.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..')) return { ok: false, message: '文件名含有上级目录「..」，可能指向材料包之外（zip-slip），材料包中不允许出现' };
  if (segments.some((segment) => segment.includes(':'))) return { ok: false, message: '文件名含有半角冒号「:」，材料包中不允许出现' };
  if (segments.length === 0) return { ok: false, message: '文件名为空' };

  const path = segments.join('/').normalize('NFC');
  if (path.length > maxPathLength) {
    return { ok: false, message: `文件路径长 ${String(path.length)} 个字符，超过上限 ${String(maxPathLength)} 个字符` };
  }
  return { ok: true, path, isDirectory: slashed.endsWith('/') };
}
