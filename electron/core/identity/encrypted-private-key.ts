import { createCipheriv, createPrivateKey, pbkdf2, randomBytes, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { AppError } from '@shared/api/errors';
import { derInteger, derNull, derObjectIdentifier, derOctetString, derSequence } from './der';

/**
 * The private key at rest: an encrypted PKCS#8 (RFC 5958) with PBES2 (RFC 8018), PBKDF2-HMAC-SHA256
 * and AES-256-CBC. It is a standard form, so the key can be opened without this program
 * (`openssl pkcs8 -in key.pem`), e.g. to sign with another tool or to move to a token. The rounds are
 * set here (Node's exporter fixes 2,048, far too few against guessing a passphrase offline):
 * 600,000 is OWASP's 2023 figure for PBKDF2-HMAC-SHA256 and costs a fraction of a second per unlock.
 */
export const PBKDF2_ITERATIONS = 600_000;

const OID = {
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  hmacWithSha256: '1.2.840.113549.2.9',
  aes256Cbc: '2.16.840.1.101.3.4.1.42',
};

const pbkdf2Async = promisify(pbkdf2);

function toPem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/gu) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

export async function encryptPrivateKey(key: KeyObject, passphrase: string): Promise<string> {
  if (passphrase.length === 0) throw new AppError('BAD_INPUT', '口令不能为空');
  const salt = randomBytes(16);
  const iv = randomBytes(16);
  const derived = await pbkdf2Async(Buffer.from(passphrase.normalize('NFC'), 'utf8'), salt, PBKDF2_ITERATIONS, 32, 'sha256');
  const cipher = createCipheriv('aes-256-cbc', derived, iv);
  const plain = key.export({ format: 'der', type: 'pkcs8' });
  const encrypted = Buffer.concat([cipher.update(plain), cipher.final()]);
  const algorithm = derSequence(
    derObjectIdentifier(OID.pbes2),
    derSequence(
      derSequence(
        derObjectIdentifier(OID.pbkdf2),
        derSequence(derOctetString(salt), derInteger(PBKDF2_ITERATIONS), derSequence(derObjectIdentifier(OID.hmacWithSha256), derNull())),
      ),
      derSequence(derObjectIdentifier(OID.aes256Cbc), derOctetString(iv)),
    ),
  );
  return toPem('ENCRYPTED PRIVATE KEY', derSequence(algorithm, derOctetString(encrypted)));
}

/**
 * Opens the key with the reviewer's passphrase. A wrong passphrase shows up as a padding or
 * structure error after decryption; both are reported as the wrong passphrase, which is the only
 * thing the reviewer can act on.
 */
export function decryptPrivateKey(encryptedPem: string, passphrase: string): KeyObject {
  if (!encryptedPem.includes('-----BEGIN ENCRYPTED PRIVATE KEY-----')) {
    throw new AppError('BAD_INPUT', '签名私钥已损坏或不是加密的私钥，无法打开；请重新创建评审人身份');
  }
  try {
    return createPrivateKey({ key: encryptedPem, format: 'pem', passphrase: Buffer.from(passphrase.normalize('NFC'), 'utf8') });
  } catch {
    throw new AppError('WRONG_PASSPHRASE', '口令不正确，签名私钥未能打开。请检查输入法状态和大小写后重新输入。');
  }
}
