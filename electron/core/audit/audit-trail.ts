import type Database from 'better-sqlite3';
import type { AuditAction } from '@shared/audit/audit-action';
import { createActingReviewer } from '../reviewers/acting-reviewer';
import { createChainedAuditLog } from './audit-chain-store';

export interface AuditEvent {
  readonly action: AuditAction;
  readonly subject: string;
  readonly details?: Record<string, unknown>;
}

/**
 * Appends to the chained 操作记录 as whoever acts on this folder (see acting-reviewer.ts). Call
 * inside the transaction of the change it records, so the change and its entry stand or fall together.
 */
export function createAuditTrail(db: Database.Database, now: () => Date) {
  const log = createChainedAuditLog(db, now);
  const acting = createActingReviewer(db);
  return {
    record: (event: AuditEvent) => log.record({ ...acting.actor(), ...event }),
  };
}

export type AuditTrail = ReturnType<typeof createAuditTrail>;
