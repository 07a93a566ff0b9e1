import { INSPECTION_STATUSES, type InspectionStatus } from '@shared/codes/codes';
import { usePageKeys } from '../../components/use-page-keys';
import { STATUS_KEY } from './status-style';

export type InspectionKeyAction = { move: 1 | -1 } | { status: InspectionStatus };

/** → or J: next line; ← or K: previous; 1–4: the statuses in button order. */
export function inspectionKeyAction(key: string): InspectionKeyAction | null {
  const k = key.toLowerCase();
  if (k === 'arrowright' || k === 'j') return { move: 1 };
  if (k === 'arrowleft' || k === 'k') return { move: -1 };
  const status = INSPECTION_STATUSES.find((s) => STATUS_KEY[s] === k);
  return status ? { status } : null;
}

/** The line keys anywhere on the page, except while typing in a field or in a dialog (the camera). */
export function useInspectionKeys(enabled: boolean, handle: (action: InspectionKeyAction) => void) {
  usePageKeys(enabled, inspectionKeyAction, handle, { dialogsOwnKeys: true });
}
