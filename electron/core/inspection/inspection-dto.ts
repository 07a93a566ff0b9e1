import type { InspectionIndicator, InspectionLine, InspectionPhoto, LineObservation } from '@shared/api/inspection-contract';
import type { ChecklistIndicator, ChecklistLine } from '@shared/inspection/checklist';
import { isBelowTarget } from '@shared/inspection/indicator-target';
import { proposeReduction } from '@shared/inspection/proposed-reduction';
import type { IndicatorObservationRecord, InspectionPhotoRecord } from '@shared/records/inspection-records';
import type { StoredLineObservation } from './inspection-store';

/** The API's shapes of checklist entries with every reviewer's observations and the acting reviewer's own. */

export function photoDto(photo: InspectionPhotoRecord): InspectionPhoto {
  const { sha256, fileName, mime, takenAt, addedAt, width, height } = photo;
  return { sha256, fileName, mime, takenAt, addedAt, width, height };
}

export function lineDto(
  line: ChecklistLine,
  observations: readonly StoredLineObservation[],
  ownId: string | undefined,
  photoOf: (sha256: string) => InspectionPhotoRecord | undefined,
): InspectionLine {
  const dtos: LineObservation[] = observations.map((o) => ({
    reviewerId: o.reviewerId,
    reviewerName: o.reviewerName,
    status: o.status,
    quantitySeen: o.quantitySeen,
    modelSeen: o.modelSeen,
    serialNumber: o.serialNumber,
    note: o.note,
    photos: o.photos.flatMap((sha256) => {
      const photo = photoOf(sha256);
      return photo ? [photoDto(photo)] : [];
    }),
    observedAt: o.observedAt,
  }));
  const mine = dtos.find((o) => o.reviewerId === ownId) ?? null;
  const proposal = mine ? proposeReduction(line, mine) : null;
  return { ...line, mine, observations: dtos, proposedReduction: proposal?.cut ?? null, proposalExplanation: proposal?.explanation ?? null };
}

export function indicatorDto(indicator: ChecklistIndicator, observations: readonly IndicatorObservationRecord[], ownId: string | undefined): InspectionIndicator {
  const dtos = observations.map(({ reviewerId, reviewerName, value, note, observedAt }) => ({ reviewerId, reviewerName, value, note, observedAt }));
  const mine = dtos.find((o) => o.reviewerId === ownId) ?? null;
  return { ...indicator, mine, observations: dtos, belowTarget: mine !== null && isBelowTarget(indicator.target, mine.value) };
}
