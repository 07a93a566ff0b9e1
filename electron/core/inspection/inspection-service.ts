import { AppError } from '@shared/api/errors';
import type { InspectionIndicator, InspectionLine, InspectionPhoto, ProjectInspection } from '@shared/api/inspection-contract';
import type { InspectionStatus } from '@shared/codes/codes';
import { INSPECTION_STATUS_LABEL } from '@shared/codes/labels';
import { formatYuan } from '@shared/domain/money';
import { lineTitle } from '@shared/inspection/inspection-findings';
import { proposeReduction } from '@shared/inspection/proposed-reduction';
import type { InspectionPhotoRecord } from '@shared/records/inspection-records';
import { createAuditTrail } from '../audit/audit-trail';
import type { CoreContext } from '../core-context';
import { createBlobStore } from '../package/import/blob-store';
import { createActingReviewer } from '../reviewers/acting-reviewer';
import type { EInvoiceCache } from '../verification/einvoice-cache';
import { createChecklistSource, type ProjectChecklist } from './inspection-checklist';
import { indicatorDto, lineDto, photoDto } from './inspection-dto';
import { createInspectionStore, type StoredLineObservation } from './inspection-store';
import { processPhoto } from './photo-processing';

/** At most 25 MB per photo, as the contract says. */
const MAX_PHOTO_BYTES = 25 * 1024 * 1024;

export interface LineObservationInput {
  lineId: string;
  status: InspectionStatus;
  quantitySeen?: string | null | undefined;
  modelSeen?: string | null | undefined;
  serialNumber?: string | null | undefined;
  note?: string | undefined;
  /** Photos already added (addPhoto), in the order shown. */
  photos?: readonly string[] | undefined;
}

/** A photo file to add with an observation (the command line's `photos` paths, read). */
export interface PhotoFile {
  fileName: string;
  bytes: Buffer;
  capturedAt?: string | undefined;
}

const blankToNull = (text: string | null | undefined): string | null => (text === undefined || text === null || text.trim() === '' ? null : text.trim());

/** "2026-11-26T10:32:05" from what a camera page sends ("2026-11-26T10:32:05.123", "2026-11-26 10:32"). */
function localTimeOf(text: string | undefined): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?/u.exec(text?.trim() ?? '');
  return match ? `${match[1] ?? ''}T${match[2] ?? ''}${match[3] ?? ':00'}` : null;
}

/**
 * 现场核查: the checklist of a project with every reviewer's observations, and the acting reviewer's
 * recording of lines, indicators and photos. Every change is one transaction with its 操作记录 entry.
 */
export function createInspectionService(ctx: CoreContext, einvoices: EInvoiceCache) {
  const store = createInspectionStore(ctx.db);
  const source = createChecklistSource(ctx.db, einvoices);
  const blobs = createBlobStore(ctx.dataDir);
  const audit = createAuditTrail(ctx.db, ctx.now);
  const acting = createActingReviewer(ctx.db);
  const subject = (batchId: string, projectId: string) => `project:${batchId}/${projectId}`;

  /**
   * The inspection as stored now, on a checklist already built. Building it reads the project and its
   * e-invoices; a write builds it once and answers from it after storing (observations are cheap to read).
   */
  function inspectionOn({ loaded, stage, checklist }: ProjectChecklist, batchId: string, projectId: string): ProjectInspection {
    const ownId = acting.own()?.id;
    const lineObservations = store.lineObservations(batchId, projectId);
    const indicatorObservations = store.indicatorObservations(batchId, projectId);
    const photos = new Map(store.projectPhotos(batchId, projectId).map((p) => [p.sha256, p]));
    const lines = checklist.lines.map((line) =>
      lineDto(
        line,
        lineObservations.filter((o) => o.lineId === line.id),
        ownId,
        (sha256) => photos.get(sha256),
      ),
    );
    const indicators = checklist.indicators.map((indicator) =>
      indicatorDto(
        indicator,
        indicatorObservations.filter((o) => o.indicatorId === indicator.id),
        ownId,
      ),
    );
    const done = lines.filter((l) => l.mine !== null).length + indicators.filter((i) => i.mine !== null).length;
    return { batchId, projectId, projectName: loaded.project.name, stage, lines, indicators, progress: { done, total: lines.length + indicators.length } };
  }

  async function getInspection(batchId: string, projectId: string): Promise<ProjectInspection> {
    return inspectionOn(await source.load(batchId, projectId), batchId, projectId);
  }

  const lineOf = (inspection: ProjectInspection, lineId: string): InspectionLine => {
    const line = inspection.lines.find((l) => l.id === lineId);
    if (!line) throw new AppError('NOT_FOUND', '核查清单中没有这台设备（材料包可能已更新），请刷新清单后重试');
    return line;
  };

  /** Checks an observation against its line; answers the record to store and its audit sentence. */
  function prepareObservation(inspection: ProjectInspection, input: LineObservationInput, reviewer: { id: string; name: string }, where = '') {
    const line = lineOf(inspection, input.lineId);
    const quantitySeen = blankToNull(input.quantitySeen);
    const modelSeen = blankToNull(input.modelSeen);
    if (input.status === 'different' && quantitySeen === null && modelSeen === null) {
      throw new AppError('BAD_INPUT', `${where}记为「型号或数量不符」时请填写现场清点数量或现场所见型号`);
    }
    const photos = [...new Set(input.photos ?? [])];
    for (const sha256 of photos) if (!store.photo(sha256)) throw new AppError('BAD_INPUT', `${where}照片尚未添加或已不存在，请重新添加照片`);
    const observation: StoredLineObservation = {
      lineId: line.id,
      reviewerId: reviewer.id,
      reviewerName: reviewer.name,
      status: input.status,
      quantitySeen,
      modelSeen,
      serialNumber: blankToNull(input.serialNumber),
      note: input.note?.trim() ?? '',
      observedAt: ctx.now().toISOString(),
      photos,
    };
    const proposal = proposeReduction(line, observation);
    const parts = [
      `设备${lineTitle(line)}记为「${INSPECTION_STATUS_LABEL[input.status]}」`,
      quantitySeen === null ? '' : `现场清点 ${quantitySeen}${line.unit ?? ''}`,
      modelSeen === null ? '' : `现场型号 ${modelSeen}`,
      observation.serialNumber === null ? '' : `铭牌编号 ${observation.serialNumber}`,
      photos.length === 0 ? '' : `照片 ${String(photos.length)} 张`,
      proposal ? `建议核减 ${formatYuan(proposal.cut)} 元（${proposal.explanation}）` : '',
    ].filter((p) => p !== '');
    const details = { sentence: `现场核查：${parts.join('，')}`, note: observation.note, photos };
    return { observation, details };
  }

  async function recordLine(batchId: string, projectId: string, input: LineObservationInput): Promise<InspectionLine> {
    const own = acting.require();
    const built = await source.load(batchId, projectId);
    const { observation, details } = prepareObservation(inspectionOn(built, batchId, projectId), input, own);
    ctx.db.transaction(() => {
      store.saveLineObservation(batchId, projectId, observation);
      audit.record({ action: 'inspection-record', subject: subject(batchId, projectId), details });
    })();
    return lineOf(inspectionOn(built, batchId, projectId), input.lineId);
  }

  async function clearLine(batchId: string, projectId: string, lineId: string): Promise<InspectionLine> {
    const own = acting.require();
    const built = await source.load(batchId, projectId);
    const line = lineOf(inspectionOn(built, batchId, projectId), lineId);
    if (!line.mine) throw new AppError('NOT_FOUND', `设备${lineTitle(line)}尚无您的现场核查记录，无需撤销`);
    ctx.db.transaction(() => {
      store.clearLineObservation(batchId, projectId, lineId, own.id);
      audit.record({
        action: 'inspection-clear',
        subject: subject(batchId, projectId),
        details: { sentence: `撤销现场核查记录：设备${lineTitle(line)}原记为「${INSPECTION_STATUS_LABEL[line.mine?.status ?? 'seen-running']}」` },
      });
    })();
    return lineOf(inspectionOn(built, batchId, projectId), lineId);
  }

  async function recordIndicator(batchId: string, projectId: string, indicatorId: string, value: string, note: string): Promise<InspectionIndicator> {
    const own = acting.require();
    const find = (inspection: ProjectInspection) => {
      const found = inspection.indicators.find((i) => i.id === indicatorId);
      if (!found) throw new AppError('NOT_FOUND', '项目的绩效指标中没有这一指标（材料包可能已更新），请刷新后重试');
      return found;
    };
    const built = await source.load(batchId, projectId);
    const indicator = find(inspectionOn(built, batchId, projectId));
    const observation = { indicatorId, reviewerId: own.id, reviewerName: own.name, value: value.trim(), note: note.trim(), observedAt: ctx.now().toISOString() };
    ctx.db.transaction(() => {
      store.saveIndicatorObservation(batchId, projectId, observation);
      audit.record({
        action: 'inspection-indicator',
        subject: subject(batchId, projectId),
        details: {
          sentence: `现场核查：指标「${indicator.name}」现场核查值 ${observation.value}（目标值 ${indicator.target || '未填'}，申报完成值 ${indicator.claimed || '未填'}）`,
          note: observation.note,
        },
      });
    })();
    return find(inspectionOn(built, batchId, projectId));
  }

  /**
   * Checks a photo and stores its bytes (once by SHA-256, never altered) and downscaled copy in the
   * file store; the row is written in the caller's transaction.
   */
  async function storePhotoFile(file: PhotoFile, addedBy: string) {
    if (file.bytes.length === 0) throw new AppError('BAD_INPUT', `照片「${file.fileName}」是空文件`);
    if (file.bytes.length > MAX_PHOTO_BYTES) throw new AppError('BAD_INPUT', `照片「${file.fileName}」超过 25 MB`);
    const processed = await processPhoto(file.fileName, file.bytes);
    blobs.put(file.bytes, processed.sha256);
    blobs.put(processed.thumbnail, processed.thumbnailSha256);
    const record = {
      sha256: processed.sha256,
      fileName: file.fileName,
      mime: processed.mime,
      size: file.bytes.length,
      width: processed.width,
      height: processed.height,
      takenAt: processed.takenAt ?? localTimeOf(file.capturedAt),
      addedAt: ctx.now().toISOString(),
      addedBy,
      thumbnailSha256: processed.thumbnailSha256,
    };
    const sentence = `添加现场照片「${file.fileName}」${record.takenAt === null ? '（无拍摄时间）' : `（拍摄于 ${record.takenAt.replace('T', ' ')}）`}`;
    return { record, details: { sentence, photo: record.sha256 } };
  }

  async function addPhoto(batchId: string, projectId: string, file: PhotoFile): Promise<InspectionPhoto> {
    const own = acting.require();
    await source.load(batchId, projectId);
    const { record, details } = await storePhotoFile(file, own.id);
    ctx.db.transaction(() => {
      const known = store.photo(record.sha256) !== undefined;
      store.savePhoto(record);
      if (!known) audit.record({ action: 'inspection-photo', subject: subject(batchId, projectId), details });
    })();
    const stored = store.photo(record.sha256);
    if (!stored) throw new Error('照片记录未能保存');
    return photoDto(stored);
  }

  /** A photo's bytes: the stored original, or the downscaled JPEG (for the report and the expert file). */
  function photoBytes(sha256: string, size: 'thumbnail' | 'original'): { mime: string; bytes: Buffer; photo: InspectionPhotoRecord } {
    const photo = store.photo(sha256);
    if (!photo) throw new AppError('NOT_FOUND', '照片不存在');
    const hash = size === 'original' ? photo.sha256 : photo.thumbnailSha256;
    if (!blobs.has(hash)) throw new AppError('NOT_FOUND', `照片「${photo.fileName}」的文件已不在数据文件夹中`);
    return { mime: size === 'original' ? photo.mime : 'image/jpeg', bytes: blobs.read(hash), photo };
  }

  function getPhoto(sha256: string, size: 'thumbnail' | 'original'): { mime: string; base64: string } {
    const { mime, bytes } = photoBytes(sha256, size);
    return { mime, base64: bytes.toString('base64') };
  }

  /**
   * Stores a photo that comes with someone else's work (an expert file merged by the chair): checked
   * and stored like one added here, without an entry of its own. Asynchronous (the image is decoded),
   * so call it before the transaction that links the photo to observations.
   */
  async function importPhoto(file: PhotoFile, addedBy: string): Promise<InspectionPhotoRecord> {
    const { record } = await storePhotoFile(file, addedBy);
    store.savePhoto(record);
    return store.photo(record.sha256) ?? record;
  }

  /**
   * Records several observations with their photo files at once (the command line's file): every entry
   * is checked first, naming the entry; then the photos are stored and the observations written in one
   * transaction, so a bad entry leaves nothing recorded.
   */
  async function recordMany(
    batchId: string,
    projectId: string,
    entries: readonly (Omit<LineObservationInput, 'photos'> & { photoFiles: readonly PhotoFile[] })[],
  ): Promise<InspectionLine[]> {
    const own = acting.require();
    const built = await source.load(batchId, projectId);
    const inspection = inspectionOn(built, batchId, projectId);
    const label = (index: number) => `第 ${String(index + 1)} 条：`;
    const seen = new Set<string>();
    entries.forEach((entry, index) => {
      if (seen.has(entry.lineId)) throw new AppError('BAD_INPUT', `${label(index)}设备「${entry.lineId}」在文件中重复出现`);
      seen.add(entry.lineId);
      if (!inspection.lines.some((l) => l.id === entry.lineId)) throw new AppError('BAD_INPUT', `${label(index)}line「${entry.lineId}」不是本项目核查清单中的设备编号`);
      prepareObservation(inspection, { ...entry, photos: [] }, own, label(index));
    });
    const photos: Awaited<ReturnType<typeof storePhotoFile>>[][] = [];
    for (const [index, entry] of entries.entries()) {
      const stored = [];
      for (const file of entry.photoFiles) {
        try {
          stored.push(await storePhotoFile(file, own.id));
        } catch (error) {
          if (error instanceof AppError) throw new AppError(error.code, `${label(index)}photos：${error.message}`);
          throw error;
        }
      }
      photos.push(stored);
    }
    ctx.db.transaction(() => {
      entries.forEach((entry, index) => {
        const entryPhotos = photos[index] ?? [];
        for (const photo of entryPhotos) {
          const known = store.photo(photo.record.sha256) !== undefined;
          store.savePhoto(photo.record);
          if (!known) audit.record({ action: 'inspection-photo', subject: subject(batchId, projectId), details: photo.details });
        }
        const { observation, details } = prepareObservation(inspection, { ...entry, photos: entryPhotos.map((p) => p.record.sha256) }, own, label(index));
        store.saveLineObservation(batchId, projectId, observation);
        audit.record({ action: 'inspection-record', subject: subject(batchId, projectId), details });
      });
    })();
    const after = inspectionOn(built, batchId, projectId);
    return entries.map((entry) => lineOf(after, entry.lineId));
  }

  return { store, source, getInspection, recordLine, clearLine, recordIndicator, addPhoto, getPhoto, photoBytes, importPhoto, recordMany };
}

export type InspectionService = ReturnType<typeof createInspectionService>;
