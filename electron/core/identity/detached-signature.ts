import { sign, verify, type KeyObject } from 'node:crypto';
import { certificatePublicKey } from './certificate';
import { NODE_DIGEST } from './signing-algorithm';

/** A signature kept apart from the bytes it covers (RSASSA-PKCS1-v1_5 over SHA-256). */
export function signDetached(bytes: Uint8Array, privateKey: KeyObject): Buffer {
  return sign(NODE_DIGEST, bytes, privateKey);
}

/** False for altered bytes, another signer's certificate or a damaged signature; throws only for an unreadable certificate. */
export function verifyDetached(bytes: Uint8Array, signature: Uint8Array, certificatePem: string): boolean {
  return verify(NODE_DIGEST, bytes, certificatePublicKey(certificatePem), signature);
}
