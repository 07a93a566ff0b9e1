import type { RuleSet } from './rule-set-schema';

/**
 * A rule's source as a reviewer can look it up: the policy file's name (a content-addressed name
 * such as 000_985b87a7ad46cc56.txt) replaced by the policy document's title. Rule sets cite files
 * so every rule can be traced to its text; readers see titles.
 */
export function readableSource(source: string, ruleSet: RuleSet | undefined): string {
  if (!ruleSet) return source;
  const file = ruleSet.document.file;
  return source.includes(file) ? source.replaceAll(file, `《${ruleSet.document.title}》`) : source;
}
