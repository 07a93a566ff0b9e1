import { createHash, randomBytes, webcrypto, X509Certificate, type KeyObject } from 'node:crypto';
import type { JsonAttributeAndObjectValue, Name } from '@peculiar/x509';
import { WEBCRYPTO_ALGORITHM, type SigningKeyPair } from './signing-algorithm';
import { x509 } from './x509-library';

/** Subject attributes (RFC 4519): who the certificate names. */
const NAME_OID = {
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  userId: '0.9.2342.19200300.100.1.1',
} as const;

const DAY_MS = 24 * 60 * 60 * 1000;
/** Reports must stand in an audit years later; validators check the signing time against this window. */
const VALIDITY_YEARS = 10;

export interface CertificateSubject {
  readonly reviewerId: string;
  readonly name: string;
  readonly organization: string;
  /** 专业领域, empty when not given. */
  readonly field: string;
}

/**
 * Every value is written as UTF8String (RFC 5280 §4.1.2.4) so Chinese names read back unchanged in
 * any validator; the library's string form would also strip quotes and backslashes from names.
 * The role is left out on purpose: one person is an expert in one batch and the chair in the next,
 * while the certificate names the person.
 */
function subjectName(subject: CertificateSubject): Name {
  const attribute = (oid: string, value: string): JsonAttributeAndObjectValue => ({ [oid]: [{ utf8String: value }] });
  return new x509.Name([
    attribute(NAME_OID.commonName, subject.name),
    attribute(NAME_OID.organization, subject.organization),
    ...(subject.field === '' ? [] : [attribute(NAME_OID.organizationalUnit, subject.field)]),
    attribute(NAME_OID.userId, subject.reviewerId),
  ]);
}

async function toCryptoKeys(keys: SigningKeyPair): Promise<webcrypto.CryptoKeyPair> {
  const [privateKey, publicKey] = await Promise.all([
    webcrypto.subtle.importKey('pkcs8', keys.privateKey.export({ format: 'der', type: 'pkcs8' }), WEBCRYPTO_ALGORITHM, false, ['sign']),
    webcrypto.subtle.importKey('spki', keys.publicKey.export({ format: 'der', type: 'spki' }), WEBCRYPTO_ALGORITHM, true, ['verify']),
  ]);
  return { privateKey, publicKey } as webcrypto.CryptoKeyPair;
}

/** A self-signed end-entity certificate for signing documents (digital signature, non-repudiation). */
export async function createSelfSignedCertificate(subject: CertificateSubject, keys: SigningKeyPair, now: Date): Promise<string> {
  const cryptoKeys = await toCryptoKeys(keys);
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f; // a positive serial number, as RFC 5280 requires
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + VALIDITY_YEARS);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial.toString('hex'),
    name: subjectName(subject),
    // A day of slack: an expert's laptop clock may run behind the chair's.
    notBefore: new Date(now.getTime() - DAY_MS),
    notAfter,
    signingAlgorithm: WEBCRYPTO_ALGORITHM,
    keys: cryptoKeys,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
      await x509.SubjectKeyIdentifierExtension.create(cryptoKeys.publicKey),
    ],
  });
  return certificate.toString('pem');
}

export function readCertificateSubject(certificatePem: string): CertificateSubject {
  const name = new x509.X509Certificate(certificatePem).subjectName;
  const first = (oid: string) => name.getField(oid)[0] ?? '';
  return {
    reviewerId: first(NAME_OID.userId),
    name: first(NAME_OID.commonName),
    organization: first(NAME_OID.organization),
    field: first(NAME_OID.organizationalUnit),
  };
}

/** SHA-256 of the certificate's DER bytes, 64 lower-case hex digits (what `openssl x509 -fingerprint -sha256` prints). */
export function certificateFingerprint(certificatePem: string): string {
  return createHash('sha256').update(new X509Certificate(certificatePem).raw).digest('hex');
}

export function certificatePublicKey(certificatePem: string): KeyObject {
  return new X509Certificate(certificatePem).publicKey;
}
