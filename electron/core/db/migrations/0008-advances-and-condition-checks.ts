import type { Migration } from '../migration';

/**
 * What a panel records about a project beyond its invoices, for the stage rules of the policies.
 *
 * - project_advances: the advances already paid on a project (预拨资金), per stage (立项 30%, 中期
 *   20% under Xiamen §五(四)). At 竣工验收 the remainder is the award less these; a refund is due
 *   when the award falls below them. Amounts in integer fen.
 * - condition_checks: the panel's confirmation of an eligibility condition the software cannot
 *   compute (资格条件核查表), by the condition's id in the rule set: met / not met, with a note.
 *
 * Like invoice decisions both are keyed by the batch's and project's natural ids, never by row ids,
 * so re-importing a later version of the package never deletes what the panel recorded.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'advances-and-condition-checks',
  up(db) {
    db.exec(`
      CREATE TABLE project_advances (
        batch_id TEXT NOT NULL,
        project_id TEXT NOT NULL,
        stage TEXT NOT NULL CHECK (stage IN ('application', 'midterm')),
        amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
        recorded_by TEXT,
        recorded_at TEXT NOT NULL,
        PRIMARY KEY (batch_id, project_id, stage)
      );
      CREATE TABLE condition_checks (
        batch_id TEXT NOT NULL,
        project_id TEXT NOT NULL,
        condition_id TEXT NOT NULL,
        rule_set_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('met', 'not-met')),
        note TEXT NOT NULL DEFAULT '',
        recorded_by TEXT,
        recorded_at TEXT NOT NULL,
        PRIMARY KEY (batch_id, project_id, condition_id)
      );
    `);
  },
};
