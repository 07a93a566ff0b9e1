import type Database from 'better-sqlite3';
import type { Logger } from './logger';

/** What every domain's handlers may use; all of it is handed in by the host. */
export interface CoreContext {
  db: Database.Database;
  dataDir: string;
  databaseFile: string;
  resourcesDir: string;
  now: () => Date;
  logger: Logger;
}
