import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '@core/db/migrate';
import { migrations } from '@core/db/migrations';
import { prepareDelete, prepareInsert, prepareSelect } from '@core/db/table-statements';
import * as panel from '@shared/records/panel-records';
import type { Table } from '@shared/records/table';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any declared table
const tables = Object.values(panel).filter((v): v is Table<any> => typeof v === 'object' && v !== null && 'columns' in v && 'scope' in v);

function migrated(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  applyMigrations(db, migrations);
  return db;
}

describe('the panel records declared once', () => {
  it('declare exactly the columns the migrated tables have, scope included', () => {
    const db = migrated();
    expect(tables.map((t) => t.name).sort()).toEqual(
      [
        'batch_consolidation',
        'batch_rubrics',
        'expert_file_exports',
        'expert_files',
        'item_scores',
        'panel_opinions',
        'pending_expert_files',
        'project_scores',
        'recusals',
        'rubric_versions',
      ].sort(),
    );
    for (const table of tables) {
      const actual = db.prepare<[], string>(`SELECT name FROM pragma_table_info('${table.name}')`).pluck().all().sort();
      const declared = [...table.scope, ...Object.values(table.columns).map((c) => (c as { db: string }).db)].sort();
      expect({ table: table.name, columns: declared }).toEqual({ table: table.name, columns: actual });
    }
  });

  it('keeps an item score as integer half points at rest and a decimal string in the record', () => {
    const db = migrated();
    prepareInsert(db, panel.rubricVersionsTable).run(
      {},
      { hash: 'a'.repeat(64), rubricId: 'r', version: 1, json: '{}', derivedFrom: null, createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'machine' },
    );
    const scope = { batch_id: 'B1' };
    prepareInsert(db, panel.projectScoresTable).run(scope, {
      projectId: 'P1',
      reviewerId: 'e1',
      rubricHash: 'a'.repeat(64),
      verdict: 'basic-pass',
      opinion: '基本达到验收要求',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    const item = { projectId: 'P1', reviewerId: 'e1', itemId: 'invest', score: '18.5', comment: '', attachment: null, page: null, updatedAt: '2026-01-01T00:00:00.000Z' };
    prepareInsert(db, panel.itemScoresTable, { conflict: ['batch_id', 'project_id', 'reviewer_id', 'item_id'] }).run(scope, item);
    expect(db.prepare('SELECT score_halves FROM item_scores').pluck().get()).toBe(37);
    expect(prepareSelect<typeof panel.itemScoresTable, [string]>(db, panel.itemScoresTable, 'WHERE batch_id = ?').all('B1')).toEqual([item]);
    // A version stored again keeps its first record (content-addressed, ON CONFLICT DO NOTHING).
    prepareInsert(db, panel.rubricVersionsTable, { conflict: ['hash'], ignore: true }).run(
      {},
      { hash: 'a'.repeat(64), rubricId: 'r', version: 1, json: '{}', derivedFrom: null, createdAt: '2027-01-01T00:00:00.000Z', createdBy: 'other' },
    );
    expect(db.prepare('SELECT created_by FROM rubric_versions').pluck().get()).toBe('machine');
    // Deleting the sheet takes its items with it.
    expect(prepareDelete<[string]>(db, panel.projectScoresTable, 'WHERE batch_id = ?').run('B1')).toBe(1);
    expect(db.prepare('SELECT count(*) FROM item_scores').pluck().get()).toBe(0);
  });
});
