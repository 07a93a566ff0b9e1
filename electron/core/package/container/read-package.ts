import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Manifest } from '@shared/package/manifest-schema';
import type { PackageProblem } from '@shared/package/problem';
import { collectFiles } from './collect-entries';
import { openFolderSource } from './folder-source';
import { hashFile } from './hash-file';
import { resolveLimits, type PackageLimits } from './limits';
import { normalizeManifestFiles, normalizeManifestProjects } from './normalize-manifest';
import type { OpenSourceResult } from './package-source';
import { MANIFEST_PATH, parseManifest } from './parse-manifest';
import { ProblemList, packageError } from './problems';
import { verifyFiles } from './verify-files';
import { openZipSource } from './zip-source';
import { libraryErrorReason } from '@core/library-error';

export type ReadPackageResult =
  | {
      ok: true;
      /** Paths in it (`files` keys, `projects[].workbook`) are normalised like the keys of `files`. */
      manifest: Manifest;
      /** Contents of every file listed in the manifest, by normalised package path; manifest.json excluded. */
      files: Map<string, Buffer>;
      /** SHA-256 of the zip file, or of manifest.json for a folder. */
      packageSha256: string;
      /** File or folder name of the source, e.g. `XM-2026-YS-01.zip`. */
      sourceName: string;
      warnings: PackageProblem[];
    }
  | { ok: false; errors: PackageProblem[]; warnings: PackageProblem[] };

/**
 * Reads and checks an application package (PACKAGE.md), a `.zip` file or a folder with the same
 * layout, entirely in memory: nothing is written anywhere, so a refused package leaves no trace and
 * the caller stores an accepted one in a single transaction. Every problem found is reported, not
 * only the first; only a package-wide limit (entry count, total size) or an unreadable archive stops
 * the checks early. `limits` overrides {@link DEFAULT_PACKAGE_LIMITS} field by field.
 */
export async function readPackage(source: string, limits?: Partial<PackageLimits>, displayName?: string): Promise<ReadPackageResult> {
  const resolved = resolveLimits(limits);
  // The name the user chose (a browser upload is stored under a temporary name): every problem names it.
  const sourceName = displayName ?? path.basename(path.resolve(source));

  let isFolder: boolean;
  try {
    const stats = await stat(source);
    if (!stats.isFile() && !stats.isDirectory()) return refuse(packageError(sourceName, '材料包应为 zip 文件或文件夹'));
    isFolder = stats.isDirectory();
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return refuse(
      packageError(sourceName, missing ? `找不到材料包「${sourceName}」，它可能已被移动或删除` : `无法打开材料包「${sourceName}」（${libraryErrorReason(error)}）`),
    );
  }

  // The zip's own hash is computed alongside the reading, so it costs no extra time.
  const hashing = new AbortController();
  const zipSha256 = isFolder ? undefined : hashFile(source, hashing.signal);
  zipSha256?.catch(() => undefined);
  try {
    const opened: OpenSourceResult = isFolder ? await openFolderSource(source, sourceName, resolved) : await openZipSource(source, sourceName, resolved);
    if (!opened.ok) return refuse(opened.problem);

    const problems = new ProblemList();
    const collected = await collectFiles(opened.source, sourceName, resolved, problems).finally(() => opened.source.close());
    if (!collected.complete) return { ok: false, errors: problems.errors, warnings: problems.warnings };

    const manifestFile = collected.files.get(MANIFEST_PATH);
    if (manifestFile === undefined) {
      if (!collected.refused.has(MANIFEST_PATH)) {
        problems.error(MANIFEST_PATH, '材料包根目录下没有 manifest.json（清单文件），这不是一个申报材料包，或压缩时多套了一层文件夹');
      }
      return { ok: false, errors: problems.errors, warnings: problems.warnings };
    }

    const parsed = parseManifest(manifestFile.data, problems);
    const listed = parsed.files && normalizeManifestFiles(parsed.files, resolved.maxPathLength, problems);
    const manifest = parsed.manifest && listed && normalizeManifestProjects(parsed.manifest, listed, resolved, problems);
    const files = listed && verifyFiles(listed, collected, problems);

    if (problems.hasErrors || !manifest || !files) return { ok: false, errors: problems.errors, warnings: problems.warnings };
    let packageSha256: string;
    try {
      packageSha256 = zipSha256 ? await zipSha256 : createHash('sha256').update(manifestFile.data).digest('hex');
    } catch (error) {
      return refuse(packageError(sourceName, `读取材料包「${sourceName}」时出错（${libraryErrorReason(error)}）`));
    }
    return { ok: true, manifest, files, packageSha256, sourceName, warnings: problems.warnings };
  } finally {
    hashing.abort();
  }
}

function refuse(problem: PackageProblem): ReadPackageResult {
  return { ok: false, errors: [problem], warnings: [] };
}
