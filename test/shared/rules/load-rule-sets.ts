import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseRuleSet, type RuleSet } from '@shared/rules';

/** The rule-set files shipped in resources/rules, parsed once for all tests. */
export const RULES_DIR = fileURLToPath(new URL('../../../resources/rules/', import.meta.url));

export function readRuleSetJson(id: string): unknown {
  return JSON.parse(readFileSync(`${RULES_DIR}${id}.json`, 'utf8')) as unknown;
}

export function loadRuleSet(id: string): RuleSet {
  return parseRuleSet(readRuleSetJson(id));
}

export function loadAllRuleSets(): Map<string, RuleSet> {
  const map = new Map<string, RuleSet>();
  for (const file of readdirSync(RULES_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const ruleSet = loadRuleSet(file.replace(/\.json$/u, ''));
    map.set(ruleSet.id, ruleSet);
  }
  return map;
}
