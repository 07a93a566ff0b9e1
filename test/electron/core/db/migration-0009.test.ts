import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations, readSchemaVersion } from '@core/db/migrate';
import { migrations } from '@core/db/migrations';

/** A database at 0007 with a contract imported before 约定尾款 existed. */
function before0009(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  applyMigrations(
    db,
    migrations.filter((m) => m.version <= 7),
    7,
  );
  db.prepare(
    "INSERT INTO batches VALUES ('XM-2026-YS-01', '验收', 'xiamen-2024', 'acceptance', '厦门市工业和信息化局', '2026-10-15', '2026-11-01T00:00:00Z', 'ab')",
  ).run();
  db.prepare(
    "INSERT INTO projects (pk, batch_id, project_id, name, applicant, credit_code) VALUES (1, 'XM-2026-YS-01', 'XM2024-001', '智能产线', '厦门某某公司', '914400007556190127')",
  ).run();
  db.prepare(
    "INSERT INTO contracts (project_pk, row_no, contract_no, name, supplier_name, signed_on, amount_fen, category) VALUES (1, 2, 'HT-1', '设备采购', '某供应商', '2024-03-01', 113000000, '设备')",
  ).run();
  return db;
}

const insert =
  'INSERT INTO data_corrections (batch_id, project_id, reviewer_id, target, target_key, occurrence, field, old_value, new_value, reason, evidence, reviewer, corrected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

describe('0009 corrections and agreed tail', () => {
  it('adds 约定尾款 to contracts, empty for contracts imported before, and the corrections table', () => {
    const db = before0009();
    applyMigrations(
      db,
      migrations.filter((m) => m.version <= 9),
      9,
    );
    expect(readSchemaVersion(db)).toBe(9);
    expect(db.prepare('SELECT agreed_tail FROM contracts').get()).toEqual({ agreed_tail: '' });
    db.prepare(insert).run(
      'XM-2026-YS-01',
      'XM2024-001',
      'r1',
      'invoice',
      '24352000000000000001',
      1,
      'issuedOn',
      '2023-12-31',
      '2024-01-03',
      '附件发票日期',
      '发票-0001.pdf#1',
      '陈立新',
      't',
    );
    db.prepare(insert).run(
      'XM-2026-YS-01',
      'XM2024-001',
      'r2',
      'invoice',
      '24352000000000000001',
      1,
      'issuedOn',
      '2023-12-31',
      '2024-01-04',
      '另一位评审人',
      '',
      '李明',
      't',
    );
    expect(db.prepare('SELECT count(*) AS n FROM data_corrections').get()).toEqual({ n: 2 });
  });

  it('keeps one correction per reviewer, row and field, and refuses a correction without a reason or target', () => {
    const db = before0009();
    applyMigrations(
      db,
      migrations.filter((m) => m.version <= 9),
      9,
    );
    const row = ['B', 'P', 'r1', 'contract', 'HT-1', 1, 'agreedTail', '', '10%', '合同第 8 条', '合同.pdf#5', '陈立新', 't'];
    db.prepare(insert).run(...row);
    expect(() => db.prepare(insert).run(...row)).toThrow(/UNIQUE/u);
    expect(() => db.prepare(insert).run('B', 'P', 'r1', 'contract', 'HT-1', 1, 'category', '其他', '设备', '', '', '陈立新', 't')).toThrow(/CHECK/u);
    expect(() => db.prepare(insert).run('B', 'P', 'r1', 'payment', 'FK-1', 1, 'amount', '1', '2', '理由', '', '陈立新', 't')).toThrow(/CHECK/u);
    expect(() => db.prepare(insert).run('B', 'P', 'r1', 'invoice', 'K', 0, 'amount', '1', '2', '理由', '', '陈立新', 't')).toThrow(/CHECK/u);
  });
});
