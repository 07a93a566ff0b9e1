import { createHash } from 'node:crypto';
import { refuse, type ExpertFileRefusal } from '@shared/expert-file/expert-file-refusal';
import type { ExpertFile, ExpertFileContent } from '@shared/expert-file/expert-file-schema';

/**
 * The photos of an expert file's 现场核查. The signed content lists each photo by its SHA-256; the
 * bytes travel beside it, once per photo. A photo whose bytes do not hash to the listed value was
 * replaced or damaged after signing, so the whole file is refused, like a changed score; a photo
 * listed without bytes, or bytes no observation lists (not covered by the signature), refuse it too.
 */

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface PhotoPlace {
  projectId: string;
  fileName: string;
}

/** Every photo the observations refer to, with where it is first used (for the message). */
function listedPhotos(content: ExpertFileContent): Map<string, PhotoPlace> {
  const listed = new Map<string, PhotoPlace>();
  for (const project of content.projects) {
    if (project.recusal !== null) continue;
    for (const line of project.inspection?.lines ?? [])
      for (const photo of line.photos) if (!listed.has(photo.sha256)) listed.set(photo.sha256, { projectId: project.projectId, fileName: photo.fileName });
  }
  return listed;
}

/** The bytes of every listed photo, each checked against its SHA-256; or why the file is refused. */
export function checkedPhotos(file: ExpertFile): { ok: true; photos: Map<string, Buffer> } | ExpertFileRefusal {
  const listed = listedPhotos(file.content);
  const photos = new Map<string, Buffer>();
  const expert = file.content.expert.name;
  for (const entry of file.photos ?? []) {
    const place = listed.get(entry.sha256);
    if (!place) return refuse('MALFORMED', `文件附有 ${String((file.photos ?? []).length)} 张照片，其中有不属于任何核查记录的照片（未经专家签名），文件可能被改动过`);
    if (photos.has(entry.sha256)) return refuse('MALFORMED', `照片「${place.fileName}」（项目「${place.projectId}」）在文件中出现了两次`);
    const bytes = Buffer.from(entry.base64, 'base64');
    if (sha256Hex(bytes) !== entry.sha256) {
      return refuse(
        'SIGNATURE_INVALID',
        `项目「${place.projectId}」的现场照片「${place.fileName}」与专家「${expert}」签名时登记的校验值不符：照片在签名后被替换或已损坏，整个文件不予导入`,
      );
    }
    photos.set(entry.sha256, bytes);
  }
  for (const [sha, place] of listed) {
    if (!photos.has(sha)) return refuse('MALFORMED', `文件缺少项目「${place.projectId}」的现场照片「${place.fileName}」；请专家重新导出`);
  }
  return { ok: true, photos };
}

/** A photo's original as the expert's folder holds it, for the file being written. */
export interface PhotoOriginal {
  sha256: string;
  bytes: Buffer;
}

/** The originals of every photo the content lists, each once, in the order the observations list them. */
export function photoEntries(content: ExpertFileContent, original: (sha256: string) => Buffer): PhotoOriginal[] {
  return [...listedPhotos(content).keys()].map((sha256) => ({ sha256, bytes: original(sha256) }));
}
