import type { RuleSet } from './rule-set-schema';

/**
 * A rule's source as a reviewer can look it up: the policy file's name (a content-addressed name
 * such as 000_985b87a7ad46cc56.txt) replaced by the policy document's title. Rule sets cite files
 * so every rule can be traced to its text; readers see titles.
 */
export function readableSource(source: string, ruleSet: RuleSet | undefined): string {
  const cited = readableSection(source);
  if (!ruleSet) return cited;
  const file = ruleSet.document.file;
  return cited.includes(file) ? cited.replaceAll(file, `《${ruleSet.document.title}》`).replace(/》\s+第/g, '》第') : cited;
}

/** 「§五(一)」 as a reader cites it: 「第五条（一）」. */
export function readableSection(source: string): string {
  return source
    .replace(/§\s*([一二三四五六七八九十百零〇\d]+)(?:\s*[(（]([一二三四五六七八九十\d]+)[)）])?/g, (_m, article: string, item?: string) =>
      item ? `第${article}条（${item}）` : `第${article}条`,
    )
    .replace(/\((\d+|[一二三四五六七八九十]+)\)/g, '（$1）');
}
