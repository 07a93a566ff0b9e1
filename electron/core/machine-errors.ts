import type { ApiErrorBody, ApiErrorCode } from '../../shared/api/errors';

/**
 * Failures that are the machine's, not the program's or the reviewer's: a full disk, a database
 * held by another program, a file without permission, a write-protected USB stick. Each is named in
 * Chinese with what to do, instead of 程序内部错误. Recognised by the error codes Node.js (fs) and
 * SQLite (better-sqlite3's SqliteError.code, including extended codes such as SQLITE_BUSY_SNAPSHOT)
 * attach to their errors.
 */
export function machineError(error: unknown): ApiErrorBody | null {
  const code = errorCode(error);
  if (code === null) return null;
  const where = fileOf(error);
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return { code: 'DISK_FULL', message: `磁盘空间不足${where ? `，无法写入「${where}」` : ''}：请清理磁盘后重试，已填写的内容不会丢失` };
  }
  if (code === 'SQLITE_FULL') {
    return { code: 'DB_FULL', message: '数据库已满，无法再保存：数据文件夹所在的磁盘空间不足，请清理磁盘后重试，已填写的内容不会丢失' };
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return {
      code: 'DB_BUSY',
      message: '数据库正被其他程序占用（例如另一个打开同一数据文件夹的技改评审或命令行工具）：请稍后重试；若一直如此，请关闭其他程序后重试',
    };
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') {
    return {
      code: 'READ_ONLY',
      message: `${where ? `「${where}」` : '数据文件夹'}是只读的，无法保存：请确认磁盘没有写保护（例如 U 盘的写保护开关）、文件夹允许写入，然后重试`,
    };
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') {
    return {
      code: 'NO_PERMISSION',
      message: `没有权限访问${where ? `「${where}」` : '数据文件'}：请检查该文件或文件夹的权限（或是否被其他程序锁定），或换一个位置后重试`,
    };
  }
  return null;
}

const MACHINE_CODES: readonly ApiErrorCode[] = ['DISK_FULL', 'DB_BUSY', 'DB_FULL', 'NO_PERMISSION', 'READ_ONLY'];

export function isMachineErrorCode(code: ApiErrorCode): boolean {
  return MACHINE_CODES.includes(code);
}

function errorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : null;
}

function fileOf(error: unknown): string | null {
  const file = typeof error === 'object' && error !== null && 'path' in error ? (error as { path: unknown }).path : null;
  return typeof file === 'string' && file !== '' ? file : null;
}
