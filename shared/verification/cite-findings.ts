import type { RuleSet } from '../rules/rule-set-schema';
import { readableSource } from '../rules/readable-source';
import type { ProjectFindings } from './verify-project';
import type { VerificationFinding } from './types';

/**
 * Findings as reviewers read them: rule sets cite their policy by file and §, reviewers by title and
 * 第五条（二）. Rewrites the message and the statutory paragraph of every finding once, where the
 * findings are made, so the pages, `jigai verify`, the exports and the reports all say the same.
 */
export function citeFindings(findings: ProjectFindings, ruleSet: RuleSet | undefined): ProjectFindings {
  const cite = (list: VerificationFinding[]): VerificationFinding[] =>
    list.map((f) => ({
      ...f,
      message: readableSource(f.message, ruleSet),
      ...(f.statutory === undefined ? {} : { statutory: readableSource(f.statutory, ruleSet) }),
    }));
  const each = <K>(map: Map<K, VerificationFinding[]>) => new Map([...map].map(([key, list]) => [key, cite(list)]));
  return { invoices: each(findings.invoices), contracts: each(findings.contracts), payments: each(findings.payments) };
}
