import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { ExpertFilePreviewDto } from '@shared/api/panel-contract';
import { AppError } from '@shared/api/errors';
import { DECISION_LABEL } from '@shared/codes/labels';
import { enumLabel, VERDICTS } from '@shared/domain/enums';
import { fenToMoney } from '@shared/domain/fen';
import { fieldLabel } from '@shared/verification/corrections';
import { diffExpertFiles, type ExpertFileChange } from '@shared/expert-file/diff-expert-files';
import type { ExpertFileRefusal } from '@shared/expert-file/expert-file-refusal';
import {
  EXPERT_FILE_FORMAT_VERSION,
  EXPERT_FILE_FORMAT_VERSION_WITH_INSPECTION,
  type ExpertFileContent,
  type ExpertProject,
} from '@shared/expert-file/expert-file-schema';
import { parseExpertFileText } from '@shared/expert-file/parse-expert-file';
import { formatFingerprintForReading } from '@shared/identity/fingerprint-text';
import { publicProfileOf } from '@shared/identity/reviewer-profile';
import { RECUSAL_KINDS } from '@shared/scoring/recusal';
import type { Rubric } from '@shared/scoring/rubric-schema';
import { validateProjectScore } from '@shared/scoring/score-rules';
import { expertFileExportsTable, expertFilesTable, pendingExpertFilesTable } from '@shared/records/panel-records';
import { prepareDelete, prepareInsert, prepareSelect } from '../db/table-statements';
import type { AuditTrail } from '../audit/audit-trail';
import type { CoreContext } from '../core-context';
import { buildExpertFile, readExpertFile } from '../expert-file/expert-file-signing';
import { unlockSigningKey } from '../identity/reviewer-identity';
import type { ActingReviewer } from '../reviewers/acting-reviewer';
import { createCorrectionStore } from '../verification/correction-store';
import { createDecisionStore } from '../verification/decision-store';
import type { BatchRubrics } from './batch-rubric';
import { createInvoiceDecisionMerge } from './merge-invoice-decisions';
import { createInspectionCarry, type PreparedInspection } from './inspection-carry';
import { describeInspectionChange, type ChecklistNames } from './inspection-change-text';
import type { ScoreStore, StoredSheet } from './score-store';
import { libraryErrorReason } from '@core/library-error';

/** A refusal as the error the CLI and API answer (exit 2 with the refusal's code). */
export function refusalError(refusal: ExpertFileRefusal): AppError {
  return new AppError(refusal.code, refusal.message, refusal.problems.length > 0 ? { problems: refusal.problems } : undefined);
}

const NO_NAMES: ChecklistNames = { line: () => undefined, indicator: () => undefined };

const describe = (
  rubric: Rubric | undefined,
  change: ExpertFileChange,
  checklist: ChecklistNames = NO_NAMES,
): { itemId: string | null; what: string; old: string | null; new: string | null } => {
  const title = (id: string) => rubric?.items.find((i) => i.id === id)?.title ?? id;
  switch (change.kind) {
    case 'recusal': {
      const text = (r: typeof change.old) => (r ? `${enumLabel(RECUSAL_KINDS, r.kind)}${r.note ? `：${r.note}` : ''}` : null);
      return { itemId: null, what: '回避声明', old: text(change.old), new: text(change.new) };
    }
    case 'score':
      return { itemId: change.itemId, what: title(change.itemId), old: change.old, new: change.new };
    case 'comment':
      return { itemId: change.itemId, what: `${title(change.itemId)}的评语`, old: change.old, new: change.new };
    case 'verdict':
      return { itemId: null, what: '评审结论', old: change.old && enumLabel(VERDICTS, change.old), new: change.new && enumLabel(VERDICTS, change.new) };
    case 'opinion':
      return { itemId: null, what: '评审意见', old: change.old, new: change.new };
    case 'invoice-decision': {
      const text = (d: typeof change.old) => (d ? `${DECISION_LABEL[d.kind]}${d.amount ? ` ${d.amount} 元` : ''}${d.reason ? `（${d.reason}）` : ''}` : null);
      return { itemId: change.invoiceKey, what: `发票 ${change.invoiceKey} 的认定`, old: text(change.old), new: text(change.new) };
    }
    case 'correction': {
      const text = (c: typeof change.old) => (c ? `「${c.oldValue}」→「${c.newValue}」（${c.reason}${c.evidence ? `；${c.evidence}` : ''}）` : null);
      const entry = (change.new ?? change.old) as NonNullable<typeof change.old>;
      const where = `${entry.target === 'invoice' ? '发票' : '合同'} ${entry.targetKey}`;
      return { itemId: entry.targetKey, what: `${where} 的${fieldLabel(entry.target, entry.field)}（更正）`, old: text(change.old), new: text(change.new) };
    }
    case 'inspection-line':
    case 'inspection-indicator':
      return describeInspectionChange(change, checklist);
  }
};

/**
 * The expert file: the own reviewer's signed export, and on the chair's side the check, the change
 * list for approval and the application of an approved file in one transaction.
 */
export function createExpertFileService(ctx: CoreContext, acting: ActingReviewer, rubrics: BatchRubrics, scores: ScoreStore, audit: AuditTrail) {
  const db = ctx.db;
  const decisions = createDecisionStore(db);
  const correctionStore = createCorrectionStore(db);
  const mergeInvoiceDecisions = createInvoiceDecisionMerge(db);
  const inspection = createInspectionCarry(ctx);
  const batchOf = db.prepare<[string], { sha: string }>('SELECT package_sha256 AS sha FROM batches WHERE id = ?');
  const projects = db.prepare<[string], { id: string; name: string }>('SELECT project_id AS id, name FROM projects WHERE batch_id = ? ORDER BY project_id');
  const lastExport = prepareSelect<typeof expertFileExportsTable, [string]>(db, expertFileExportsTable, 'WHERE batch_id = ?');
  const recordExport = prepareInsert(db, expertFileExportsTable, { conflict: ['batch_id'] });
  const lastImport = prepareSelect<typeof expertFilesTable, [string, string]>(db, expertFilesTable, 'WHERE batch_id = ? AND reviewer_id = ?');
  const recordImport = prepareInsert(db, expertFilesTable, { conflict: ['batch_id', 'reviewer_id'] });
  const insertPending = prepareInsert(db, pendingExpertFilesTable);
  const pendingById = prepareSelect<typeof pendingExpertFilesTable, [string]>(db, pendingExpertFilesTable, 'WHERE id = ?');
  const deletePending = prepareDelete<[string]>(db, pendingExpertFilesTable, 'WHERE id = ?');

  function requireBatch(batchId: string): string {
    const batch = batchOf.get(batchId);
    if (!batch) throw new AppError('NOT_FOUND', `没有评审批次「${batchId}」`);
    return batch.sha;
  }

  /** The own reviewer's work on the batch as file content; every project begun must be complete. */
  function contentOf(batchId: string, version: number): ExpertFileContent {
    const own = acting.require();
    const packageSha256 = requireBatch(batchId);
    const rubric = rubrics.current(batchId).rubric;
    const mine = scores.batchSheets(batchId).get(own.id) ?? new Map<string, StoredSheet>();
    const problems: string[] = [];
    const entries: ExpertProject[] = [];
    for (const { id: projectId } of projects.all(batchId)) {
      const sheet = mine.get(projectId);
      const invoiceDecisions = [...decisions.forProject(batchId, projectId, own.id).values()].map((d) => ({
        invoiceKey: d.invoiceKey,
        occurrence: d.occurrence,
        kind: d.kind,
        amount: d.amount === null ? null : fenToMoney(d.amount),
        reason: d.reason,
        decidedAt: d.decidedAt,
      }));
      if (sheet?.recusal) {
        entries.push({ projectId, recusal: sheet.recusal });
        continue;
      }
      const begun = sheet !== undefined && (sheet.items.size > 0 || sheet.verdict !== null || sheet.opinion !== '');
      const corrections = correctionStore.forProject(batchId, projectId, own.id).map(({ reviewer: _reviewer, ...c }) => c);
      const observed = inspection.entryOf(batchId, projectId, own.id);
      if (!begun && invoiceDecisions.length === 0 && corrections.length === 0 && !observed) continue;
      const items = Object.fromEntries([...(sheet?.items ?? [])].flatMap(([id, item]) => (item.score === null ? [] : [[id, item.score]])));
      const comments = Object.fromEntries([...(sheet?.items ?? [])].flatMap(([id, item]) => (item.comment === '' ? [] : [[id, item.comment]])));
      if (begun) {
        for (const p of validateProjectScore(rubric, { items, comments, verdict: sheet.verdict, opinion: sheet.opinion }, { complete: true }))
          problems.push(`项目「${projectId}」：${p.message}`);
      }
      entries.push({
        projectId,
        recusal: null,
        scores: items,
        comments,
        verdict: sheet?.verdict ?? null,
        opinion: sheet?.opinion ?? '',
        invoiceDecisions,
        ...(corrections.length > 0 ? { corrections } : {}),
        ...(observed ? { inspection: observed } : {}),
      });
    }
    if (problems.length > 0)
      throw new AppError('BAD_INPUT', `评审结果尚不完整，无法导出（${String(problems.length)} 处）：${problems.slice(0, 8).join('；')}`, { problems });
    const withInspection = entries.some((e) => e.recusal === null && e.inspection !== undefined);
    return {
      format: 'jigai-expert-file',
      formatVersion: withInspection ? EXPERT_FILE_FORMAT_VERSION_WITH_INSPECTION : EXPERT_FILE_FORMAT_VERSION,
      batch: { id: batchId, packageSha256 },
      expert: publicProfileOf(own),
      rubric: { id: rubric.id, version: rubric.version },
      version,
      exportedAt: ctx.now().toISOString(),
      projects: entries,
    };
  }

  /** Reads and checks a file against this folder; answers the refusal or the file with its batch. */
  function check(text: string, alsoTrusted: readonly string[] = []) {
    const parsed = parseExpertFileText(text);
    if (!parsed.ok) return parsed;
    const claimed = parsed.file.content.batch.id;
    const local = batchOf.get(claimed);
    const trustedFingerprints = [...acting.store.trustedSigners().map((s) => s.fingerprint), ...alsoTrusted];
    return readExpertFile(Buffer.from(text, 'utf8'), {
      trustedFingerprints,
      // A batch this folder does not hold is "another batch" whatever the signature says.
      batchId: local ? claimed : `（本机未导入批次「${claimed}」）`,
      packageSha256: local?.sha ?? '',
      lastImportedVersion: (expertId) => lastImport.get(claimed, expertId)?.version,
    });
  }

  function checkRubric(content: ExpertFileContent): Rubric {
    const rubric = rubrics.current(content.batch.id).rubric;
    if (rubric.id !== content.rubric.id || rubric.version !== content.rubric.version) {
      throw new AppError(
        'MALFORMED',
        `该文件按评分标准「${content.rubric.id}」第 ${String(content.rubric.version)} 版评分，本批次使用的是「${rubric.id}」第 ${String(rubric.version)} 版；请专家按本批次的评分标准重新评分后导出`,
      );
    }
    return rubric;
  }

  /** What takes time outside the transaction: the file checked, its 现场核查 photos downscaled. */
  async function prepare(text: string, alsoTrusted: readonly string[] = []): Promise<PreparedInspection> {
    const result = check(text, alsoTrusted);
    if (!result.ok) throw refusalError(result);
    return inspection.prepare(result.file);
  }

  function apply(
    text: string,
    prepared: PreparedInspection,
  ): { batchId: string; expertName: string; version: number; projects: number; invoiceDecisions: number; inspectionLines: number; inspectionIndicators: number } {
    return db.transaction(() => {
      const result = check(text);
      if (!result.ok) throw refusalError(result);
      const { content } = result.file;
      checkRubric(content);
      const batchId = content.batch.id;
      const chair = acting.require();
      const { rubric, frozeNow } = rubrics.freeze(batchId, chair.id);
      if (frozeNow)
        audit.record({ action: 'rubric-freeze', subject: `batch:${batchId}`, details: { rubric: rubric.rubric.id, version: rubric.rubric.version, hash: rubric.hash } });
      acting.store.savePanelMember(content.expert);
      const at = ctx.now().toISOString();
      scores.replaceReviewer(
        batchId,
        content.expert.id,
        content.projects.map((p) =>
          p.recusal
            ? { projectId: p.projectId, recusal: p.recusal, rubricHash: null, items: new Map(), verdict: null, opinion: '' }
            : {
                projectId: p.projectId,
                recusal: null,
                rubricHash: rubric.hash,
                items: new Map(Object.entries(p.scores).map(([id, score]) => [id, { score, comment: p.comments[id] ?? '', attachment: null, page: null }])),
                verdict: p.verdict,
                opinion: p.opinion,
              },
        ),
        at,
      );
      const invoiceDecisions = mergeInvoiceDecisions(content);
      const observed = inspection.merge(content, prepared);
      recordImport.run(
        { batch_id: batchId },
        {
          reviewerId: content.expert.id,
          version: content.version,
          fingerprint: content.expert.fingerprint,
          packageSha256: content.batch.packageSha256,
          exportedAt: content.exportedAt,
          importedAt: at,
          content: JSON.stringify(content),
        },
      );
      audit.record({
        action: 'expert-file-merge',
        subject: `batch:${batchId}`,
        details: {
          expert: content.expert.id,
          name: content.expert.name,
          version: content.version,
          fingerprint: content.expert.fingerprint,
          invoiceDecisions,
          inspectionLines: observed.lines,
          inspectionIndicators: observed.indicators,
          inspectionPhotos: observed.photos,
        },
      });
      return {
        batchId,
        expertName: content.expert.name,
        version: content.version,
        projects: content.projects.length,
        invoiceDecisions,
        inspectionLines: observed.lines,
        inspectionIndicators: observed.indicators,
      };
    })();
  }

  return {
    export(batchId: string, passphrase: string): { bytes: Buffer; version: number; fileName: string } {
      const own = acting.require();
      const key = unlockSigningKey(own, passphrase);
      return db.transaction(() => {
        const version = (lastExport.get(batchId)?.version ?? 0) + 1;
        const content = contentOf(batchId, version);
        const bytes = buildExpertFile(content, key, inspection.photosOf(content));
        recordExport.run({ batch_id: batchId }, { version, exportedAt: ctx.now().toISOString() });
        audit.record({ action: 'expert-file-export', subject: `batch:${batchId}`, details: { version } });
        return { bytes, version, fileName: `专家评审文件-${batchId}-${own.name}-第${String(version)}版.json` };
      })();
    },
    async preview(file: string): Promise<ExpertFilePreviewDto> {
      acting.requireChair('导入专家评审文件');
      const text = readText(file);
      const result = check(text);
      if (!result.ok) {
        const parsed = parseExpertFileText(text);
        const expert = parsed.ok ? parsed.file.content.expert : null;
        return {
          accepted: false,
          code: result.code,
          message: result.message,
          problems: [...result.problems],
          signer: expert ? { name: expert.name, organization: expert.organization, fingerprint: formatFingerprintForReading(expert.fingerprint) } : null,
        };
      }
      const { content } = result.file;
      const rubric = checkRubric(content);
      const previous = lastImport.get(content.batch.id, content.expert.id);
      const names = new Map(projects.all(content.batch.id).map((p) => [p.id, p.name]));
      const changed = diffExpertFiles(previous ? (JSON.parse(previous.content) as ExpertFileContent) : null, content);
      const inspected = changed.filter((p) => p.changes.some((c) => c.kind === 'inspection-line' || c.kind === 'inspection-indicator')).map((p) => p.projectId);
      const checklistNames = await inspection.names(
        content.batch.id,
        inspected.filter((id) => names.has(id)),
      );
      const importId = randomUUID();
      insertPending.run(
        {},
        { id: importId, batchId: content.batch.id, reviewerId: content.expert.id, version: content.version, file: text, checkedAt: ctx.now().toISOString() },
      );
      return {
        accepted: true,
        importId,
        batchId: content.batch.id,
        expert: {
          id: content.expert.id,
          name: content.expert.name,
          organization: content.expert.organization,
          fingerprint: formatFingerprintForReading(content.expert.fingerprint),
        },
        version: content.version,
        previousVersion: previous?.version ?? null,
        exportedAt: content.exportedAt,
        projects: changed.map((p) => ({
          projectId: p.projectId,
          projectName: names.get(p.projectId) ?? p.projectId,
          changes: p.changes.map((c) => ({ kind: c.kind, ...describe(rubric, c, checklistNames.get(p.projectId)) })),
        })),
      };
    },
    async applyPending(importId: string) {
      acting.requireChair('导入专家评审文件');
      const pending = pendingById.get(importId);
      if (!pending) throw new AppError('NOT_FOUND', '没有待确认的专家评审文件（可能已合并或已放弃），请重新选择文件');
      const prepared = await prepare(pending.file);
      return db.transaction(() => {
        const applied = apply(pending.file, prepared);
        deletePending.run(importId);
        return applied;
      })();
    },
    discardPending: (importId: string) => ({ discarded: deletePending.run(importId) > 0 }),
    /**
     * `jigai scores import FILE --trust FP,…`: the fingerprints the chair confirmed on the command
     * line are trusted with the file's signer's name, and the file is checked and applied without
     * the approval step — all in one transaction, so a refused file leaves nothing behind.
     */
    async importFile(file: string, trust: readonly string[]) {
      const chair = acting.requireChair('导入专家评审文件');
      const text = readText(file);
      // Checked with the fingerprints given as if trusted already; nothing is stored unless the whole file is applied.
      const prepared = await prepare(text, trust);
      return db.transaction(() => {
        const parsed = parseExpertFileText(text);
        const expert = parsed.ok ? parsed.file.content.expert : null;
        if (expert && trust.includes(expert.fingerprint)) {
          const confirmedAt = ctx.now().toISOString();
          acting.store.trustSigner({
            fingerprint: expert.fingerprint,
            name: expert.name,
            organization: expert.organization,
            method: 'paper',
            note: '命令行 --trust',
            confirmedBy: chair.id,
            confirmedAt,
          });
          audit.record({
            action: 'signer-trust',
            subject: `signer:${expert.fingerprint}`,
            details: { name: expert.name, organization: expert.organization, method: 'paper' },
          });
        }
        return apply(text, prepared);
      })();
    },
  };
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    // `file` may be an upload's temporary path: the chair's own file name is shown by the window.
    throw new AppError('BAD_INPUT', `无法读取所选的专家评审文件（${libraryErrorReason(error)}）`);
  }
}

export type ExpertFileService = ReturnType<typeof createExpertFileService>;
