import { INSPECTION_STATUS_LABEL } from '@shared/codes/labels';
import type { ExpertFileChange } from '@shared/expert-file/diff-expert-files';
import type { IndicatorObservationEntry, LineObservationEntry } from '@shared/expert-file/expert-file-schema';

/** The chair's names for the checklist of a project: the equipment line and indicator as the 现场核查 page shows them. */
export interface ChecklistNames {
  line(lineId: string): string | undefined;
  indicator(indicatorId: string): string | undefined;
}

const NOT_IN_CHECKLIST = '本机核查清单中没有的条目';

function lineText(o: LineObservationEntry | null): string | null {
  if (o === null) return null;
  return [
    INSPECTION_STATUS_LABEL[o.status],
    o.quantitySeen === null ? '' : `清点 ${o.quantitySeen}`,
    o.modelSeen ? `现场型号 ${o.modelSeen}` : '',
    o.serialNumber ? `铭牌编号 ${o.serialNumber}` : '',
    o.note,
    o.photos.length > 0 ? `照片 ${String(o.photos.length)} 张` : '',
  ]
    .filter((part) => part !== '')
    .join('；');
}

const indicatorText = (o: IndicatorObservationEntry | null) => (o === null ? null : `${o.value}${o.note ? `（${o.note}）` : ''}`);

/** A 现场核查 change as the chair's change list shows it: which equipment or indicator, old → new in words. */
export function describeInspectionChange(
  change: Extract<ExpertFileChange, { kind: 'inspection-line' | 'inspection-indicator' }>,
  names: ChecklistNames,
): { itemId: string; what: string; old: string | null; new: string | null } {
  if (change.kind === 'inspection-line')
    return { itemId: change.lineId, what: `现场核查：${names.line(change.lineId) ?? NOT_IN_CHECKLIST}`, old: lineText(change.old), new: lineText(change.new) };
  return {
    itemId: change.indicatorId,
    what: `现场核查指标：${names.indicator(change.indicatorId) ?? NOT_IN_CHECKLIST}`,
    old: indicatorText(change.old),
    new: indicatorText(change.new),
  };
}
