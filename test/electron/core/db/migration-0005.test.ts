import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '@core/db/migrate';
import { migrations } from '@core/db/migrations';
import { INVOICE_FINGERPRINT_VERSION } from '@core/verification/invoice-fingerprint';
import { createProjectLoader } from '@core/verification/load-project';

/** The fingerprint decisions carried up to schema version 4: the whole row but pk, project_pk and row_no. */
function versionOne(db: Database.Database, rowNo: number): string {
  const { pk: _pk, project_pk: _p, row_no: _r, ...content } = db.prepare('SELECT * FROM invoices WHERE row_no = ?').get(rowNo) as Record<string, unknown>;
  return crypto.createHash('sha1').update(JSON.stringify(content)).digest('hex');
}

function atVersionFour(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  applyMigrations(db, migrations, 4);
  db.prepare("INSERT INTO batches VALUES ('B', '验收', 'xiamen-2024', 'acceptance', '工信局', '2026-10-15', '2026-11-01T00:00:00Z', 'ab')").run();
  db.prepare("INSERT INTO projects (pk, batch_id, project_id, name, applicant, credit_code) VALUES (1, 'B', 'P', '智能产线', '某公司', '914400007556190127')").run();
  const invoice = db.prepare(`INSERT INTO invoices (project_pk, row_no, invoice_key, number, issued_on, kind, seller_name, seller_tax_id, buyer_name,
    buyer_tax_id, item_name, amount_fen, tax_rate, tax_fen, total_fen, contract_no) VALUES (1, ?, ?, ?, '2025-03-01', '数电专票', '甲公司', 'S', '某公司', 'B', '设备', ?, '0.13', ?, ?, 'HT-1')`);
  invoice.run(3, 'K1', 'K1', 100_000, 13_000, 113_000);
  invoice.run(4, 'K2', 'K2', 200_000, 26_000, 226_000);
  invoice.run(5, 'K1', 'K1', 50_000, 6_500, 56_500); // the key again: its second occurrence
  return db;
}

const decide = (db: Database.Database, key: string, occurrence: number, fingerprint: string) =>
  db
    .prepare(
      "INSERT INTO invoice_decisions (batch_id, project_id, invoice_key, occurrence, kind, reviewer, decided_at, row_fingerprint) VALUES ('B', 'P', ?, ?, 'accept', '张工', '2026-11-20', ?)",
    )
    .run(key, occurrence, fingerprint);

const stored = (db: Database.Database) =>
  db
    .prepare(
      'SELECT invoice_key AS key, occurrence, row_fingerprint AS fingerprint, fingerprint_version AS version FROM invoice_decisions ORDER BY invoice_key, occurrence',
    )
    .all() as {
    key: string;
    occurrence: number;
    fingerprint: string;
    version: number;
  }[];

describe('0005 decision fingerprint version', () => {
  it('re-fingerprints current decisions and leaves stale ones stale', () => {
    const db = atVersionFour();
    decide(db, 'K1', 1, versionOne(db, 3)); // current
    decide(db, 'K2', 1, versionOne(db, 4)); // current, then the row changes: stale
    decide(db, 'K1', 2, versionOne(db, 5)); // current, second occurrence
    decide(db, 'K9', 1, 'gone'); // its invoice is no longer in the batch
    db.prepare('UPDATE invoices SET amount_fen = 210000 WHERE row_no = 4').run();
    const before = versionOne(db, 4);

    applyMigrations(db, migrations, 5);
    const byKey = new Map(stored(db).map((d) => [`${d.key}#${String(d.occurrence)}`, d]));
    // The loader reads today's schema; later migrations leave the invoices' content as it was.
    applyMigrations(db, migrations);
    const current = createProjectLoader(db).fingerprints(1);
    expect(byKey.get('K1#1')).toEqual({ key: 'K1', occurrence: 1, fingerprint: current.get(3), version: INVOICE_FINGERPRINT_VERSION });
    expect(byKey.get('K1#2')).toEqual({ key: 'K1', occurrence: 2, fingerprint: current.get(5), version: INVOICE_FINGERPRINT_VERSION });
    // Stale stays stale: old version, a fingerprint no current one equals.
    expect(byKey.get('K2#1')?.version).toBe(1);
    expect(byKey.get('K2#1')?.fingerprint).not.toBe(current.get(4));
    expect(byKey.get('K2#1')?.fingerprint).not.toBe(before);
    expect(byKey.get('K9#1')).toMatchObject({ fingerprint: 'gone', version: 1 });
  });

  it('makes the fingerprint independent of columns added to invoices later', () => {
    const db = atVersionFour();
    applyMigrations(db, migrations);
    const loader = createProjectLoader(db);
    const before = loader.fingerprints(1);
    db.exec("ALTER TABLE invoices ADD COLUMN remark TEXT NOT NULL DEFAULT ''");
    db.prepare("UPDATE invoices SET remark = '后补的说明'").run();
    expect(createProjectLoader(db).fingerprints(1)).toEqual(before);
  });
});
