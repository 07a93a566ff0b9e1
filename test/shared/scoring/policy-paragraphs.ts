import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../support/temp-dir';

/**
 * Finds the paragraph a citation such as `000_985b87a7ad46cc56.txt §五(四)(三)` or
 * `001_626c3b4bfbd45a84.txt 第七条(二)1` names in the policy text, by walking its headings:
 * `五、` (section), `(三)` (subsection), `17.` (numbered point), `(1)` (sub-point), `第七条` (article).
 * A paragraph runs until the next heading of the same kind with a higher number, or the end of its parent.
 */

export const POLICY_TEXT_DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'policy-texts');

const CN_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九十九: 十四 = 14, 二十 = 20. */
export function chineseNumber(text: string): number {
  const ten = text.indexOf('十');
  if (ten === -1) return CN_DIGITS[text] ?? NaN;
  const tens = ten === 0 ? 1 : (CN_DIGITS[text.slice(0, ten)] ?? NaN);
  const ones = text.slice(ten + 1);
  return tens * 10 + (ones === '' ? 0 : (CN_DIGITS[ones] ?? NaN));
}

type Kind = 'section' | 'article' | 'subsection' | 'point' | 'subpoint';
interface Token {
  kind: Kind;
  number: number;
}

const HEADING: readonly { kind: Kind; pattern: RegExp; read: (m: string) => number }[] = [
  { kind: 'section', pattern: /^([一二三四五六七八九十]+)、/u, read: chineseNumber },
  { kind: 'article', pattern: /^第([一二三四五六七八九十]+)条/u, read: chineseNumber },
  { kind: 'subsection', pattern: /^[(（]([一二三四五六七八九十]+)[)）]/u, read: chineseNumber },
  { kind: 'point', pattern: /^(\d+)[.、．]/u, read: Number },
  { kind: 'subpoint', pattern: /^[(（](\d+)[)）]/u, read: Number },
];

function headingOf(line: string): Token | null {
  for (const h of HEADING) {
    const m = h.pattern.exec(line.trim());
    if (m?.[1] !== undefined) return { kind: h.kind, number: h.read(m[1]) };
  }
  return null;
}

/** `§五(四)(三)` → section 5, subsection 4, subsection 3; `第七条(二)1` → article 7, subsection 2, point 1. */
export function parseReference(reference: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /§([一二三四五六七八九十]+)|第([一二三四五六七八九十]+)条|[(（]([一二三四五六七八九十]+)[)）]|[(（](\d+)[)）]|(\d+)/gu;
  let consumed = 0;
  for (const m of reference.matchAll(pattern)) {
    if (m.index !== consumed) throw new Error(`无法解析的条款「${reference}」`);
    consumed = m.index + m[0].length;
    if (m[1]) tokens.push({ kind: 'section', number: chineseNumber(m[1]) });
    else if (m[2]) tokens.push({ kind: 'article', number: chineseNumber(m[2]) });
    else if (m[3]) tokens.push({ kind: 'subsection', number: chineseNumber(m[3]) });
    else if (m[4]) tokens.push({ kind: 'subpoint', number: Number(m[4]) });
    else if (m[5]) tokens.push({ kind: 'point', number: Number(m[5]) });
  }
  if (consumed !== reference.length || tokens.length === 0) throw new Error(`无法解析的条款「${reference}」`);
  return tokens;
}

/** The lines of the cited paragraph, or null when the text has no such heading. */
export function findParagraph(lines: readonly string[], reference: string): string | null {
  let start = 0;
  let end = lines.length;
  let from = 0;
  for (const token of parseReference(reference)) {
    let found = -1;
    for (let i = from; i < end; i++) {
      const h = headingOf(lines[i] ?? '');
      if (h && h.kind === token.kind && h.number === token.number) {
        found = i;
        break;
      }
    }
    if (found === -1) return null;
    let stop = end;
    for (let i = found + 1; i < end; i++) {
      const h = headingOf(lines[i] ?? '');
      if (h && h.kind === token.kind && h.number > token.number) {
        stop = i;
        break;
      }
    }
    start = found;
    end = stop;
    // A nested heading comes after its parent's heading line.
    from = found + 1;
  }
  return lines.slice(start, end).join('\n');
}

export interface Citation {
  file: string;
  references: string[];
}

/** `000_x.txt §五(一)、§五(二)` → the file and each reference. */
export function parseCitation(source: string): Citation {
  const m = /^(\d{3}_[0-9a-f]{16}\.txt) (.+)$/u.exec(source);
  if (!m?.[1] || !m[2]) throw new Error(`出处「${source}」应为“文件名 条款”`);
  return { file: m[1], references: m[2].split('、') };
}

const texts = new Map<string, string[]>();
export function policyLines(file: string): string[] {
  let lines = texts.get(file);
  if (!lines) {
    lines = fs.readFileSync(path.join(POLICY_TEXT_DIR, file), 'utf8').split(/\r?\n/u);
    texts.set(file, lines);
  }
  return lines;
}
