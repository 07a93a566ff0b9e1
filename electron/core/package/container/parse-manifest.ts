import { isUtf8 } from 'node:buffer';
import { manifestSchema, type Manifest } from '@shared/package/manifest-schema';
import { findJsonSyntaxError } from './json-syntax-error';
import { formatJsonPath, manifestIssueMessage } from './manifest-issue';
import type { ProblemList } from './problems';
import { libraryErrorReason } from '@core/library-error';

export const MANIFEST_PATH = 'manifest.json';

export interface ParsedManifest {
  /** The schema-valid manifest, or undefined when any problem was found. */
  manifest: Manifest | undefined;
  /**
   * `files` when that part alone is valid, even if another part is not: the package's files can
   * then still be checked, so one round of corrections fixes everything.
   */
  files: Manifest['files'] | undefined;
}

/**
 * manifest.json bytes → a schema-valid manifest, with every problem recorded.
 * A UTF-8 byte-order mark is accepted because Windows Notepad writes one.
 */
export function parseManifest(bytes: Buffer, problems: ProblemList): ParsedManifest {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (!isUtf8(body)) {
    problems.error(MANIFEST_PATH, 'manifest.json 不是 UTF-8 编码（可能被另存为 GBK/ANSI），请以 UTF-8 编码保存');
    return { manifest: undefined, files: undefined };
  }
  const text = body.toString('utf8');

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const syntax = findJsonSyntaxError(text);
    problems.error(
      MANIFEST_PATH,
      syntax
        ? `manifest.json 不是有效的 JSON：第 ${String(syntax.line)} 行第 ${String(syntax.column)} 列（位置 ${String(syntax.offset)}），${syntax.message}`
        : `manifest.json 不是有效的 JSON（${libraryErrorReason(error, '内容无法解析')}）`,
    );
    return { manifest: undefined, files: undefined };
  }

  const parsed = manifestSchema.safeParse(data, { error: manifestIssueMessage });
  if (parsed.success) return { manifest: parsed.data, files: parsed.data.files };
  for (const issue of parsed.error.issues) {
    const where = formatJsonPath(issue.path);
    problems.error(MANIFEST_PATH, where === undefined ? `manifest.json 整体${issue.message}` : `清单字段 ${where}：${issue.message}`, where);
  }
  const filesAlone = typeof data === 'object' && data !== null && 'files' in data ? manifestSchema.shape.files.safeParse(data.files) : undefined;
  return { manifest: undefined, files: filesAlone?.success ? filesAlone.data : undefined };
}
