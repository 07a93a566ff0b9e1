import { X509Certificate } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '@shared/api/errors';
import { certificateFingerprint } from './certificate';
import { encryptPrivateKey } from './encrypted-private-key';
import { readPkcs12 } from './pkcs12';
import { unlockSigningKey } from './reviewer-identity';
import type { ReviewerProfile } from '@shared/identity/reviewer-profile';

/**
 * An organisation's certificate (imported from its PKCS#12 file) that signs the reviewer's PDF
 * reports instead of the self-made one. The self-made identity stays: expert files keep being
 * signed with it, since the chair confirmed that fingerprint. The key is stored encrypted with the
 * reviewer's own passphrase (the same PBES2 form as the identity's key), so signing asks for one
 * passphrase only. It lives in the settings table under one key: no schema change.
 */
export interface OrganisationCertificate {
  readonly reviewerId: string;
  readonly certificatePem: string;
  readonly fingerprint: string;
  readonly encryptedKeyPem: string;
  /** Subject common name and organisation, as validators show them. */
  readonly subject: string;
  readonly organization: string;
  readonly issuer: string;
  readonly notAfter: string;
  readonly importedAt: string;
}

const SETTINGS_KEY = 'organisation-signing-certificate';

/** One field of an X.509 distinguished name as Node prints it (`CN=王建国\nO=…`). */
const nameField = (name: string, field: string) => new RegExp(`^${field}=(.*)$`, 'mu').exec(name)?.[1] ?? '';

export function createOrganisationCertificateStore(db: Database.Database) {
  const select = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  return {
    /** The certificate imported by this reviewer, if any (one made for a previous identity does not count). */
    of(reviewerId: string): OrganisationCertificate | undefined {
      const row = select.get(SETTINGS_KEY);
      const stored = row ? (JSON.parse(row.value) as OrganisationCertificate) : undefined;
      return stored?.reviewerId === reviewerId ? stored : undefined;
    },
    save(certificate: OrganisationCertificate): void {
      upsert.run(SETTINGS_KEY, JSON.stringify(certificate));
    },
  };
}

export interface ImportPkcs12Input {
  bytes: Uint8Array;
  /** Opens the PKCS#12 file. */
  filePassphrase: string;
  /** The reviewer's own passphrase: proves it is them and protects the stored key. */
  passphrase: string;
  /** The file's name as the user chose it: problems with the file name it. */
  fileName?: string | undefined;
}

/** Reads and checks the file, then returns what to store; nothing is stored here. */
export async function prepareOrganisationCertificate(own: ReviewerProfile, input: ImportPkcs12Input, now: Date): Promise<OrganisationCertificate> {
  // A wrong own passphrase is refused before anything else: nobody else may swap the signing key.
  unlockSigningKey(own, input.passphrase);
  const named = (message: string) => (input.fileName ? `「${input.fileName}」：${message}` : message);
  const { privateKey, certificatePem } = await readPkcs12(input.bytes, input.filePassphrase).catch((error: unknown) => {
    throw error instanceof AppError ? new AppError(error.code, named(error.message)) : error;
  });
  const cert = new X509Certificate(certificatePem);
  if (new Date(cert.validTo) < now) throw new AppError('BAD_INPUT', named(`证书已于 ${new Date(cert.validTo).toISOString().slice(0, 10)} 过期，不能用于签名`));
  if (new Date(cert.validFrom) > now) throw new AppError('BAD_INPUT', named(`证书自 ${new Date(cert.validFrom).toISOString().slice(0, 10)} 起才生效`));
  return {
    reviewerId: own.id,
    certificatePem,
    fingerprint: certificateFingerprint(certificatePem),
    encryptedKeyPem: await encryptPrivateKey(privateKey, input.passphrase),
    subject: nameField(cert.subject, 'CN'),
    organization: nameField(cert.subject, 'O'),
    issuer: nameField(cert.issuer, 'CN') || nameField(cert.issuer, 'O'),
    notAfter: new Date(cert.validTo).toISOString(),
    importedAt: now.toISOString(),
  };
}
