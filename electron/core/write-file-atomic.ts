import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes `content` to `file` so that the file is either its old self or completely the new one:
 * the bytes go to a temporary file in the same folder (same disk, so the rename is atomic), are
 * flushed to the disk, and only then replace the target. A full disk or a crash half-way leaves the
 * previous file intact and no temporary file behind.
 */
export function writeFileAtomic(file: string, content: Buffer | string): void {
  const target = path.resolve(file);
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  let fd: number | null = null;
  try {
    fd = fs.openSync(temporary, 'wx', 0o644);
    let offset = 0;
    while (offset < bytes.length) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(temporary, target);
  } catch (error) {
    if (fd !== null) closeQuietly(fd);
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  syncFolder(path.dirname(target));
}

/** Makes the rename itself durable where the system allows it (not on Windows, where it is not needed). */
function syncFolder(folder: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Folders cannot be opened or flushed on some systems; the file itself is already on disk.
  } finally {
    if (fd !== null) closeQuietly(fd);
  }
}

function closeQuietly(fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // Already closed or invalid: nothing more to release.
  }
}
