import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations, readSchemaVersion } from '@core/db/migrate';
import { migrations } from '@core/db/migrations';
import { createInspectionStore } from '@core/inspection/inspection-store';
import * as inspection from '@shared/records/inspection-records';
import type { Table } from '@shared/records/table';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any declared table
const tables = Object.values(inspection).filter((v): v is Table<any> => typeof v === 'object' && v !== null && 'columns' in v && 'scope' in v);

function migrated(upTo = 10): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  applyMigrations(
    db,
    migrations.filter((m) => m.version <= upTo),
    upTo,
  );
  return db;
}

const PHOTO = 'a'.repeat(64);
const photo = {
  sha256: PHOTO,
  fileName: '铭牌.jpg',
  mime: 'image/jpeg' as const,
  size: 1000,
  width: 1600,
  height: 1200,
  takenAt: '2026-11-26T10:32:05',
  addedAt: 't',
  addedBy: 'r1',
  thumbnailSha256: 'b'.repeat(64),
};
const observation = (reviewerId: string, photos: string[]) => ({
  lineId: '16480584da196cfb',
  reviewerId,
  reviewerName: reviewerId === 'r1' ? '陈立新' : '王海',
  status: 'different' as const,
  quantitySeen: '2',
  modelSeen: 'VMC850',
  serialNumber: null,
  note: '',
  observedAt: '2026-11-26T02:32:05Z',
  photos,
});

describe('0010 site inspection', () => {
  it('adds the inspection tables on a database of version 9, leaving what was there', () => {
    const db = migrated(9);
    db.prepare("INSERT INTO batches VALUES ('B', '验收', 'xiamen-2024', 'acceptance', '厦门市工业和信息化局', '2026-10-15', 't', 'ab')").run();
    applyMigrations(db, migrations, 10);
    expect(readSchemaVersion(db)).toBe(10);
    expect(db.prepare('SELECT count(*) AS n FROM batches').get()).toEqual({ n: 1 });
    const names = db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'inspection_%' ORDER BY name").pluck().all();
    expect(names).toEqual(['inspection_indicator_observations', 'inspection_line_observations', 'inspection_observation_photos', 'inspection_photos']);
  });

  it('declares the records once with exactly the columns the tables have', () => {
    const db = migrated();
    expect(tables.map((t) => t.name).sort()).toEqual([
      'inspection_indicator_observations',
      'inspection_line_observations',
      'inspection_observation_photos',
      'inspection_photos',
    ]);
    for (const table of tables) {
      const actual = db.prepare<[], string>(`SELECT name FROM pragma_table_info('${table.name}')`).pluck().all().sort();
      const declared = [...table.scope, ...Object.values(table.columns).map((c) => (c as { db: string }).db)].sort();
      expect({ table: table.name, columns: declared }).toEqual({ table: table.name, columns: actual });
    }
  });

  it('keeps one observation per line and reviewer, its photos in order, and refuses unknown statuses and photos', () => {
    const db = migrated();
    const store = createInspectionStore(db);
    store.savePhoto(photo);
    store.savePhoto({ ...photo, fileName: '别名.jpg' });
    expect(store.photo(PHOTO)?.fileName).toBe('铭牌.jpg');
    store.saveLineObservation('B', 'P', observation('r1', [PHOTO]));
    store.saveLineObservation('B', 'P', { ...observation('r1', []), status: 'not-found' });
    store.saveLineObservation('B', 'P', observation('r2', [PHOTO]));
    expect(store.lineObservations('B', 'P').map((o) => [o.reviewerId, o.status, o.photos])).toEqual([
      ['r1', 'not-found', []],
      ['r2', 'different', [PHOTO]],
    ]);
    expect(() => store.saveLineObservation('B', 'P', observation('r3', ['c'.repeat(64)]))).toThrow(/FOREIGN KEY/u);
    expect(() =>
      db
        .prepare(
          "INSERT INTO inspection_line_observations (batch_id, project_id, line_id, reviewer_id, reviewer_name, status, observed_at) VALUES ('B', 'P', 'x', 'r', 'n', 'seen', 't')",
        )
        .run(),
    ).toThrow(/CHECK/u);
    // Withdrawing an observation takes its photo links with it; the photo stays.
    expect(store.clearLineObservation('B', 'P', observation('r2', []).lineId, 'r2')).toBe(true);
    expect(db.prepare('SELECT count(*) AS n FROM inspection_observation_photos').get()).toEqual({ n: 0 });
    expect(store.photo(PHOTO)).toBeDefined();
  });
});
