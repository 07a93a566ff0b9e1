import { AppError } from '@shared/api/errors';
import type { ExpertFile, ExpertFileContent, InspectionEntry } from '@shared/expert-file/expert-file-schema';
import type { CoreContext } from '../core-context';
import { checkedPhotos, photoEntries, type PhotoOriginal } from '../expert-file/expert-file-photos';
import { createInspectionService } from '../inspection/inspection-service';
import { createBlobStore } from '../package/import/blob-store';
import { createEInvoiceCache } from '../verification/einvoice-cache';
import type { ChecklistNames } from './inspection-change-text';

/** What an approved file needs stored before its transaction: the photos (decoding and downscaling take a while). */
export interface PreparedInspection {
  readonly photos: number;
}

/**
 * 现场核查 in the expert file: the own reviewer's observations and original photos on export, and at
 * the chair's the merge of an approved file as that expert's observations (replacing the previous
 * file's), photos checked by SHA-256 and stored once, their downscaled copy made here.
 */
export function createInspectionCarry(ctx: CoreContext) {
  const blobs = createBlobStore(ctx.dataDir);
  const service = createInspectionService(ctx, createEInvoiceCache(blobs));
  const { store, source } = service;

  /** The reviewer's observations of one project as the file carries them; undefined when there are none. */
  function entryOf(batchId: string, projectId: string, reviewerId: string): InspectionEntry | undefined {
    const lines = store.lineObservations(batchId, projectId).filter((o) => o.reviewerId === reviewerId);
    const indicators = store.indicatorObservations(batchId, projectId).filter((o) => o.reviewerId === reviewerId);
    if (lines.length === 0 && indicators.length === 0) return undefined;
    return {
      lines: lines.map((o) => ({
        lineId: o.lineId,
        status: o.status,
        quantitySeen: o.quantitySeen,
        modelSeen: o.modelSeen,
        serialNumber: o.serialNumber,
        note: o.note,
        photos: o.photos.map((sha256) => {
          const photo = store.photo(sha256);
          if (!photo) throw new AppError('CONFLICT', '现场核查记录中的一张照片已不在本机，无法导出；请在现场核查页重新添加该照片');
          const { fileName, mime, takenAt, addedAt, width, height } = photo;
          return { sha256, fileName, mime, takenAt, addedAt, width, height };
        }),
        observedAt: o.observedAt,
      })),
      indicators: indicators.map(({ indicatorId, value, note, observedAt }) => ({ indicatorId, value, note, observedAt })),
    };
  }

  /** The original bytes of every photo the content lists, for the file. */
  function photosOf(content: ExpertFileContent): PhotoOriginal[] {
    return photoEntries(content, (sha256) => service.photoBytes(sha256, 'original').bytes);
  }

  /** The chair's names of each project's checklist entries, for the change list. */
  async function names(batchId: string, projectIds: readonly string[]): Promise<Map<string, ChecklistNames>> {
    const result = new Map<string, ChecklistNames>();
    for (const projectId of projectIds) {
      const { checklist } = await source.load(batchId, projectId);
      const lines = new Map(checklist.lines.map((l) => [l.id, l.model ? `${l.name}（${l.model}）` : l.name]));
      const indicators = new Map(checklist.indicators.map((i) => [i.id, i.name]));
      result.set(projectId, { line: (id) => lines.get(id), indicator: (id) => indicators.get(id) });
    }
    return result;
  }

  /**
   * Checks an approved file's 现场核查 against this folder (every line and indicator in the chair's
   * checklist, every photo's hash) and makes the downscaled copies of photos not yet held here.
   */
  async function prepare(file: ExpertFile): Promise<PreparedInspection> {
    const checked = checkedPhotos(file);
    if (!checked.ok) throw new AppError(checked.code, checked.message);
    const { content } = file;
    for (const project of content.projects) {
      if (project.recusal !== null || project.inspection === undefined) continue;
      const loaded = await source.load(content.batch.id, project.projectId).catch(() => {
        throw new AppError('BAD_INPUT', `专家评审文件中的项目「${project.projectId}」不在本批次中`);
      });
      const lineIds = new Set(loaded.checklist.lines.map((l) => l.id));
      const indicatorIds = new Set(loaded.checklist.indicators.map((i) => i.id));
      const where = `专家评审文件中项目「${project.projectId}」的现场核查记录`;
      const again = '；请确认双方导入的是同一版材料包';
      project.inspection.lines.forEach((o, index) => {
        if (!lineIds.has(o.lineId)) throw new AppError('BAD_INPUT', `${where}第 ${String(index + 1)} 条所核查的设备不在本机的核查清单中${again}`);
      });
      project.inspection.indicators.forEach((o, index) => {
        if (!indicatorIds.has(o.indicatorId)) throw new AppError('BAD_INPUT', `${where}第 ${String(index + 1)} 项绩效指标不在本项目的指标中${again}`);
      });
    }
    const listed = new Map(
      content.projects.flatMap((p) => (p.recusal === null ? (p.inspection?.lines ?? []).flatMap((l) => l.photos.map((photo) => [photo.sha256, photo] as const)) : [])),
    );
    let photos = 0;
    for (const [sha256, bytes] of checked.photos) {
      const meta = listed.get(sha256);
      const held = store.photo(sha256);
      if (!meta || (held && blobs.has(sha256) && blobs.has(held.thumbnailSha256))) continue;
      // Stored before the merge's transaction (the file is genuine by now); the expert's capture time goes with it.
      await service.importPhoto({ fileName: meta.fileName, bytes, capturedAt: meta.takenAt ?? undefined }, content.expert.id);
      photos += 1;
    }
    return { photos };
  }

  /** In the caller's transaction: the expert's observations replace those of their previous file. */
  function merge(content: ExpertFileContent, prepared: PreparedInspection): { lines: number; indicators: number; photos: number } {
    const batchId = content.batch.id;
    const expert = content.expert;
    store.clearReviewer(batchId, expert.id);
    const counts = { lines: 0, indicators: 0, photos: prepared.photos };
    for (const project of content.projects) {
      if (project.recusal !== null || project.inspection === undefined) continue;
      for (const o of project.inspection.lines) {
        store.saveLineObservation(batchId, project.projectId, {
          lineId: o.lineId,
          reviewerId: expert.id,
          reviewerName: expert.name,
          status: o.status,
          quantitySeen: o.quantitySeen,
          modelSeen: o.modelSeen,
          serialNumber: o.serialNumber,
          note: o.note,
          observedAt: o.observedAt,
          photos: o.photos.map((p) => p.sha256),
        });
        counts.lines += 1;
      }
      for (const o of project.inspection.indicators) {
        store.saveIndicatorObservation(batchId, project.projectId, { ...o, reviewerId: expert.id, reviewerName: expert.name });
        counts.indicators += 1;
      }
    }
    return counts;
  }

  return { entryOf, photosOf, names, prepare, merge };
}

export type InspectionCarry = ReturnType<typeof createInspectionCarry>;
