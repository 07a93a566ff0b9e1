import { Tag } from 'antd';
import type { ProjectListItem } from '@shared/api/batches-contract';
import type { ReviewState } from '@shared/codes/codes';
import { REVIEW_STATE_LABEL } from '@shared/codes/labels';

const COLOR: Readonly<Record<ReviewState, string | undefined>> = { pending: undefined, 'in-progress': 'blue', done: 'green' };

/** 待核验 / 核验中（12/40） / 已核验 for the project list. */
export function ReviewStateTag({ state, invoices }: { state: ProjectListItem['state']; invoices: number }) {
  const progress = state.code === 'in-progress' ? `（${String(state.decided)}/${String(invoices)}）` : '';
  return <Tag color={COLOR[state.code]}>{`${REVIEW_STATE_LABEL[state.code]}${progress}`}</Tag>;
}
