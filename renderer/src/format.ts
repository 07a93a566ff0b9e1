import type { Stage } from '../../shared/codes/codes';
import { STAGE_LABEL } from '../../shared/codes/labels';
import { formatLocalDateTime } from '../../shared/domain/local-time';
import { formatYuan } from '../../shared/domain/money';

/** Money for tables: grouped yuan with two decimals; empty for missing values. */
export function yuan(amount: string | null | undefined): string {
  return amount === null || amount === undefined ? '' : formatYuan(amount);
}

export function stageName(stage: Stage): string {
  return STAGE_LABEL[stage];
}

export function dateTime(iso: string): string {
  return formatLocalDateTime(iso);
}
