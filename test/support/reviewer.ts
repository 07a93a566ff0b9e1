import type { Core } from '../../electron/core/create-core';
import { createReviewerIdentity } from '../../electron/core/identity/reviewer-identity';
import { createReviewerStore } from '../../electron/core/identity/reviewer-store';
import type { ReviewerProfile } from '../../shared/identity/reviewer-profile';
import type { ReviewerRole } from '../../shared/identity/reviewer-role';

export const TEST_PASSPHRASE = 'test-passphrase-8';

const identities = new Map<string, Promise<ReviewerProfile>>();

/**
 * A reviewer identity made once per test file and name (an RSA 3072 key and the PBKDF2 of its
 * passphrase take about a second), then stored as the own reviewer of any number of data folders.
 */
export function testIdentity(name = '陈立新', role: ReviewerRole = 'expert'): Promise<ReviewerProfile> {
  const key = `${name}\u0000${role}`;
  let identity = identities.get(key);
  if (!identity) {
    identity = createReviewerIdentity({ name, organization: '厦门理工学院', field: '机械工程', role, passphrase: TEST_PASSPHRASE });
    identities.set(key, identity);
  }
  return identity;
}

/** Deciding and scoring need the data folder's own reviewer: this makes one. */
export async function createTestReviewer(core: Core, name?: string, role?: ReviewerRole): Promise<ReviewerProfile> {
  const profile = await testIdentity(name, role);
  createReviewerStore(core.context.db).saveOwn(profile);
  return profile;
}
