import { formatLocalDateTime } from '../../shared/domain/local-time';
import { formatYuan } from '../../shared/domain/money';
import { STAGE_NAMES, type Stage } from '../../shared/package/manifest-schema';

/** Money for tables: grouped yuan with two decimals; empty for missing values. */
export function yuan(amount: string | null | undefined): string {
  return amount === null || amount === undefined ? '' : formatYuan(amount);
}

export function stageName(stage: string): string {
  return STAGE_NAMES[stage as Stage] ?? stage;
}

export function dateTime(iso: string): string {
  return formatLocalDateTime(iso);
}
