import { AppError } from '../../../shared/api/errors';
import type { ApiHandlers } from '../../../shared/api/contract';
import type { CoreContext } from '../core-context';

type ReviewerHandlers = Pick<ApiHandlers, 'getMyReviewer' | 'createMyReviewer' | 'listPanelMembers' | 'trustSigner' | 'distrustSigner'>;

const pending = (): never => {
  throw new AppError('INTERNAL', '该功能尚在接入中');
};

export function createReviewerHandlers(_context: CoreContext): ReviewerHandlers {
  return {
    getMyReviewer: () => ({ reviewer: null }),
    createMyReviewer: pending,
    listPanelMembers: () => ({ members: [] }),
    trustSigner: pending,
    distrustSigner: pending,
  };
}
