import type Database from 'better-sqlite3';
import { AppError } from '@shared/api/errors';
import type { PublicReviewerProfile, ReviewerProfile } from '@shared/identity/reviewer-profile';
import type { ReviewerRole } from '@shared/identity/reviewer-role';

/** How the chair compared a fingerprint with the expert (trusted_signers.method). */
export type ConfirmationMethod = 'phone' | 'paper' | 'in-person';

export interface TrustedSigner {
  readonly fingerprint: string;
  readonly name: string;
  readonly organization: string;
  readonly method: ConfirmationMethod;
  readonly note: string;
  readonly confirmedBy: string | null;
  readonly confirmedAt: string;
}

interface ReviewerRow {
  id: string;
  name: string;
  organization: string;
  field: string;
  role: ReviewerRole;
  certificatePem: string;
  fingerprint: string;
  encryptedKeyPem: string | null;
  createdAt: string;
}

const REVIEWER_COLUMNS =
  'id, name, organization, field, role, certificate_pem AS certificatePem, fingerprint, encrypted_key_pem AS encryptedKeyPem, created_at AS createdAt';

/**
 * Reviewers and confirmed signers in a data folder (schema of migration 6). The own reviewer is
 * the person working on this computer; panel reviewers are the experts whose files a chair imported.
 */
export function createReviewerStore(db: Database.Database) {
  const own = db.prepare<[], ReviewerRow>(`SELECT ${REVIEWER_COLUMNS} FROM reviewers WHERE kind = 'own'`);
  const byId = db.prepare<[string], ReviewerRow>(`SELECT ${REVIEWER_COLUMNS} FROM reviewers WHERE id = ? AND kind <> 'legacy'`);
  const insertOwn = db.prepare(
    "INSERT INTO reviewers (id, kind, name, organization, field, role, certificate_pem, fingerprint, encrypted_key_pem, created_at) VALUES (@id, 'own', @name, @organization, @field, @role, @certificatePem, @fingerprint, @encryptedKeyPem, @createdAt)",
  );
  // A panel member's later file may carry a renewed certificate or a corrected organisation: the newest wins.
  const upsertPanel = db.prepare(`
    INSERT INTO reviewers (id, kind, name, organization, field, role, certificate_pem, fingerprint, created_at)
    VALUES (@id, 'panel', @name, @organization, @field, @role, @certificatePem, @fingerprint, @createdAt)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, organization = excluded.organization, field = excluded.field,
      role = excluded.role, certificate_pem = excluded.certificate_pem, fingerprint = excluded.fingerprint
    WHERE reviewers.kind = 'panel'`);
  const adopt = db.prepare("UPDATE invoice_decisions SET reviewer_id = ? WHERE reviewer_id = 'legacy'");
  const trust = db.prepare(`
    INSERT INTO trusted_signers (fingerprint, name, organization, method, note, confirmed_by, confirmed_at)
    VALUES (@fingerprint, @name, @organization, @method, @note, @confirmedBy, @confirmedAt)
    ON CONFLICT (fingerprint) DO UPDATE SET name = excluded.name, organization = excluded.organization, method = excluded.method,
      note = excluded.note, confirmed_by = excluded.confirmed_by, confirmed_at = excluded.confirmed_at`);
  const distrust = db.prepare('DELETE FROM trusted_signers WHERE fingerprint = ?');
  const trusted = db.prepare<[], TrustedSigner>(
    'SELECT fingerprint, name, organization, method, note, confirmed_by AS confirmedBy, confirmed_at AS confirmedAt FROM trusted_signers ORDER BY confirmed_at',
  );

  const toProfile = (row: ReviewerRow): PublicReviewerProfile => {
    const { encryptedKeyPem: _key, ...profile } = row;
    return profile;
  };

  return {
    /** The reviewer working on this computer, with the encrypted key; undefined until one is created. */
    own(): ReviewerProfile | undefined {
      const row = own.get();
      return row?.encryptedKeyPem ? { ...row, encryptedKeyPem: row.encryptedKeyPem } : undefined;
    },
    /**
     * Stores the identity just created and hands it the decisions made before identities existed
     * (the legacy reviewer's), since on a data folder that had one reviewer they are this person's.
     */
    saveOwn(profile: ReviewerProfile): { adoptedDecisions: number } {
      return db.transaction(() => {
        if (own.get()) throw new AppError('CONFLICT', '本机已有评审人身份，不能再创建一个');
        insertOwn.run(profile);
        return { adoptedDecisions: adopt.run(profile.id).changes };
      })();
    },
    /** A panel member as an expert file names them (only after its signature and signer were accepted). */
    savePanelMember(profile: PublicReviewerProfile): void {
      if (upsertPanel.run(profile).changes === 0) throw new AppError('CONFLICT', `评审人「${profile.name}」与本机评审人的编号相同，不能作为专家组成员导入`);
    },
    find(id: string): PublicReviewerProfile | undefined {
      const row = byId.get(id);
      return row ? toProfile(row) : undefined;
    },
    trustSigner(signer: TrustedSigner): void {
      trust.run(signer);
    },
    distrustSigner(fingerprint: string): boolean {
      return distrust.run(fingerprint).changes > 0;
    },
    trustedSigners(): TrustedSigner[] {
      return trusted.all();
    },
  };
}
