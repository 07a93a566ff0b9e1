import type Database from 'better-sqlite3';
import type { Migration } from './migration';

export function readSchemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every pending migration in one transaction: either the database reaches the latest
 * version or it stays exactly as it was.
 */
export function applyMigrations(db: Database.Database, all: readonly Migration[], upTo = all[all.length - 1]?.version ?? 0): number[] {
  const current = readSchemaVersion(db);
  const pending = all.filter((m) => m.version > current && m.version <= upTo);
  if (pending.length === 0) return [];
  db.transaction(() => {
    for (const migration of pending) {
      migration.up(db);
      // PRAGMA cannot take a bound parameter; the version is an integer from our own list.
      db.pragma(`user_version = ${String(migration.version)}`);
    }
  })();
  return pending.map((m) => m.version);
}
