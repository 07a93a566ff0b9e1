import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '@shared/api/errors';
import { createCore } from '@core/create-core';
import { silentLogger } from '@core/logger';
import { openDatabase } from '@core/db/open-database';
import { LATEST_SCHEMA_VERSION } from '@core/db/migrations';
import { migration0001 } from '@core/db/migrations/0001-settings-and-audit-log';
import { RESOURCES_DIR, makeTempDir } from '@test/support/temp-dir';

const now = () => new Date('2026-11-22T09:30:00Z');
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function tempFolder(): string {
  const temp = makeTempDir();
  cleanups.push(temp.cleanup);
  return temp.dir;
}

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

describe('opening the database', () => {
  it('creates a WAL database with foreign keys and a busy timeout at the latest version', () => {
    const file = path.join(tempFolder(), 'jigai.sqlite');
    const { db, appliedMigrations, backupFile } = openDatabase({ file, now, logger: silentLogger });
    expect(appliedMigrations).toEqual(Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => i + 1));
    expect(backupFile).toBeNull();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('refuses a database written by a newer version, with a Chinese message, and leaves it untouched', () => {
    const dir = tempFolder();
    const file = path.join(dir, 'jigai.sqlite');
    const future = new Database(file);
    future.exec("CREATE TABLE from_the_future (x TEXT); INSERT INTO from_the_future VALUES ('评审意见')");
    future.pragma(`user_version = ${String(LATEST_SCHEMA_VERSION + 5)}`);
    future.close();
    const before = sha256(file);
    const filesBefore = fs.readdirSync(dir).sort();

    let caught: unknown;
    try {
      createCore({ dataDir: dir, resourcesDir: RESOURCES_DIR, logger: silentLogger, now });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    const error = caught as AppError;
    expect(error.code).toBe('DB_TOO_NEW');
    expect(error.message).toContain(`数据结构版本 ${String(LATEST_SCHEMA_VERSION + 5)}`);
    expect(error.message).toContain('请安装最新版本');
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(filesBefore);
  });

  it('copies the database before migrating an older one, and the copy still opens at the old version', () => {
    const file = path.join(tempFolder(), 'jigai.sqlite');
    const old = new Database(file);
    migration0001.up(old);
    old.pragma('user_version = 1');
    old.prepare('INSERT INTO settings VALUES (\'reviewer\', \'{"reviewerName":"李四"}\')').run();
    old.close();

    const { db, backupFile, appliedMigrations } = openDatabase({ file, now, logger: silentLogger });
    expect(appliedMigrations).toEqual(Array.from({ length: LATEST_SCHEMA_VERSION - 1 }, (_, i) => i + 2));
    expect(backupFile).toMatch(/jigai\.sqlite\.v1-20261122T093000\.bak$/);
    db.close();

    const copy = new Database(backupFile as string, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare('SELECT value FROM settings').get()).toEqual({ value: '{"reviewerName":"李四"}' });
    copy.close();
  });
});
