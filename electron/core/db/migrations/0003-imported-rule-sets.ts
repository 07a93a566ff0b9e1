import type { Migration } from '../migration';

/**
 * Rule sets written by a bureau and imported by a reviewer (policies without a built-in rule set,
 * such as Qingdao's or Huanggang's calls). The JSON is kept verbatim so it can be shown and exported.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'imported-rule-sets',
  up(db) {
    db.exec(`
      CREATE TABLE imported_rule_sets (
        id          TEXT PRIMARY KEY,
        json        TEXT NOT NULL,
        source_name TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
