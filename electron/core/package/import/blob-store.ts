import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Attachments are stored once by content hash under <dataDir>/files/ab/abcdef…; identical files in
 * several packages share one copy. Writes go to a temporary name first and are renamed into place,
 * so a crash never leaves a truncated file under a hash name.
 */
export function createBlobStore(dataDir: string) {
  const root = path.join(dataDir, 'files');
  const pathOf = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256);
  return {
    pathOf,
    has: (sha256: string) => fs.existsSync(pathOf(sha256)),
    /** Stores the content; returns true when the file was newly written (so a failed import can remove it). */
    put(content: Buffer, sha256 = crypto.createHash('sha256').update(content).digest('hex')): boolean {
      const target = pathOf(sha256);
      if (fs.existsSync(target)) return false;
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const temporary = `${target}.${String(process.pid)}.tmp`;
      fs.writeFileSync(temporary, content);
      fs.renameSync(temporary, target);
      return true;
    },
    read: (sha256: string) => fs.readFileSync(pathOf(sha256)),
    remove(sha256: string): void {
      fs.rmSync(pathOf(sha256), { force: true });
      const folder = path.dirname(pathOf(sha256));
      if (fs.existsSync(folder) && fs.readdirSync(folder).length === 0) fs.rmdirSync(folder);
      if (fs.existsSync(root) && fs.readdirSync(root).length === 0) fs.rmdirSync(root);
    },
  };
}

export type BlobStore = ReturnType<typeof createBlobStore>;
