import { createHash } from 'node:crypto';
import { auditHashInput, type AuditChainEntry, type Sha256Hex } from '@shared/audit/audit-chain';

export const sha256Hex: Sha256Hex = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The hash stored with an audit entry: SHA-256 over the previous hash and the entry (shared/audit/audit-chain.ts). */
export function auditEntryHash(prevHash: string, entry: AuditChainEntry): string {
  return sha256Hex(auditHashInput(prevHash, entry));
}
