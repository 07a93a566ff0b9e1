import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations, readSchemaVersion } from '@core/db/migrate';
import { migrations } from '@core/db/migrations';
import { migration0008 } from '@core/db/migrations/0008-advances-and-condition-checks';

/** Every migration before 0008, then 0008 itself. */
function migrated(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  applyMigrations(db, [...migrations.filter((m) => m.version < 8), migration0008], 8);
  return db;
}

const advance = 'INSERT INTO project_advances (batch_id, project_id, stage, amount_fen, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)';
const check = 'INSERT INTO condition_checks (batch_id, project_id, condition_id, rule_set_id, status, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';

describe('0008 advances and condition checks', () => {
  it('reaches version 8 and keeps advances per project and stage, in fen', () => {
    const db = migrated();
    expect(readSchemaVersion(db)).toBe(8);
    db.prepare(advance).run('B1', 'P1', 'application', 300_000_000, '王评审', 't');
    db.prepare(advance).run('B1', 'P1', 'midterm', 200_000_000, '王评审', 't');
    expect(db.prepare('SELECT sum(amount_fen) AS total FROM project_advances WHERE batch_id = ? AND project_id = ?').get('B1', 'P1')).toEqual({ total: 500_000_000 });
    // One advance per stage; only 立项 and 中期 advance money; never negative.
    expect(() => db.prepare(advance).run('B1', 'P1', 'application', 1, null, 't')).toThrow(/UNIQUE/u);
    expect(() => db.prepare(advance).run('B1', 'P2', 'acceptance', 1, null, 't')).toThrow(/CHECK/u);
    expect(() => db.prepare(advance).run('B1', 'P3', 'midterm', -1, null, 't')).toThrow(/CHECK/u);
  });

  it('keeps one confirmation per project and condition, met or not met', () => {
    const db = migrated();
    db.prepare(check).run('B1', 'P1', 'key-project', 'xiamen-2024', 'met', '', '王评审', 't');
    expect(() => db.prepare(check).run('B1', 'P1', 'key-project', 'xiamen-2024', 'not-met', 'x', null, 't')).toThrow(/UNIQUE/u);
    expect(() => db.prepare(check).run('B1', 'P1', 'exit-mechanism', 'xiamen-2024', 'maybe', '', null, 't')).toThrow(/CHECK/u);
    // Keyed by natural ids, not project rows: a re-import that recreates projects keeps them.
    expect(db.prepare("SELECT count(*) AS n FROM pragma_foreign_key_list('condition_checks')").get()).toEqual({ n: 0 });
  });
});
