import type Database from 'better-sqlite3';
import type { AuditAction } from '@shared/audit/audit-action';
import { AUDIT_CHAIN_GENESIS, verifyAuditChain, type AuditChainVerdict, type ChainedAuditEntry } from '@shared/audit/audit-chain';
import { auditEntryHash, sha256Hex } from './audit-hash';

/** A change to record, by whom (reviewer id and their name at the time). */
export interface ChainedAuditRecord {
  readonly actorId: string;
  readonly actor: string;
  readonly action: AuditAction;
  readonly subject: string;
  readonly details?: Record<string, unknown>;
}

/**
 * Appends to the chained audit log (schema of migration 6). Call inside the transaction of the
 * change it records. Reading the head and inserting happen in one write transaction, and
 * `prev_hash` is UNIQUE, so two writers (the app and the CLI on the same folder) can never fork the
 * chain: the second one fails and its change is rolled back with it.
 */
export function createChainedAuditLog(db: Database.Database, now: () => Date) {
  const head = db.prepare<[], { id: number; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
  const insert = db.prepare(
    'INSERT INTO audit_log (id, at, actor_id, actor, action, subject, details, prev_hash, hash) VALUES (@id, @at, @actorId, @actor, @action, @subject, @details, @prevHash, @hash)',
  );
  const append = db.transaction((record: ChainedAuditRecord): ChainedAuditEntry => {
    const last = head.get();
    const prevHash = last?.hash ?? AUDIT_CHAIN_GENESIS;
    const entry = {
      id: (last?.id ?? 0) + 1,
      at: now().toISOString(),
      actorId: record.actorId,
      actor: record.actor,
      action: record.action,
      subject: record.subject,
      details: JSON.stringify(record.details ?? {}),
    };
    const chained = { ...entry, prevHash, hash: auditEntryHash(prevHash, entry) };
    insert.run(chained);
    return chained;
  });
  return { record: (record: ChainedAuditRecord): ChainedAuditEntry => append(record) };
}

/** Walks the whole stored chain (streamed, so a long record does not fill memory); `jigai audit verify` and 操作记录 use it. */
export function verifyStoredAuditChain(db: Database.Database): AuditChainVerdict {
  const rows = db
    .prepare<[], ChainedAuditEntry>('SELECT id, at, actor_id AS actorId, actor, action, subject, details, prev_hash AS prevHash, hash FROM audit_log ORDER BY id')
    .iterate();
  return verifyAuditChain(rows, sha256Hex);
}
