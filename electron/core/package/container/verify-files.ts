import type { Manifest } from '@shared/package/manifest-schema';
import type { CollectedFiles } from './collect-entries';
import { MANIFEST_PATH } from './parse-manifest';
import type { ProblemList } from './problems';

export const ATTACHMENT_EXTENSIONS = ['.pdf', '.ofd', '.xml', '.jpg', '.jpeg', '.png'] as const;
const ATTACHMENT_FOLDER = /^[^/]+\/附件\//;

/**
 * Compares the files present with the manifest's `files` (paths already normalised on both sides):
 * each missing, extra and altered file is reported by name. Returns the listed files' contents.
 */
export function verifyFiles(listed: Manifest['files'], collected: CollectedFiles, problems: ProblemList): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const [path, expected] of Object.entries(listed)) {
    const present = collected.files.get(path);
    if (present === undefined) {
      // A refused file is present and already reported; calling it missing too would mislead.
      if (!collected.refused.has(path)) problems.error(path, '清单列出的文件缺失');
      continue;
    }
    if (present.sha256 !== expected) {
      problems.error(path, `文件内容与清单不符（已被修改或损坏）：清单记录的 SHA-256 为 ${expected.slice(0, 12)}…，实际为 ${present.sha256.slice(0, 12)}…`);
      continue;
    }
    files.set(path, present.data);
    const extension = /\.[^./]*$/.exec(path)?.[0].toLowerCase() ?? '';
    if (ATTACHMENT_FOLDER.test(path) && !(ATTACHMENT_EXTENSIONS as readonly string[]).includes(extension)) {
      problems.warning(path, `附件类型「${extension || '无扩展名'}」不在约定范围内（${ATTACHMENT_EXTENSIONS.join(' ')}），评审时可能无法打开`);
    }
  }
  for (const path of collected.files.keys()) {
    if (path !== MANIFEST_PATH && !Object.hasOwn(listed, path)) {
      problems.error(path, '文件不在清单（manifest.json 的 files）中：材料包多出了该文件');
    }
  }
  return files;
}
