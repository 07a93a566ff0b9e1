import type Database from 'better-sqlite3';
import { AppError } from '@shared/api/errors';
import type { ReviewerProfile } from '@shared/identity/reviewer-profile';
import { MACHINE_REVIEWER_ID } from '../db/migrations/0006-reviewers-and-audit-chain';
import { createReviewerStore } from '../identity/reviewer-store';

/**
 * Who acts on this data folder. Deciding, scoring and signing need the folder's own reviewer (their
 * id is recorded with the work); importing a package or changing settings before anyone created an
 * identity is recorded as done by 本机.
 */
export function createActingReviewer(db: Database.Database) {
  const store = createReviewerStore(db);
  return {
    store,
    own: (): ReviewerProfile | undefined => store.own(),
    /** The own reviewer, or the refusal REVIEWER_REQUIRED saying what to do. */
    require(): ReviewerProfile {
      const own = store.own();
      if (!own) throw new AppError('REVIEWER_REQUIRED', '请先在「设置 → 评审人身份」中创建评审人身份（姓名、单位、角色和口令），评审工作会以该身份记录和签名');
      return own;
    },
    requireChair(what: string): ReviewerProfile {
      const own = this.require();
      if (own.role !== 'chair') throw new AppError('FORBIDDEN', `只有专家组组长可以${what}`);
      return own;
    },
    /** The actor recorded in the audit log. */
    actor(): { actorId: string; actor: string } {
      const own = store.own();
      return own ? { actorId: own.id, actor: own.name } : { actorId: MACHINE_REVIEWER_ID, actor: '本机' };
    },
  };
}

export type ActingReviewer = ReturnType<typeof createActingReviewer>;
