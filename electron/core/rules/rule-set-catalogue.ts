import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '@shared/api/errors';
import { parseRuleSet, safeParseRuleSetText, type RuleSet } from '@shared/rules';

export interface CatalogueEntry {
  ruleSet: RuleSet;
  /** The file or stored text as written, for display and export. */
  json: string;
  origin: 'builtin' | 'imported';
  sourceName: string;
}

/**
 * Every rule set the program knows: the built-in ones shipped in resources/rules, read and validated
 * once at start, and those a reviewer imported from a bureau, kept in the database.
 */
export function createRuleSetCatalogue(db: Database.Database, resourcesDir: string, now: () => Date) {
  const builtin = new Map<string, CatalogueEntry>();
  const folder = path.join(resourcesDir, 'rules');
  for (const file of fs.existsSync(folder)
    ? fs
        .readdirSync(folder)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : []) {
    const json = fs.readFileSync(path.join(folder, file), 'utf8');
    // A broken shipped file is a packaging defect: fail loudly at start rather than compute wrongly.
    const ruleSet = parseRuleSet(JSON.parse(json));
    builtin.set(ruleSet.id, { ruleSet, json, origin: 'builtin', sourceName: file });
  }

  const selectImported = db.prepare<[], { id: string; json: string; source_name: string }>('SELECT id, json, source_name FROM imported_rule_sets ORDER BY id');
  const upsertImported = db.prepare(
    'INSERT INTO imported_rule_sets (id, json, source_name, imported_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET json = excluded.json, source_name = excluded.source_name, imported_at = excluded.imported_at',
  );
  let cache: Map<string, CatalogueEntry> | null = null;

  function all(): Map<string, CatalogueEntry> {
    if (cache) return cache;
    const entries = new Map(builtin);
    for (const row of selectImported.all()) {
      const parsed = safeParseRuleSetText(row.json);
      if (parsed.ok) entries.set(row.id, { ruleSet: parsed.value, json: row.json, origin: 'imported', sourceName: row.source_name });
    }
    cache = entries;
    return entries;
  }

  return {
    all,
    ids: () => new Set(all().keys()),
    get(id: string): CatalogueEntry {
      const entry = all().get(id);
      if (!entry) throw new AppError('NOT_FOUND', `没有编号为「${id}」的政策规则`);
      return entry;
    },
    /** Validates a bureau's rule-set file; every problem is reported with its JSON path. */
    importText(text: string, sourceName: string): CatalogueEntry {
      const parsed = safeParseRuleSetText(text);
      if (!parsed.ok) {
        const lines = parsed.errors.map((e) => `${e.path}：${e.message}`);
        throw new AppError('BAD_INPUT', `规则文件「${sourceName}」无效（${String(lines.length)} 处错误）：\n${lines.join('\n')}`, parsed.errors);
      }
      if (builtin.has(parsed.value.id)) {
        throw new AppError('CONFLICT', `规则编号「${parsed.value.id}」与程序内置的政策规则相同；请为主管部门的规则使用另一个编号`);
      }
      upsertImported.run(parsed.value.id, text, sourceName, now().toISOString());
      cache = null;
      return { ruleSet: parsed.value, json: text, origin: 'imported', sourceName };
    },
  };
}

export type RuleSetCatalogue = ReturnType<typeof createRuleSetCatalogue>;
