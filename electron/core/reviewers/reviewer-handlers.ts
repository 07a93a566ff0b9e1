import type { ApiHandlers } from '@shared/api/contract';
import { AppError } from '@shared/api/errors';
import type { MyReviewerDto, PanelMemberDto } from '@shared/api/reviewers-contract';
import { formatFingerprintForReading, parseFingerprint } from '@shared/identity/fingerprint-text';
import type { PublicReviewerProfile } from '@shared/identity/reviewer-profile';
import { createAuditTrail } from '../audit/audit-trail';
import type { CoreContext } from '../core-context';
import { createReviewerIdentity } from '../identity/reviewer-identity';
import { createOrganisationCertificateStore, prepareOrganisationCertificate, type OrganisationCertificate } from '../identity/organisation-certificate';
import { createActingReviewer } from './acting-reviewer';

type ReviewerHandlers = Pick<
  ApiHandlers,
  'getMyReviewer' | 'createMyReviewer' | 'listPanelMembers' | 'trustSigner' | 'distrustSigner' | 'getSigningCertificate' | 'importSigningCertificate'
>;

export function toMyReviewer(profile: PublicReviewerProfile): MyReviewerDto {
  const { id, name, organization, field, role, createdAt } = profile;
  return { id, name, organization, field, role, createdAt, fingerprint: formatFingerprintForReading(profile.fingerprint) };
}

export function createReviewerHandlers(ctx: CoreContext): ReviewerHandlers {
  const acting = createActingReviewer(ctx.db);
  const audit = createAuditTrail(ctx.db, ctx.now);
  const panel = ctx.db.prepare<[], PublicReviewerProfile & { kind: string }>(`
    SELECT id, kind, name, organization, field, role, certificate_pem AS certificatePem, fingerprint, created_at AS createdAt
    FROM reviewers WHERE kind IN ('own', 'panel') ORDER BY kind = 'own' DESC, name`);
  const imports = ctx.db.prepare<[], { reviewerId: string; batchId: string; version: number; importedAt: string }>(
    'SELECT reviewer_id AS reviewerId, batch_id AS batchId, version, imported_at AS importedAt FROM expert_files ORDER BY batch_id',
  );

  function members(): { members: PanelMemberDto[] } {
    const trusted = new Map(acting.store.trustedSigners().map((s) => [s.fingerprint, s]));
    const imported = imports.all();
    const known = panel.all().map((p): PanelMemberDto => {
      const signer = trusted.get(p.fingerprint);
      trusted.delete(p.fingerprint);
      return {
        id: p.id,
        name: p.name,
        organization: p.organization,
        field: p.field,
        role: p.role,
        fingerprint: formatFingerprintForReading(p.fingerprint),
        own: p.kind === 'own',
        confirmation: signer ? { method: signer.method, note: signer.note, confirmedAt: signer.confirmedAt } : null,
        imported: imported.filter((i) => i.reviewerId === p.id).map(({ batchId, version, importedAt }) => ({ batchId, version, importedAt })),
      };
    });
    // Confirmed before any file of theirs arrived.
    const awaiting = [...trusted.values()].map((s): PanelMemberDto => ({
      id: null,
      name: s.name,
      organization: s.organization,
      field: '',
      role: null,
      fingerprint: formatFingerprintForReading(s.fingerprint),
      own: false,
      confirmation: { method: s.method, note: s.note, confirmedAt: s.confirmedAt },
      imported: [],
    }));
    return { members: [...known, ...awaiting] };
  }

  const fingerprintOf = (typed: string): string => {
    const parsed = parseFingerprint(typed);
    if (!parsed.ok) throw new AppError('BAD_INPUT', parsed.message);
    return parsed.value;
  };

  const organisationCertificates = createOrganisationCertificateStore(ctx.db);
  const certificateDto = ({ subject, organization, issuer, fingerprint, notAfter, importedAt }: OrganisationCertificate) => ({
    subject,
    organization,
    issuer,
    fingerprint: formatFingerprintForReading(fingerprint),
    notAfter,
    importedAt,
  });

  return {
    getSigningCertificate: () => {
      const own = acting.own();
      const stored = own ? organisationCertificates.of(own.id) : undefined;
      return { certificate: stored ? certificateDto(stored) : null };
    },
    importSigningCertificate: async ({ base64, filePassphrase, passphrase, fileName }) => {
      const own = acting.require();
      const certificate = await prepareOrganisationCertificate(own, { bytes: Buffer.from(base64, 'base64'), filePassphrase, passphrase, fileName }, ctx.now());
      ctx.db.transaction(() => {
        organisationCertificates.save(certificate);
        audit.record({
          action: 'signing-certificate-import',
          subject: `reviewer:${own.id}`,
          details: { subject: certificate.subject, organization: certificate.organization, issuer: certificate.issuer, fingerprint: certificate.fingerprint },
        });
      })();
      return { certificate: certificateDto(certificate) };
    },
    getMyReviewer: () => {
      const own = acting.own();
      return { reviewer: own ? toMyReviewer(own) : null };
    },
    createMyReviewer: async (input) => {
      if (acting.own()) throw new AppError('CONFLICT', '本机已有评审人身份，不能再创建一个');
      const profile = await createReviewerIdentity(input, ctx.now());
      ctx.db.transaction(() => {
        const { adoptedDecisions } = acting.store.saveOwn(profile);
        audit.record({
          action: 'reviewer-create',
          subject: `reviewer:${profile.id}`,
          details: { name: profile.name, role: profile.role, fingerprint: profile.fingerprint, adoptedDecisions },
        });
      })();
      return toMyReviewer(profile);
    },
    listPanelMembers: () => members(),
    trustSigner: ({ fingerprint, name, organization, method, note }) => {
      const chair = acting.requireChair('确认专家的证书指纹');
      const digits = fingerprintOf(fingerprint);
      ctx.db.transaction(() => {
        acting.store.trustSigner({ fingerprint: digits, name, organization, method, note, confirmedBy: chair.id, confirmedAt: ctx.now().toISOString() });
        audit.record({ action: 'signer-trust', subject: `signer:${digits}`, details: { name, organization, method, note } });
      })();
      return members();
    },
    distrustSigner: ({ fingerprint }) => {
      acting.requireChair('撤销对专家证书的确认');
      const digits = fingerprintOf(fingerprint);
      ctx.db.transaction(() => {
        // The name goes into the 操作记录, which shows no fingerprints.
        const name = acting.store.trustedSigners().find((s) => s.fingerprint === digits)?.name;
        if (!acting.store.distrustSigner(digits)) throw new AppError('NOT_FOUND', `没有已确认的证书指纹 ${formatFingerprintForReading(digits)}`);
        audit.record({ action: 'signer-distrust', subject: `signer:${digits}`, ...(name ? { details: { name } } : {}) });
      })();
      return members();
    },
  };
}
