import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { prepareInsert, prepareSelect } from '@core/db/table-statements';
import { PROJECT_TYPES } from '@shared/domain/enums';
import { bool, code, defineTable, extra, fen, int, names, text } from '@shared/records/table';

/** A test-local record, declared the way shared/records/stored-records.ts declares the real ones. */
const columns = {
  rowNo: int('row_no'),
  title: text('title'),
  price: fen('price_fen'),
  tier: code('tier', PROJECT_TYPES).nullable(),
  domestic: bool('domestic').nullable(),
  attachments: names('attachments'),
  extra: extra('extra'),
};
const widgetsV1 = defineTable('widgets', ['owner_pk'], columns);

/** The one edit a new field takes: a line in the declaration… */
const widgetsV2 = defineTable('widgets', ['owner_pk'], { ...columns, discount: fen('discount_fen').nullable() });

/** …plus the migration that adds its column. */
function migrateToV2(db: Database.Database) {
  db.exec('ALTER TABLE widgets ADD COLUMN discount_fen INTEGER');
}

function freshDb(): Database.Database {
  const db = new Database(':memory:');
  db.exec(`CREATE TABLE widgets (pk INTEGER PRIMARY KEY, owner_pk INTEGER NOT NULL, row_no INTEGER NOT NULL, title TEXT NOT NULL,
    price_fen INTEGER NOT NULL, tier TEXT, domestic INTEGER, attachments TEXT NOT NULL, extra TEXT NOT NULL) STRICT`);
  return db;
}

describe('a record declared once', () => {
  it('stores and reads a record with its at-rest encodings and answers the API shape', () => {
    const db = freshDb();
    const record = {
      rowNo: 3,
      title: '数控机床',
      price: 1_234_567,
      tier: 'line' as const,
      domestic: true,
      attachments: ['合同.pdf', '发票.xml'],
      extra: { 备注: '分两批到货' },
    };
    prepareInsert(db, widgetsV1).run({ owner_pk: 7 }, record);
    expect(db.prepare('SELECT row_no, title, price_fen, tier, domestic, attachments, extra FROM widgets').get()).toEqual({
      row_no: 3,
      title: '数控机床',
      price_fen: 1_234_567,
      tier: 'line',
      domestic: 1,
      attachments: '合同.pdf;发票.xml',
      extra: '{"备注":"分两批到货"}',
    });
    const [back] = prepareSelect<typeof widgetsV1, [number]>(db, widgetsV1, 'WHERE owner_pk = ?').all(7);
    expect(back).toEqual(record);
    const api = widgetsV1.apiSchema.parse(widgetsV1.toApi(record));
    expect(api).toMatchObject({ price: '12345.67', tier: 'line', domestic: true, attachments: ['合同.pdf', '发票.xml'] });
    expect(widgetsV1.recordSchema.parse(record)).toEqual(record);
    // A code outside its closed list is refused by the schemas.
    expect(widgetsV1.apiSchema.safeParse({ ...api, tier: '点' }).success).toBe(false);
  });

  it('takes a new field end to end with one declaration line and one migration', () => {
    const db = freshDb();
    prepareInsert(db, widgetsV1).run({ owner_pk: 1 }, { rowNo: 1, title: '旧行', price: 100, tier: null, domestic: null, attachments: [], extra: {} });
    migrateToV2(db);
    const insert = prepareInsert(db, widgetsV2);
    insert.run({ owner_pk: 1 }, { rowNo: 2, title: '新行', price: 50_000, tier: 'point', domestic: false, attachments: [], extra: {}, discount: 2_500 });
    const select = prepareSelect<typeof widgetsV2, [number]>(db, widgetsV2, 'WHERE owner_pk = ? ORDER BY row_no');
    const rows = select.all(1);
    expect(rows.map((r) => [r.title, r.discount])).toEqual([
      ['旧行', null],
      ['新行', 2_500],
    ]);
    const api = select.api(1).map((row) => widgetsV2.apiSchema.parse(row));
    expect(api.map((r) => [r.price, r.discount])).toEqual([
      ['1.00', null],
      ['500.00', '25.00'],
    ]);
    // The older declaration still reads the table: its explicit column list ignores the new column.
    expect(prepareSelect<typeof widgetsV1, [number]>(db, widgetsV1, 'WHERE owner_pk = ? ORDER BY row_no').all(1)).toHaveLength(2);
  });

  it('upserts by a conflict key with every other column updated', () => {
    const db = freshDb();
    db.exec('CREATE UNIQUE INDEX widgets_by_title ON widgets (owner_pk, title)');
    const upsert = prepareInsert(db, widgetsV1, { conflict: ['owner_pk', 'title'], returning: 'pk' });
    const first = upsert.get<{ pk: number }>({ owner_pk: 1 }, { rowNo: 1, title: 'A', price: 1, tier: null, domestic: null, attachments: [], extra: {} });
    const second = upsert.get<{ pk: number }>({ owner_pk: 1 }, { rowNo: 9, title: 'A', price: 2, tier: null, domestic: true, attachments: ['x'], extra: {} });
    expect(second.pk).toBe(first.pk);
    expect(prepareSelect<typeof widgetsV1, []>(db, widgetsV1, '').all()).toEqual([
      { rowNo: 9, title: 'A', price: 2, tier: null, domestic: true, attachments: ['x'], extra: {} },
    ]);
  });
});
