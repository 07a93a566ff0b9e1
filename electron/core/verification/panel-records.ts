import type Database from 'better-sqlite3';
import { fenToMoney, moneyToFen } from '@shared/domain/fen';
import type { RuleSet } from '@shared/rules';
import type { AwardContext } from './project-award';

export type AdvanceStage = 'application' | 'midterm';
export type CheckStatus = 'met' | 'not-met';

/**
 * Bumped on every write by this process, per database: cached award computations include it in
 * their version, as a write by another connection changes SQLite's data_version.
 */
const revisions = new WeakMap<Database.Database, number>();
export function panelRecordsRevision(db: Database.Database): number {
  return revisions.get(db) ?? 0;
}
const bump = (db: Database.Database) => revisions.set(db, panelRecordsRevision(db) + 1);

export interface StoredCheck {
  conditionId: string;
  ruleSetId: string;
  status: CheckStatus;
  note: string;
  recordedBy: string | null;
  recordedAt: string;
}

/**
 * What the panel records about a project besides invoice decisions (migration 0008): the advances
 * already paid and the confirmations of conditions the software cannot compute. Writes belong in
 * the caller's transaction, with their audit entry.
 */
export function createPanelRecords(db: Database.Database) {
  const advances = db.prepare<[string, string], { stage: AdvanceStage; amount_fen: number }>(
    'SELECT stage, amount_fen FROM project_advances WHERE batch_id = ? AND project_id = ? ORDER BY stage',
  );
  const saveAdvance = db.prepare(
    `INSERT INTO project_advances (batch_id, project_id, stage, amount_fen, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (batch_id, project_id, stage) DO UPDATE SET amount_fen = excluded.amount_fen, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at`,
  );
  const checks = db.prepare<
    [string, string],
    { condition_id: string; rule_set_id: string; status: CheckStatus; note: string; recorded_by: string | null; recorded_at: string }
  >('SELECT condition_id, rule_set_id, status, note, recorded_by, recorded_at FROM condition_checks WHERE batch_id = ? AND project_id = ?');
  const saveCheck = db.prepare(
    `INSERT INTO condition_checks (batch_id, project_id, condition_id, rule_set_id, status, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (batch_id, project_id, condition_id) DO UPDATE SET rule_set_id = excluded.rule_set_id, status = excluded.status, note = excluded.note,
       recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at`,
  );
  const clearCheck = db.prepare('DELETE FROM condition_checks WHERE batch_id = ? AND project_id = ? AND condition_id = ?');

  function advancesOf(batchId: string, projectId: string): { application: string | null; midterm: string | null; total: string | null } {
    const rows = advances.all(batchId, projectId);
    const of = (stage: AdvanceStage) => {
      const row = rows.find((r) => r.stage === stage);
      return row ? fenToMoney(row.amount_fen) : null;
    };
    return { application: of('application'), midterm: of('midterm'), total: rows.length === 0 ? null : fenToMoney(rows.reduce((sum, r) => sum + r.amount_fen, 0)) };
  }

  function checksOf(batchId: string, projectId: string): StoredCheck[] {
    return checks.all(batchId, projectId).map((r) => ({
      conditionId: r.condition_id,
      ruleSetId: r.rule_set_id,
      status: r.status,
      note: r.note,
      recordedBy: r.recorded_by,
      recordedAt: r.recorded_at,
    }));
  }

  return {
    advancesOf,
    checksOf,
    recordAdvance(batchId: string, projectId: string, stage: AdvanceStage, amount: string, recordedBy: string | null, at: string): void {
      saveAdvance.run(batchId, projectId, stage, moneyToFen(amount), recordedBy, at);
      bump(db);
    },
    recordCheck(
      batchId: string,
      projectId: string,
      ruleSetId: string,
      conditionId: string,
      status: CheckStatus | null,
      note: string,
      recordedBy: string | null,
      at: string,
    ): void {
      if (status === null) clearCheck.run(batchId, projectId, conditionId);
      else saveCheck.run(batchId, projectId, conditionId, ruleSetId, status, note, recordedBy, at);
      bump(db);
    },
    /** The advances paid and the facts the panel's confirmations answer, for computing the award. */
    awardContext(ruleSet: RuleSet, batchId: string, projectId: string): AwardContext {
      const confirmedFacts: Record<string, boolean> = {};
      const stored = checksOf(batchId, projectId);
      for (const check of ruleSet.conditionChecks) {
        const found = stored.find((s) => s.conditionId === check.id);
        if (check.fact !== undefined && found) confirmedFacts[check.fact] = found.status === 'met';
      }
      return { advancesPaid: advancesOf(batchId, projectId).total, confirmedFacts };
    },
  };
}

export type PanelRecords = ReturnType<typeof createPanelRecords>;
