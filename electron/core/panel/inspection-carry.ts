import { AppError } from '@shared/api/errors';
import type { ExpertFile, ExpertFileContent, InspectionEntry } from '@shared/expert-file/expert-file-schema';
import type { InspectionPhotoRecord } from '@shared/records/inspection-records';
import type { CoreContext } from '../core-context';
import { checkedPhotos, photoEntries, type PhotoOriginal } from '../expert-file/expert-file-photos';
import { createChecklistSource } from '../inspection/inspection-checklist';
import { createInspectionStore } from '../inspection/inspection-store';
import { processPhoto } from '../inspection/photo-processing';
import { createBlobStore } from '../package/import/blob-store';
import { createEInvoiceCache } from '../verification/einvoice-cache';
import type { ChecklistNames } from './inspection-change-text';

/** A photo of an approved file, made ready outside the database transaction (decoding and downscaling take a while). */
interface ArrivingPhoto {
  bytes: Buffer;
  record: InspectionPhotoRecord;
  thumbnail: Buffer | null;
}

export interface PreparedInspection {
  readonly photos: readonly ArrivingPhoto[];
}

/**
 * 现场核查 in the expert file: the own reviewer's observations and original photos on export, and at
 * the chair's the merge of an approved file as that expert's observations (replacing the previous
 * file's), photos checked by SHA-256 and stored once with a downscaled copy made here.
 */
export function createInspectionCarry(ctx: CoreContext) {
  const store = createInspectionStore(ctx.db);
  const blobs = createBlobStore(ctx.dataDir);
  const source = createChecklistSource(ctx.db, createEInvoiceCache(blobs));

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
    return photoEntries(content, (sha256) => {
      if (!blobs.has(sha256)) throw new AppError('CONFLICT', '现场照片的原件已不在本机数据文件夹中，无法导出；请在现场核查页重新添加该照片');
      return blobs.read(sha256);
    });
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
    const photos: ArrivingPhoto[] = [];
    for (const [sha256, bytes] of checked.photos) {
      const meta = listed.get(sha256);
      if (!meta) continue;
      const held = store.photo(sha256);
      if (held && blobs.has(sha256) && blobs.has(held.thumbnailSha256)) continue;
      const processed = await processPhoto(meta.fileName, bytes);
      photos.push({
        bytes,
        thumbnail: processed.thumbnail,
        record: {
          sha256,
          fileName: meta.fileName,
          mime: processed.mime,
          size: bytes.length,
          width: processed.width,
          height: processed.height,
          // The expert's capture time: a photo from the in-app camera has it from the camera's clock, not EXIF.
          takenAt: meta.takenAt,
          addedAt: meta.addedAt,
          addedBy: content.expert.id,
          thumbnailSha256: processed.thumbnailSha256,
        },
      });
    }
    return { photos };
  }

  /** In the caller's transaction: the expert's observations replace those of their previous file. */
  function merge(content: ExpertFileContent, prepared: PreparedInspection): { lines: number; indicators: number; photos: number } {
    const batchId = content.batch.id;
    const expert = content.expert;
    for (const photo of prepared.photos) {
      blobs.put(photo.bytes, photo.record.sha256);
      if (photo.thumbnail) blobs.put(photo.thumbnail, photo.record.thumbnailSha256);
      store.savePhoto(photo.record);
    }
    store.clearReviewer(batchId, expert.id);
    const counts = { lines: 0, indicators: 0, photos: prepared.photos.length };
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
