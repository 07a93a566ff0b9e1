import type { ApiHandlers } from '@shared/api/contract';
import type { RuleSetSummary } from '@shared/api/rules-contract';
import { evaluateCases, type RuleSet } from '@shared/rules';
import type { CatalogueEntry, RuleSetCatalogue } from './rule-set-catalogue';

type RulesHandlers = Pick<ApiHandlers, 'listRuleSets' | 'getRuleSet' | 'importRuleSet' | 'computeAwards'>;

function summarize(entry: CatalogueEntry): RuleSetSummary {
  const r = entry.ruleSet;
  return { id: r.id, version: r.version, name: r.name, issuer: r.issuer, summary: r.summary, origin: entry.origin, sourceName: entry.sourceName };
}

export function createRulesHandlers(catalogue: RuleSetCatalogue): RulesHandlers {
  return {
    listRuleSets: () => [...catalogue.all().values()].map(summarize),
    getRuleSet: ({ id }) => {
      const entry = catalogue.get(id);
      return { ...summarize(entry), json: entry.json };
    },
    importRuleSet: ({ text, sourceName }) => summarize(catalogue.importText(text, sourceName)),
    computeAwards: ({ cases }) => {
      const ruleSets = new Map<string, RuleSet>([...catalogue.all()].map(([id, entry]) => [id, entry.ruleSet]));
      return evaluateCases(ruleSets, cases);
    },
  };
}
