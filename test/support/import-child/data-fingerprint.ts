import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

/** What a data folder holds, to prove a refused import changed nothing. */
export interface DataFingerprint {
  /** Rows per table and a hash of their content, by table name. */
  tables: Record<string, { rows: number; sha256: string }>;
  /** Stored attachment files (relative paths), temporary files included. */
  files: string[];
}

export function fingerprintData(db: Database.Database, dataDir: string): DataFingerprint {
  const tables: DataFingerprint['tables'] = {};
  const names = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all()
    .map((row) => row.name);
  for (const name of names) {
    const rows = db
      .prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`)
      .raw()
      .all();
    tables[name] = { rows: rows.length, sha256: createHash('sha256').update(JSON.stringify(rows, bigintSafe)).digest('hex') };
  }
  return { tables, files: listFiles(path.join(dataDir, 'files')) };
}

function bigintSafe(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Buffer.isBuffer(value)) return value.toString('base64');
  return value;
}

function listFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else found.push(path.relative(root, full));
    }
  };
  if (fs.existsSync(root)) walk(root);
  return found.sort();
}
