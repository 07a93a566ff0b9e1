import type Database from 'better-sqlite3';

/** One schema step. `version` is what PRAGMA user_version holds once it is applied. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}
