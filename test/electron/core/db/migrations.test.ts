import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations, readSchemaVersion } from '@core/db/migrate';
import { LATEST_SCHEMA_VERSION, migrations } from '@core/db/migrations';

function freshDb(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  return db;
}

function tableNames(db: Database.Database): string[] {
  return db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .all()
    .map((row) => row.name);
}

describe('migration list', () => {
  it('numbers versions 1..n without gaps, so user_version always names the last one applied', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(migrations.length);
  });

  it('rolls back every pending migration when one of them fails', () => {
    const db = freshDb();
    const broken = [...migrations, { version: migrations.length + 1, name: 'broken', up: (d: Database.Database) => d.exec('CREATE TABLE oops (') }];
    expect(() => applyMigrations(db, broken)).toThrow();
    expect(readSchemaVersion(db)).toBe(0);
    expect(tableNames(db)).toEqual([]);
  });
});

describe('0001 settings and audit log', () => {
  it('creates settings and the audit log with its subject index', () => {
    const db = freshDb();
    applyMigrations(db, migrations, 1);
    expect(readSchemaVersion(db)).toBe(1);
    expect(tableNames(db)).toEqual(['audit_log', 'settings']);
    db.prepare("INSERT INTO audit_log (at, actor, action, subject) VALUES ('2026-01-01', '张三', '修改设置', 'settings')").run();
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM audit_log WHERE subject = 'settings' ORDER BY at").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('audit_log_by_subject');
    // STRICT tables refuse a wrongly typed value instead of storing it.
    expect(() => db.prepare("INSERT INTO audit_log (at, actor, action, subject) VALUES (1, 2, 3, x'00')").run()).toThrow();
  });
});

describe('0002 review data', () => {
  function migrated(): Database.Database {
    const db = freshDb();
    applyMigrations(db, migrations, 2);
    db.prepare(
      "INSERT INTO batches VALUES ('XM-2026-YS-01', '验收', 'xiamen-2024', 'acceptance', '厦门市工业和信息化局', '2026-10-15', '2026-11-01T00:00:00Z', 'ab')",
    ).run();
    db.prepare(
      "INSERT INTO projects (pk, batch_id, project_id, name, applicant, credit_code) VALUES (1, 'XM-2026-YS-01', 'XM2024-001', '智能产线', '厦门某某公司', '914400007556190127')",
    ).run();
    return db;
  }

  it('creates the package tables on top of 0001', () => {
    const db = migrated();
    expect(readSchemaVersion(db)).toBe(2);
    expect(tableNames(db)).toEqual(['attachments', 'audit_log', 'batches', 'contracts', 'import_log', 'indicators', 'invoices', 'payments', 'projects', 'settings']);
  });

  it('finds invoices by key through an index (duplicate detection across batches)', () => {
    const db = migrated();
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT project_pk FROM invoices WHERE invoice_key = '24442000000123456789'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('invoices_by_key');
  });

  it('removes a batch with everything in it, and refuses an unknown stage', () => {
    const db = migrated();
    db.prepare(
      "INSERT INTO invoices (project_pk, row_no, invoice_key, number, issued_on, kind, seller_name, seller_tax_id, buyer_name, buyer_tax_id, item_name, amount_fen, tax_rate, tax_fen, total_fen) VALUES (1, 3, 'k', '24442000000123456789', '2024-05-01', '数电专票', '卖方', 'x', '买方', 'y', '*计算机配套产品*服务器', 100000, '0.13', 13000, 113000)",
    ).run();
    db.prepare("DELETE FROM batches WHERE id = 'XM-2026-YS-01'").run();
    expect(db.prepare('SELECT count(*) AS n FROM invoices').get()).toEqual({ n: 0 });
    expect(() => db.prepare("INSERT INTO batches VALUES ('B2', 'n', 'p', 'final', 'i', 'd', 'd', 's')").run()).toThrow(/CHECK/);
  });

  it('refuses a project pointing at a batch that does not exist', () => {
    const db = migrated();
    expect(() => db.prepare("INSERT INTO projects (batch_id, project_id, name, applicant, credit_code) VALUES ('nope', 'P', 'n', 'a', 'c')").run()).toThrow(
      /FOREIGN KEY/,
    );
  });
});

describe('0003 imported rule sets', () => {
  it('keeps one stored rule set per id', () => {
    const db = freshDb();
    applyMigrations(db, migrations, 3);
    db.prepare("INSERT INTO imported_rule_sets VALUES ('qingdao-2026', '{}', 'rules.json', '2026-11-22')").run();
    expect(() => db.prepare("INSERT INTO imported_rule_sets VALUES ('qingdao-2026', '{}', 'again.json', '2026-11-22')").run()).toThrow(/UNIQUE/);
  });
});

describe('0004 invoice decisions', () => {
  function migrated(): Database.Database {
    const db = freshDb();
    applyMigrations(db, migrations, 4);
    return db;
  }
  const insert = (db: Database.Database, kind: string, amount: number | null, reason: string) =>
    db
      .prepare(
        "INSERT INTO invoice_decisions (batch_id, project_id, invoice_key, kind, amount_fen, reason, reviewer, decided_at, row_fingerprint) VALUES ('B', 'P', ?, ?, ?, ?, '张工', '2026-11-22', 'f')",
      )
      .run(`${kind}-${String(amount)}-${reason}`, kind, amount, reason);

  it('requires an amount for 核减 and a reason for anything but 认定', () => {
    const db = migrated();
    expect(() => insert(db, 'accept', null, '')).not.toThrow();
    expect(() => insert(db, 'reduce', null, '超出合同')).toThrow(/CHECK/);
    expect(() => insert(db, 'reduce', 100, '')).toThrow(/CHECK/);
    expect(() => insert(db, 'reject', null, '')).toThrow(/CHECK/);
    expect(() => insert(db, 'reject', null, '重复申报')).not.toThrow();
    expect(() => insert(db, 'approve', null, 'x')).toThrow(/CHECK/);
  });

  it('holds one current decision per invoice occurrence', () => {
    const db = migrated();
    const row =
      "INSERT INTO invoice_decisions (batch_id, project_id, invoice_key, occurrence, kind, reviewer, decided_at, row_fingerprint) VALUES ('B', 'P', 'K', ?, 'accept', 'r', 'd', 'f')";
    db.prepare(row).run(1);
    db.prepare(row).run(2);
    expect(() => db.prepare(row).run(1)).toThrow(/UNIQUE/);
  });
});
