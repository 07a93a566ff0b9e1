import type { EnumOption } from '../domain/enums';

/** A panel member's role: 专家 scores and hands a signed expert file to the chair; 组长 consolidates. */
export type ReviewerRole = 'expert' | 'chair';

export const REVIEWER_ROLES: readonly EnumOption<ReviewerRole>[] = [
  { id: 'expert', label: '专家' },
  { id: 'chair', label: '组长', aliases: ['专家组组长'] },
];

export const REVIEWER_ROLE_IDS = ['expert', 'chair'] as const satisfies readonly ReviewerRole[];
