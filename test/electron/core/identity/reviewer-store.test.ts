import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '@core/db/migrate';
import { migration0001 } from '@core/db/migrations/0001-settings-and-audit-log';
import { migration0002 } from '@core/db/migrations/0002-review-data';
import { migration0003 } from '@core/db/migrations/0003-imported-rule-sets';
import { migration0004 } from '@core/db/migrations/0004-invoice-decisions';
import { migration0005 } from '@core/db/migrations/0005-decision-fingerprint-version';
import { migration0006 } from '@core/db/migrations/0006-reviewers-and-audit-chain';
import { createReviewerIdentity, unlockSigningKey } from '@core/identity/reviewer-identity';
import { createReviewerStore } from '@core/identity/reviewer-store';
import { publicProfileOf, type ReviewerProfile } from '@shared/identity/reviewer-profile';

/** A data folder at schema 6 with one decision typed before identities existed. */
function folderWithLegacyDecision(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  applyMigrations(db, [migration0001, migration0002, migration0003, migration0004, migration0005]);
  db.prepare(
    "INSERT INTO invoice_decisions (batch_id, project_id, invoice_key, kind, reason, reviewer, decided_at, row_fingerprint) VALUES ('XM-2026-YS-01', 'XM2024-001', '24352000000012345699', 'reject', '重复申报', '陈工', '2026-11-20T02:10:00.000Z', 'fp')",
  ).run();
  applyMigrations(db, [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006], 6);
  return db;
}

/** Unlocking runs 600,000 PBKDF2 rounds on purpose; on a busy machine that can outlast the default 5 s. */
const PBKDF2_TIMEOUT = 30_000;

describe('reviewer store', () => {
  let chair: ReviewerProfile;
  let expert: ReviewerProfile;
  beforeAll(async () => {
    [chair, expert] = await Promise.all([
      createReviewerIdentity({ name: '陈立新', organization: '厦门理工学院', role: 'chair', passphrase: 'chen-2026-评审' }),
      createReviewerIdentity({ name: '王海燕', organization: '福建省机械科学研究院', field: '数控装备', role: 'expert', passphrase: 'wang-2026-评审' }),
    ]);
  }, 60_000);

  it(
    'keeps this computer’s reviewer with the encrypted key, hands them the decisions typed before, and only once',
    () => {
      const db = folderWithLegacyDecision();
      const store = createReviewerStore(db);
      expect(store.own()).toBeUndefined();
      expect(store.saveOwn(chair)).toEqual({ adoptedDecisions: 1 });
      expect(db.prepare('SELECT reviewer_id AS id, reviewer FROM invoice_decisions').get()).toEqual({ id: chair.id, reviewer: '陈工' });
      const stored = store.own();
      expect(stored).toEqual(chair);
      expect(unlockSigningKey(stored as ReviewerProfile, 'chen-2026-评审').fingerprint).toBe(chair.fingerprint);
      expect(() => store.saveOwn(expert)).toThrow(/本机已有评审人身份/u);
    },
    PBKDF2_TIMEOUT,
  );

  it('records panel members from their files, the newest profile winning, never over the own reviewer', () => {
    const store = createReviewerStore(folderWithLegacyDecision());
    store.saveOwn(chair);
    store.savePanelMember(publicProfileOf(expert));
    store.savePanelMember({ ...publicProfileOf(expert), organization: '福建省机械科学研究院（数控所）' });
    expect(store.find(expert.id)).toEqual({ ...publicProfileOf(expert), organization: '福建省机械科学研究院（数控所）' });
    expect(store.find('legacy')).toBeUndefined();
    expect(() => store.savePanelMember({ ...publicProfileOf(chair), name: '冒名' })).toThrow(/编号相同/u);
    expect(store.own()?.name).toBe('陈立新');
  });

  it('lists the signers the chair confirmed, and forgets one on request', () => {
    const store = createReviewerStore(folderWithLegacyDecision());
    store.saveOwn(chair);
    const confirmation = {
      fingerprint: expert.fingerprint,
      name: '王海燕',
      organization: '福建省机械科学研究院',
      method: 'phone' as const,
      note: '11 月 22 日电话核对',
      confirmedBy: chair.id,
      confirmedAt: '2026-11-22T03:00:00.000Z',
    };
    store.trustSigner(confirmation);
    store.trustSigner({ ...confirmation, method: 'paper', note: '纸质确认单' });
    expect(store.trustedSigners()).toEqual([{ ...confirmation, method: 'paper', note: '纸质确认单' }]);
    expect(store.distrustSigner(expert.fingerprint)).toBe(true);
    expect(store.distrustSigner(expert.fingerprint)).toBe(false);
    expect(store.trustedSigners()).toEqual([]);
  });
});
