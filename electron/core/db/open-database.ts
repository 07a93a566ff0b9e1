import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '@shared/api/errors';
import type { Logger } from '../logger';
import { applyMigrations, readSchemaVersion } from './migrate';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';

export interface OpenDatabaseOptions {
  /** A file path, or ':memory:' for tests. */
  file: string;
  /** Path to a better_sqlite3.node built for the running runtime (Electron or Node). */
  nativeBinding?: string | undefined;
  now: () => Date;
  logger: Logger;
}

export interface OpenedDatabase {
  db: Database.Database;
  backupFile: string | null;
  appliedMigrations: number[];
}

export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  const { file, nativeBinding, logger } = options;
  const inMemory = file === ':memory:';
  const driverOptions = nativeBinding ? { nativeBinding } : {};

  if (!inMemory && fs.existsSync(file)) refuseNewerDatabase(file, driverOptions);

  const db = new Database(file, driverOptions);
  try {
    if (!inMemory) db.pragma('journal_mode = WAL');
    // FULL: a reviewer's typed work must survive a power cut, and our writes are small.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');

    const current = readSchemaVersion(db);
    let backupFile: string | null = null;
    if (!inMemory && current > 0 && current < LATEST_SCHEMA_VERSION) {
      backupFile = backupBeforeMigrating(db, file, current, options.now());
      logger.info('数据库升级前已备份', { backupFile });
    }
    const appliedMigrations = applyMigrations(db, migrations);
    if (appliedMigrations.length > 0) logger.info('数据库已升级', { from: current, to: LATEST_SCHEMA_VERSION });
    return { db, backupFile, appliedMigrations };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Reads the version read-only, so a database from a newer program is never touched. */
function refuseNewerDatabase(file: string, driverOptions: { nativeBinding?: string }): void {
  const probe = new Database(file, { ...driverOptions, readonly: true, fileMustExist: true });
  let version: number;
  try {
    version = readSchemaVersion(probe);
  } finally {
    probe.close();
  }
  if (version > LATEST_SCHEMA_VERSION) {
    throw new AppError(
      'DB_TOO_NEW',
      `数据文件由更新版本的技改评审创建（数据结构版本 ${String(version)}，本程序支持到 ${String(LATEST_SCHEMA_VERSION)}）。` +
        `为保护其中的评审数据，本程序不会打开或修改它。请安装最新版本的技改评审后再打开：${file}`,
      { file, version, supported: LATEST_SCHEMA_VERSION },
    );
  }
}

/** VACUUM INTO writes a consistent copy even in WAL mode, unlike copying the file. */
function backupBeforeMigrating(db: Database.Database, file: string, version: number, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const backupFile = path.join(path.dirname(file), `${path.basename(file)}.v${String(version)}-${stamp}.bak`);
  // Written under a temporary name and renamed: a backup cut short (full disk) never looks complete.
  const partial = `${backupFile}.tmp`;
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    fs.renameSync(partial, backupFile);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  return backupFile;
}
