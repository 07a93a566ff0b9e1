import type { InspectionLine, LineObservation, ProjectInspection } from '@shared/api/inspection-contract';
import type { VerifiedInvoiceDto } from '@shared/api/verification-contract';
import { DECISION_LABEL, INSPECTION_STATUS_LABEL } from '@shared/codes/labels';
import { formatLocalDateTime } from '@shared/domain/local-time';
import { formatYuan } from '@shared/domain/money';
import { proposeReduction } from '@shared/inspection/proposed-reduction';

/**
 * 现场核查记录 as the acceptance report prints it: per equipment line what the contracts and
 * invoices claim, each expert's observation (named), the photos by their SHA-256 (the report draws
 * the stored downscaled copy) and the 核减 proposed with whether a decision on the line's invoices
 * has been taken; then the indicators with target, claimed and each expert's observed value.
 * Plain strings only: the record is part of the report content whose digest every page carries.
 */

export interface InspectionPhotoRef {
  sha256: string;
  /** 拍摄 2026-11-26 10:32, or 添加 … when the photo carries no capture time. */
  caption: string;
}

export interface InspectionObservationRecord {
  expert: string;
  status: string;
  quantitySeen: string;
  modelSeen: string;
  serialNumber: string;
  note: string;
  observedAt: string;
  photos: InspectionPhotoRef[];
}

export interface InspectionLineRecord {
  name: string;
  model: string;
  quantity: string;
  supplier: string;
  contractNo: string;
  amount: string;
  invoices: string;
  observations: InspectionObservationRecord[];
  /** Per expert whose observation proposes one: 李秀英：建议核减 …（算式）. */
  proposals: string[];
  /** What has been decided on the line's invoices (核减 / 不予认定 / 认定, by whom), or 尚未认定. */
  decision: string;
}

export interface InspectionIndicatorRecord {
  category: string;
  name: string;
  target: string;
  claimed: string;
  observed: string[];
}

export interface InspectionRecord {
  lines: InspectionLineRecord[];
  indicators: InspectionIndicatorRecord[];
}

/** "2026-11-26T10:32:05" (local, from EXIF) → "2026-11-26 10:32". */
const localTime = (text: string) => text.replace('T', ' ').slice(0, 16);

function photoCaption(photo: LineObservation['photos'][number]): string {
  return photo.takenAt === null ? `添加 ${formatLocalDateTime(photo.addedAt)}` : `拍摄 ${localTime(photo.takenAt)}`;
}

function observationRecord(o: LineObservation, unit: string): InspectionObservationRecord {
  return {
    expert: o.reviewerName,
    status: INSPECTION_STATUS_LABEL[o.status],
    quantitySeen: o.quantitySeen === null ? '' : `${o.quantitySeen}${unit}`,
    modelSeen: o.modelSeen ?? '',
    serialNumber: o.serialNumber ?? '',
    note: o.note,
    observedAt: formatLocalDateTime(o.observedAt),
    photos: o.photos.map((p) => ({ sha256: p.sha256, caption: photoCaption(p) })),
  };
}

/** The decisions standing on the line's invoices, as the 发票核验 page shows them. */
function decisionText(line: InspectionLine, invoiceByKey: ReadonlyMap<string, VerifiedInvoiceDto>): string {
  const parts = line.invoices.map((ref) => {
    const decision = invoiceByKey.get(ref.key)?.decision;
    if (!decision || decision.stale) return `发票 ${ref.number} 尚未认定`;
    const amount = decision.kind === 'reduce' && decision.amount !== null ? ` 至 ${formatYuan(decision.amount)} 元` : '';
    return `发票 ${ref.number} 已${DECISION_LABEL[decision.kind]}${amount}（${decision.reviewer}）`;
  });
  return parts.join('；');
}

function lineRecord(line: InspectionLine, invoiceByKey: ReadonlyMap<string, VerifiedInvoiceDto>): InspectionLineRecord {
  const unit = line.unit ?? '';
  // Each expert's observation proposes its own 核减 (the API's proposal is only the acting reviewer's).
  const proposals = line.observations.flatMap((o) => {
    const proposal = proposeReduction(line, o);
    return proposal ? [`${o.reviewerName}：建议核减 ${formatYuan(proposal.cut)} 元（${proposal.explanation}）`] : [];
  });
  return {
    name: line.name,
    model: line.model ?? '',
    quantity: line.quantity === null ? '1 批' : `${line.quantity}${unit}`,
    supplier: line.supplier,
    contractNo: line.contractNo,
    amount: line.amount,
    invoices: line.invoices.map((i) => i.number).join('、'),
    observations: line.observations.map((o) => observationRecord(o, unit)),
    proposals,
    decision: proposals.length === 0 ? '' : decisionText(line, invoiceByKey),
  };
}

/** The record for the report, or undefined when nobody has observed anything on site (the section is then left out). */
export function inspectionRecord(inspection: ProjectInspection, invoices: readonly VerifiedInvoiceDto[]): InspectionRecord | undefined {
  if (!hasObservations(inspection)) return undefined;
  const invoiceByKey = new Map(invoices.map((i) => [i.key, i]));
  return {
    lines: inspection.lines.map((line) => lineRecord(line, invoiceByKey)),
    indicators: inspection.indicators.map((i) => ({
      category: i.category,
      name: i.name,
      target: `${i.target}${i.unit && !i.target.endsWith(i.unit) ? ` ${i.unit}` : ''}`,
      claimed: `${i.claimed}${i.unit && !i.claimed.endsWith(i.unit) ? ` ${i.unit}` : ''}`,
      observed: i.observations.map((o) => `${o.reviewerName}：${o.value}${o.note ? `（${o.note}）` : ''}，${formatLocalDateTime(o.observedAt)}`),
    })),
  };
}

/** Someone recorded something on site: only then do the report and the workbook carry 现场核查. */
export function hasObservations(inspection: Pick<ProjectInspection, 'lines' | 'indicators'>): boolean {
  return inspection.lines.some((l) => l.observations.length > 0) || inspection.indicators.some((i) => i.observations.length > 0);
}
