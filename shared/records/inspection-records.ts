import { z } from 'zod';
import { INSPECTION_STATUSES } from '../codes/codes';
import { defineTable, int, plain, text, type RecordOf } from './table';

/*
 * The on-site inspection's records (tables of migration 0010), declared once like the package and
 * panel records: the store, the expert file and the reports derive their shapes from here. Like
 * invoice decisions they are placed by the batch's and project's natural ids (scope columns).
 */

/** A photo stored once by the SHA-256 of its bytes; the bytes and the downscaled copy live in the file store. */
export const inspectionPhotosTable = defineTable('inspection_photos', [], {
  sha256: text('sha256'),
  fileName: text('file_name'),
  mime: plain('mime', z.enum(['image/jpeg', 'image/png'])),
  size: int('size'),
  width: int('width'),
  height: int('height'),
  /** EXIF DateTimeOriginal as local time "2026-11-26T10:32:05", or the in-app camera's clock; null when unknown. */
  takenAt: text('taken_at').nullable(),
  addedAt: text('added_at'),
  /** The reviewer id of whoever added it. */
  addedBy: text('added_by'),
  /** The downscaled JPEG (≤ 640 px on the long side) in the same file store. */
  thumbnailSha256: text('thumbnail_sha256'),
});

/** One reviewer's current observation of one equipment line of the checklist. */
export const lineObservationsTable = defineTable('inspection_line_observations', ['batch_id', 'project_id'], {
  lineId: text('line_id'),
  reviewerId: text('reviewer_id'),
  reviewerName: text('reviewer_name'),
  status: plain('status', z.enum(INSPECTION_STATUSES)),
  /** Counted on site, a decimal string. */
  quantitySeen: text('quantity_seen').nullable(),
  modelSeen: text('model_seen').nullable(),
  serialNumber: text('serial_number').nullable(),
  note: text('note'),
  observedAt: text('observed_at'),
});

/** The photos of a line observation, by position (1, 2, …). */
export const observationPhotosTable = defineTable('inspection_observation_photos', ['batch_id', 'project_id'], {
  lineId: text('line_id'),
  reviewerId: text('reviewer_id'),
  position: int('position'),
  photoSha256: text('photo_sha256'),
});

/** One reviewer's current observed value of one of the project's indicators (绩效指标). */
export const indicatorObservationsTable = defineTable('inspection_indicator_observations', ['batch_id', 'project_id'], {
  indicatorId: text('indicator_id'),
  reviewerId: text('reviewer_id'),
  reviewerName: text('reviewer_name'),
  value: text('value'),
  note: text('note'),
  observedAt: text('observed_at'),
});

export type InspectionPhotoRecord = RecordOf<typeof inspectionPhotosTable.columns>;
export type LineObservationRecord = RecordOf<typeof lineObservationsTable.columns>;
export type ObservationPhotoRecord = RecordOf<typeof observationPhotosTable.columns>;
export type IndicatorObservationRecord = RecordOf<typeof indicatorObservationsTable.columns>;
