import { writeFileAtomic } from './write-file-atomic';

/** An export: written where the user chose (desktop, CLI), or handed back as base64 for a browser download. */
export function deliverFile(bytes: Buffer, fileName: string, path: string | undefined): { fileName: string; path: string | null; base64: string | null } {
  if (path === undefined) return { fileName, path: null, base64: bytes.toString('base64') };
  writeFileAtomic(path, bytes);
  return { fileName, path, base64: null };
}
