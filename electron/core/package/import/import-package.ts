import path from 'node:path';
import { AppError } from '@shared/api/errors';
import { fenToMoney } from '@shared/domain/fen';
import type { ImportPhase, Stage } from '@shared/codes/codes';
import type { PackageProblem } from '@shared/package/problem';
import type { CoreContext } from '../../core-context';
import { createAuditTrail } from '../../audit/audit-trail';
import { readPackage } from '../container/read-package';
import type { ParsedProject } from '../records';
import { parseProjectWorkbook } from '../workbook/parse-project-workbook';
import { diffProject, type ProjectChanges } from './batch-diff';
import { createBatchRepository, type StoredAttachment } from './batch-repository';
import { createBlobStore, type BlobStore } from './blob-store';

export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
  message: string;
}

export interface ImportSummary {
  batch: { id: string; name: string; policy: string; stage: Stage };
  projects: {
    id: string;
    contracts: number;
    invoices: number;
    payments: number;
    indicators: number;
    attachments: number;
    invoiceAmountTotal: string;
  }[];
  warnings: PackageProblem[];
  /** Null on a first import; otherwise what changed against the version already stored. */
  changes: { unchanged: boolean; projects: ProjectChanges[] } | null;
}

const MEDIA_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.ofd': 'application/ofd',
  '.xml': 'application/xml',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
};

export interface ImportOptions {
  knownPolicies: ReadonlySet<string>;
  /** Where attachments are stored; default: the data folder's blob store. */
  blobs?: BlobStore;
  onProgress?: (progress: ImportProgress) => void;
  /** Remove the stored projects a newer version of the batch no longer has; without it such an import is refused. */
  replace?: boolean;
  /** The name of the file as the user chose it (uploads are stored under a temporary name). */
  displayName?: string;
}

/** Projects stored for the batch that the new version lacks are removed only after the user agreed. */
function refuseRemovals(before: ReadonlyMap<string, { parsed: ParsedProject }>, incoming: readonly { parsed: ParsedProject }[], batchId: string) {
  const kept = new Set(incoming.map((p) => p.parsed.project.id));
  const removed = [...before].filter(([id]) => !kept.has(id)).map(([id, old]) => ({ id, name: old.parsed.project.name }));
  if (removed.length === 0) return;
  throw new AppError(
    'PROJECTS_REMOVED',
    `批次「${batchId}」已导入过；这个材料包没有其中 ${String(removed.length)} 个项目，导入后它们连同核验结论将被删除：${removed.map((p) => `${p.id} ${p.name}`).join('；')}。确认替换后再导入`,
    { removedProjects: removed },
  );
}

/**
 * Imports an application package as one transaction: every problem of the package is collected
 * first, and a package with errors stores nothing (no rows, no attachment files). A later version of
 * a batch already stored replaces its rows and reports what changed.
 */
export async function importPackage(ctx: CoreContext, source: string, options: ImportOptions): Promise<ImportSummary> {
  const progress = options.onProgress ?? (() => undefined);
  progress({ phase: 'reading', done: 0, total: 1, message: '正在读取材料包并校验文件' });
  const read = await readPackage(source, undefined, options.displayName);
  if (!read.ok) throw packageRejected(read.errors, read.warnings);

  const { manifest, files } = read;
  const errors: PackageProblem[] = [];
  const warnings: PackageProblem[] = [...read.warnings];
  if (!options.knownPolicies.has(manifest.batch.policy)) {
    errors.push({
      severity: 'error',
      file: 'manifest.json',
      column: 'batch.policy',
      message: `政策规则「${manifest.batch.policy}」不在本程序已有的规则中（已有：${[...options.knownPolicies].join('、')}）；请在「政策规则」中导入主管部门提供的规则文件后再导入`,
    });
  }

  const parsedProjects: { parsed: ParsedProject; attachments: StoredAttachment[]; contents: Map<string, Buffer> }[] = [];
  for (const [index, entry] of manifest.projects.entries()) {
    progress({ phase: 'parsing', done: index, total: manifest.projects.length, message: `正在读取项目 ${entry.id} 的申报表` });
    const content = files.get(entry.workbook);
    if (!content) continue; // reported by the container reader as a missing file
    const { parsed, problems } = await parseProjectWorkbook(entry.workbook, content, entry.id);
    for (const problem of problems) (problem.severity === 'error' ? errors : warnings).push(problem);
    if (!parsed) continue;
    const prefix = `${entry.id}/附件/`;
    const attachments: StoredAttachment[] = [];
    const contents = new Map<string, Buffer>();
    for (const [filePath, data] of files) {
      if (!filePath.startsWith(prefix)) continue;
      const name = filePath.slice(prefix.length);
      const sha256 = manifest.files[filePath] ?? '';
      attachments.push({ path: name, sha256, size: data.length, mediaType: MEDIA_TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream' });
      contents.set(sha256, data);
    }
    parsedProjects.push({ parsed, attachments, contents });
  }
  if (errors.length > 0) throw packageRejected(errors, warnings);

  progress({ phase: 'storing', done: 0, total: 1, message: '正在保存' });
  const repository = createBatchRepository(ctx.db);
  const blobs = options.blobs ?? createBlobStore(ctx.dataDir);
  const importedAt = ctx.now().toISOString();
  const sourceName = options.displayName ?? path.basename(source);
  const previous = repository.existingPackageSha256(manifest.batch.id);
  if (previous !== null && !options.replace) refuseRemovals(repository.readBatch(manifest.batch.id), parsedProjects, manifest.batch.id);

  // Attachment files go in first (content-addressed, so harmless); the ones this import created are
  // removed again if the database transaction fails, leaving the data folder as it was.
  const created: string[] = [];
  let changes: ImportSummary['changes'] = null;
  try {
    for (const project of parsedProjects) {
      for (const [sha256, data] of project.contents) if (blobs.put(data, sha256)) created.push(sha256);
    }
    ctx.db.transaction(() => {
      const before = previous === null ? new Map<string, { pk: number; parsed: ParsedProject }>() : repository.readBatch(manifest.batch.id);
      repository.writeBatch(manifest, importedAt, read.packageSha256);
      const incoming = new Set(parsedProjects.map((p) => p.parsed.project.id));
      const projectChanges: ProjectChanges[] = [];
      for (const [projectId, old] of before) {
        if (!incoming.has(projectId)) {
          repository.deleteProject(old.pk);
          projectChanges.push(diffProject(projectId, old.parsed, undefined));
        }
      }
      for (const project of parsedProjects) {
        const id = project.parsed.project.id;
        repository.writeProject(manifest.batch.id, project.parsed, project.attachments);
        projectChanges.push(diffProject(id, before.get(id)?.parsed, project.parsed));
      }
      if (previous !== null) changes = { unchanged: projectChanges.every((c) => c.status === 'unchanged'), projects: projectChanges };
      repository.logImport(manifest.batch.id, importedAt, sourceName, read.packageSha256, { warnings: warnings.length, changes });
      createAuditTrail(ctx.db, ctx.now).record({
        action: previous === null ? 'package-import' : 'package-update',
        subject: `batch:${manifest.batch.id}`,
        details: { sourceName, packageSha256: read.packageSha256, projects: parsedProjects.length },
      });
    })();
  } catch (error) {
    for (const sha256 of created) blobs.remove(sha256);
    throw error;
  }
  progress({ phase: 'done', done: 1, total: 1, message: '导入完成' });

  return {
    batch: { id: manifest.batch.id, name: manifest.batch.name, policy: manifest.batch.policy, stage: manifest.batch.stage },
    projects: parsedProjects.map(({ parsed, attachments }) => ({
      id: parsed.project.id,
      contracts: parsed.contracts.length,
      invoices: parsed.invoices.length,
      payments: parsed.payments.length,
      indicators: parsed.indicators.length,
      attachments: attachments.length,
      invoiceAmountTotal: fenToMoney(parsed.invoices.reduce((sum, invoice) => sum + invoice.amount, 0)),
    })),
    warnings,
    changes,
  };
}

function packageRejected(errors: PackageProblem[], warnings: PackageProblem[]): AppError {
  return new AppError('BAD_INPUT', `材料包有 ${String(errors.length)} 处错误，未导入任何内容。请修正后重新导入。`, { errors, warnings });
}
