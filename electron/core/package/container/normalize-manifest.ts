import type { Manifest } from '@shared/package/manifest-schema';
import { normalizeEntryPath } from './entry-path';
import type { PackageLimits } from './limits';
import { formatJsonPath } from './manifest-issue';
import { MANIFEST_PATH } from './parse-manifest';
import type { ProblemList } from './problems';

/**
 * Writes the manifest's `files` paths the way entry names are written (`/`, NFC, no `.` segments),
 * so that a manifest produced on a Mac or with backslashes still matches its files and the caller can
 * look up `files.get(project.workbook)` directly; refuses unsafe and repeated paths.
 */
export function normalizeManifestFiles(files: Manifest['files'], maxPathLength: number, problems: ProblemList): Manifest['files'] {
  const normalisedFiles: [string, string][] = [];
  const originalOf = new Map<string, string>();
  for (const [listed, sha256] of Object.entries(files)) {
    const column = formatJsonPath(['files', listed]);
    const normalised = normalizeEntryPath(listed, maxPathLength);
    if (!normalised.ok) {
      problems.error(MANIFEST_PATH, `清单 files 中的路径「${listed}」：${normalised.message}`, column);
      continue;
    }
    if (normalised.isDirectory) {
      problems.error(MANIFEST_PATH, `清单 files 中的「${listed}」是文件夹，files 只应列出文件`, column);
      continue;
    }
    if (normalised.path === MANIFEST_PATH) {
      problems.warning(MANIFEST_PATH, '清单 files 中列出了 manifest.json 本身，已忽略该项', column);
      continue;
    }
    const earlier = originalOf.get(normalised.path);
    if (earlier !== undefined) {
      problems.error(MANIFEST_PATH, `清单 files 中「${listed}」与「${earlier}」是同一个文件，重复列出`, column);
      continue;
    }
    originalOf.set(normalised.path, listed);
    normalisedFiles.push([normalised.path, sha256]);
  }
  // fromEntries defines own properties, so even a path named `__proto__` stays a plain key.
  return Object.fromEntries(normalisedFiles);
}

/**
 * The manifest with normalised paths (`files` from {@link normalizeManifestFiles}), after checking
 * what the schema cannot: the number of projects, unique project ids, every workbook listed in
 * `files` and used by one project only (its 项目编号 names that project).
 */
export function normalizeManifestProjects(
  manifest: Manifest,
  files: Manifest['files'],
  limits: Pick<PackageLimits, 'maxPathLength' | 'maxProjects'>,
  problems: ProblemList,
): Manifest {
  if (manifest.projects.length > limits.maxProjects) {
    problems.error(
      MANIFEST_PATH,
      `清单列出 ${String(manifest.projects.length)} 个项目，超过每个材料包 ${String(limits.maxProjects)} 个项目的上限；请分成几个材料包`,
      'projects',
    );
    return { ...manifest, files };
  }
  const projectIndexOf = new Map<string, number>();
  const projectOfWorkbook = new Map<string, string>();
  const projects = manifest.projects.map((project, index) => {
    const earlier = projectIndexOf.get(project.id);
    if (earlier !== undefined) {
      problems.error(MANIFEST_PATH, `项目编号「${project.id}」重复（与 projects[${String(earlier)}] 相同）`, `projects[${String(index)}].id`);
    } else {
      projectIndexOf.set(project.id, index);
    }

    const column = `projects[${String(index)}].workbook`;
    const workbook = normalizeEntryPath(project.workbook, limits.maxPathLength);
    if (!workbook.ok) {
      problems.error(MANIFEST_PATH, `项目 ${project.id} 的申报表路径「${project.workbook}」：${workbook.message}`, column);
      return project;
    }
    if (!Object.hasOwn(files, workbook.path)) {
      problems.error(MANIFEST_PATH, `项目 ${project.id} 的申报表「${project.workbook}」没有列在清单 files 中`, column);
    }
    const sharedWith = projectOfWorkbook.get(workbook.path);
    if (sharedWith !== undefined) {
      problems.error(MANIFEST_PATH, `项目 ${project.id} 与项目 ${sharedWith} 指向同一个申报表「${project.workbook}」；每个项目应有自己的申报表`, column);
    } else {
      projectOfWorkbook.set(workbook.path, project.id);
    }
    return { ...project, workbook: workbook.path };
  });
  return { ...manifest, projects, files };
}
