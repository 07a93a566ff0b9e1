import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The file operations a blob write needs; tests pass a failing one to play a full disk. */
export interface BlobFileSystem {
  openSync(file: string, flags: string): number;
  writeSync(fd: number, data: Buffer, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
}

const NODE_FS: BlobFileSystem = {
  openSync: (file, flags) => fs.openSync(file, flags),
  writeSync: (fd, data, offset, length) => fs.writeSync(fd, data, offset, length),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  closeSync: (fd) => fs.closeSync(fd),
  renameSync: (from, to) => fs.renameSync(from, to),
};

const BLOB_NAME = /^[0-9a-f]{64}$/;
const TEMPORARY_NAME = /^[0-9a-f]{64}\.[0-9]+(?:\.[0-9a-f]+)?\.tmp$/;

export interface BlobGarbage {
  removed: number;
  bytes: number;
}

/**
 * Attachments are stored once by content hash under <dataDir>/files/ab/abcdef…; identical files in
 * several packages share one copy. A blob is written to a temporary name, flushed to the disk and
 * only then renamed into place (and the folder flushed), so neither a crash nor a power cut leaves a
 * truncated file under a hash name; a failed write (a full disk) removes its temporary file.
 */
export function createBlobStore(dataDir: string, io: BlobFileSystem = NODE_FS) {
  const root = path.join(dataDir, 'files');
  const pathOf = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256);

  function writeDurably(target: string, content: Buffer): void {
    const temporary = `${target}.${String(process.pid)}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    try {
      const fd = io.openSync(temporary, 'wx');
      try {
        for (let written = 0; written < content.length;) written += io.writeSync(fd, content, written, content.length - written);
        io.fsyncSync(fd);
      } finally {
        io.closeSync(fd);
      }
      io.renameSync(temporary, target);
    } catch (error) {
      fs.rmSync(temporary, { force: true });
      throw error;
    }
    syncFolder(path.dirname(target));
  }

  return {
    pathOf,
    has: (sha256: string) => fs.existsSync(pathOf(sha256)),
    /** Stores the content; returns true when the file was newly written (so a failed import can remove it). */
    put(content: Buffer, sha256 = crypto.createHash('sha256').update(content).digest('hex')): boolean {
      const target = pathOf(sha256);
      if (fs.existsSync(target)) {
        // Fresh again, so a collection running in another process right now leaves it alone.
        touch(target);
        return false;
      }
      const folder = path.dirname(target);
      const newFolder = !fs.existsSync(folder);
      fs.mkdirSync(folder, { recursive: true });
      if (newFolder) syncFolder(path.dirname(folder));
      writeDurably(target, content);
      return true;
    },
    read: (sha256: string) => fs.readFileSync(pathOf(sha256)),
    remove(sha256: string): void {
      fs.rmSync(pathOf(sha256), { force: true });
      removeIfEmpty(path.dirname(pathOf(sha256)));
      removeIfEmpty(root);
    },
    /**
     * Removes stored files no longer referenced — left by an import killed before its transaction, or
     * by a later version of a package that dropped an attachment — and temporary files of interrupted
     * writes. Only files untouched for `graceMs` go: another process (the command line next to the
     * desktop app) may be between writing its blobs and committing the rows that reference them.
     * Callers must not run it while an import of their own is storing.
     */
    async collectGarbage(referenced: ReadonlySet<string>, graceMs: number): Promise<BlobGarbage> {
      const garbage: BlobGarbage = { removed: 0, bytes: 0 };
      const cutoff = Date.now() - graceMs;
      for (const folder of await listNames(root)) {
        if (!/^[0-9a-f]{2}$/.test(folder)) continue;
        const folderPath = path.join(root, folder);
        for (const name of await listNames(folderPath)) {
          const isBlob = BLOB_NAME.test(name) && name.startsWith(folder);
          if (!(isBlob && !referenced.has(name)) && !TEMPORARY_NAME.test(name)) continue;
          const file = path.join(folderPath, name);
          const stats = await fs.promises.lstat(file).catch(() => undefined);
          if (!stats?.isFile() || stats.mtimeMs > cutoff) continue;
          await fs.promises.rm(file, { force: true });
          garbage.removed += 1;
          garbage.bytes += stats.size;
        }
        removeIfEmpty(folderPath);
      }
      removeIfEmpty(root);
      return garbage;
    },
  };
}

export type BlobStore = ReturnType<typeof createBlobStore>;

/** Makes a rename or a new entry in `folder` durable. Windows cannot open a folder for this; there NTFS journals the rename itself. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES') throw error;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function touch(file: string): void {
  const now = new Date();
  try {
    fs.utimesSync(file, now, now);
  } catch {
    // Read-only data folder: the blob is still there, only its freshness could not be renewed.
  }
}

function removeIfEmpty(folder: string): void {
  try {
    if (fs.readdirSync(folder).length === 0) fs.rmdirSync(folder);
  } catch {
    // Gone already, or filled again meanwhile: either way nothing to do.
  }
}

async function listNames(folder: string): Promise<string[]> {
  try {
    return await fs.promises.readdir(folder);
  } catch {
    return [];
  }
}
