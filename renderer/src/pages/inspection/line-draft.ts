import type { InspectionPhoto, LineObservation } from '@shared/api/inspection-contract';
import type { InspectionStatus } from '@shared/codes/codes';

/** What the reviewer has set on one line, as the screen holds it between saves. */
export interface LineDraft {
  status: InspectionStatus;
  quantitySeen: string;
  modelSeen: string;
  serialNumber: string;
  note: string;
  photos: InspectionPhoto[];
}

export function draftOf(observation: LineObservation): LineDraft {
  return {
    status: observation.status,
    quantitySeen: observation.quantitySeen ?? '',
    modelSeen: observation.modelSeen ?? '',
    serialNumber: observation.serialNumber ?? '',
    note: observation.note,
    photos: observation.photos,
  };
}

/**
 * The whole observation on every save: recordLineObservation replaces the reviewer's record, so a
 * field left out would be lost. Fields that do not belong to the status are kept as typed (a
 * status clicked by mistake and changed back loses nothing).
 */
export function recordInputOf(lineId: string, draft: LineDraft) {
  const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
  return {
    lineId,
    status: draft.status,
    quantitySeen: orNull(draft.quantitySeen),
    modelSeen: orNull(draft.modelSeen),
    serialNumber: orNull(draft.serialNumber),
    note: draft.note.trim(),
    photos: draft.photos.map((p) => p.sha256),
  };
}

/** A counted quantity the core accepts: a decimal such as 2 or 1.5. */
export function isQuantity(text: string): boolean {
  return text.trim() === '' || /^\d{1,12}(\.\d{1,4})?$/u.test(text.trim());
}
