import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations, readSchemaVersion } from '@core/db/migrate';
import { migrations } from '@core/db/migrations';
import { migration0007 } from '@core/db/migrations/0007-scores-and-recusals';

const HASH = 'a'.repeat(64);

/** Every registered migration up to 0007. */
function migrated(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  applyMigrations(
    db,
    migrations.filter((m) => m.version <= 7),
    7,
  );
  expect(migrations[6]).toBe(migration0007);
  db.prepare("INSERT INTO rubric_versions VALUES (?, 'xiamen-2024-acceptance', 1, '{}', NULL, '2026-11-26T00:00:00Z', 'r1')").run(HASH);
  return db;
}

const sheet = "INSERT INTO project_scores (batch_id, project_id, reviewer_id, rubric_hash, verdict, opinion, updated_at) VALUES ('B1', 'P1', 'r1', ?, ?, '', 't')";
const item =
  "INSERT INTO item_scores (batch_id, project_id, reviewer_id, item_id, score_halves, comment, attachment, page, updated_at) VALUES ('B1', 'P1', 'r1', ?, ?, '', ?, ?, 't')";

describe('0007 scores and recusals', () => {
  it('applies on top of 0001–0006 and adds its tables', () => {
    const db = migrated();
    expect(readSchemaVersion(db)).toBe(7);
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .all()
      .map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['rubric_versions', 'batch_rubrics', 'recusals', 'project_scores', 'item_scores', 'invoice_decisions']));
  });

  it('stores half points as integers, refuses out-of-range scores, unknown verdicts and rubric versions', () => {
    const db = migrated();
    db.prepare(sheet).run(HASH, 'basic-pass');
    db.prepare(item).run('evidence', 37, '合同.pdf', 3);
    expect(db.prepare('SELECT score_halves / 2.0 AS score FROM item_scores').get()).toEqual({ score: 18.5 });
    expect(() => db.prepare(item).run('too-high', 201, null, null)).toThrow(/CHECK/);
    expect(() => db.prepare(item).run('page-without-file', 10, null, 2)).toThrow(/CHECK/);
    expect(() => db.prepare(item).run('text', '18.5', null, null)).toThrow();
    // A comment typed before its score is kept with no score.
    expect(() => db.prepare(item).run('comment-first', null, null, null)).not.toThrow();
    expect(() => db.prepare(sheet.replace("'P1'", "'P2'")).run(HASH, '优秀')).toThrow(/CHECK/);
    expect(() => db.prepare(sheet.replace("'P1'", "'P3'")).run('b'.repeat(64), null)).toThrow(/FOREIGN KEY/);
  });

  it('keeps one sheet per reviewer and project, removing its items with it', () => {
    const db = migrated();
    db.prepare(sheet).run(HASH, null);
    db.prepare(item).run('evidence', 40, null, null);
    expect(() => db.prepare(sheet).run(HASH, 'pass')).toThrow(/UNIQUE/);
    db.prepare("DELETE FROM project_scores WHERE reviewer_id = 'r1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM item_scores').get()).toEqual({ n: 0 });
  });

  it('keeps scores and recusals when a re-import removes and re-creates the project rows', () => {
    const db = migrated();
    db.prepare("INSERT INTO batches VALUES ('B1', '验收', 'xiamen-2024', 'acceptance', '厦门市工业和信息化局', '2026-10-15', 't', 'ab')").run();
    db.prepare(
      "INSERT INTO projects (pk, batch_id, project_id, name, applicant, credit_code) VALUES (1, 'B1', 'P1', '智能产线', '厦门某某公司', '914400007556190127')",
    ).run();
    db.prepare(sheet).run(HASH, 'pass');
    db.prepare("INSERT INTO recusals VALUES ('B1', 'P1', 'r2', 'family', '', 't')").run();
    db.prepare('DELETE FROM projects WHERE pk = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM project_scores').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM recusals').get()).toEqual({ n: 1 });
  });

  it('requires a note for a recusal of kind “other” and refuses unknown kinds', () => {
    const db = migrated();
    expect(() => db.prepare("INSERT INTO recusals VALUES ('B1', 'P1', 'r1', 'other', '  ', 't')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO recusals VALUES ('B1', 'P1', 'r1', 'friend', '', 't')").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO recusals VALUES ('B1', 'P1', 'r1', 'other', '曾为该企业提供咨询', 't')").run();
    db.prepare("INSERT INTO recusals VALUES ('B1', 'P2', 'r1', 'none', '', 't')").run();
  });

  it('finds a project’s item scores through an index (the consolidation matrix)', () => {
    const db = migrated();
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT reviewer_id, item_id, score_halves FROM item_scores WHERE batch_id = 'B1' AND project_id = 'P1'").all() as {
      detail: string;
    }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/item_scores_by_project|sqlite_autoindex_item_scores/u);
  });
});
