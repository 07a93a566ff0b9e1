import { generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';

/**
 * RSA 3072 with PKCS#1 v1.5 and SHA-256. Chosen over ECDSA P-256 (equal strength, faster to make)
 * because the same key signs PDF reports: every PDF validator (poppler/NSS pdfsig, Adobe Reader of
 * any age, the e-government checkers) and every PKCS#7/CMS signer in the JavaScript world accepts
 * RSA, while node-forge — behind the usual @signpdf signer — cannot sign with ECDSA at all.
 * Generating the key takes about half a second, once per reviewer.
 */
export const KEY_BITS = 3072;
export const SIGNATURE_ALGORITHM = 'RSASSA-PKCS1-v1_5-SHA256';
export const NODE_DIGEST = 'sha256';

/** The same algorithm in WebCrypto terms, for @peculiar/x509. */
export const WEBCRYPTO_ALGORITHM = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: KEY_BITS,
} as const;

export interface SigningKeyPair {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

const generateKeyPairAsync = promisify(generateKeyPair);

/** Made off the main thread by OpenSSL, so the window stays responsive meanwhile. */
export async function generateSigningKeyPair(): Promise<SigningKeyPair> {
  return generateKeyPairAsync('rsa', { modulusLength: KEY_BITS, publicExponent: 0x10001 });
}
