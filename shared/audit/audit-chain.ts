import { canonicalJson } from '../expert-file/canonical-json';

/**
 * The tamper-evident audit chain: every entry's hash covers the previous entry's hash and the
 * entry itself, so changing, inserting or removing an entry breaks every hash after it. The hash is
 * SHA-256 (hex) of the UTF-8 of the canonical JSON (RFC 8785) built here; the hash function is
 * passed in because shared/ has no crypto of its own (electron/core supplies Node's).
 *
 * Changing these fields or their spelling breaks every stored chain: treat as a file format.
 */
export const AUDIT_CHAIN_GENESIS = '0'.repeat(64);

export interface AuditChainEntry {
  readonly id: number;
  /** ISO 8601 time of the change. */
  readonly at: string;
  readonly actorId: string;
  /** The reviewer's name as it was at the time, so the record reads without looking anyone up. */
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  /** The details column as stored (JSON text). */
  readonly details: string;
}

export interface ChainedAuditEntry extends AuditChainEntry {
  readonly prevHash: string;
  readonly hash: string;
}

export type Sha256Hex = (text: string) => string;

/** Details are hashed by meaning, not spelling; text that is not JSON (never written by us) is hashed as text. */
function detailsValue(details: string): unknown {
  try {
    return JSON.parse(details) as unknown;
  } catch {
    return details;
  }
}

/** The exact text whose SHA-256 is an entry's hash. */
export function auditHashInput(prevHash: string, entry: AuditChainEntry): string {
  return canonicalJson({
    prevHash,
    id: entry.id,
    at: entry.at,
    actorId: entry.actorId,
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject,
    details: detailsValue(entry.details),
  });
}

export type AuditChainBreak = 'altered' | 'out-of-chain';

export type AuditChainVerdict =
  | { readonly intact: true; readonly entries: number; readonly headHash: string }
  | {
      readonly intact: false;
      readonly entries: number;
      /** The first entry whose hash no longer holds; everything before it is proven intact. */
      readonly firstBroken: { readonly id: number; readonly at: string; readonly reason: AuditChainBreak };
      readonly message: string;
    };

/**
 * Walks the entries in id order. `altered`: the entry's content no longer gives its hash.
 * `out-of-chain`: it does not follow the entry before it (one was removed or inserted in between).
 * Removing the newest entries leaves a shorter valid chain; `headHash` is what a signed report or
 * expert file can quote to pin the chain's end.
 */
export function verifyAuditChain(entries: Iterable<ChainedAuditEntry>, sha256: Sha256Hex): AuditChainVerdict {
  let previous = AUDIT_CHAIN_GENESIS;
  let count = 0;
  for (const entry of entries) {
    count += 1;
    const reason: AuditChainBreak | null = entry.prevHash !== previous ? 'out-of-chain' : sha256(auditHashInput(entry.prevHash, entry)) !== entry.hash ? 'altered' : null;
    if (reason !== null) {
      const what = reason === 'altered' ? '内容在记录后被改动' : '与前一条记录接不上（其前有记录被删除或插入）';
      return {
        intact: false,
        entries: count,
        firstBroken: { id: entry.id, at: entry.at, reason },
        message: `操作记录第 ${String(entry.id)} 条（${entry.at}）${what}，自该条起的记录不可信`,
      };
    }
    previous = entry.hash;
  }
  return { intact: true, entries: count, headHash: previous };
}
