import type Database from 'better-sqlite3';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '@shared/api/settings-contract';

const SETTINGS_KEY = 'reviewer';

export function createSettingsStore(db: Database.Database) {
  const select = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  return {
    read(): Settings {
      const row = select.get(SETTINGS_KEY);
      if (!row) return DEFAULT_SETTINGS;
      // A value written by an older version may lack newer fields; defaults fill them.
      const parsed = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...(JSON.parse(row.value) as object) });
      return parsed.success ? parsed.data : DEFAULT_SETTINGS;
    },
    write(settings: Settings): void {
      upsert.run(SETTINGS_KEY, JSON.stringify(settings));
    },
  };
}
