import { PACKAGE_PROBLEM_LABEL } from '../codes/labels';
import type { PackageProblem } from './problem';

export const PROBLEM_HEADERS = ['级别', '文件', '工作表', '行', '列', '说明'];

export function problemRows(problems: readonly PackageProblem[]): string[][] {
  return problems.map((p) => [PACKAGE_PROBLEM_LABEL[p.severity], p.file, p.sheet ?? '', p.row === undefined ? '' : String(p.row), p.column ?? '', p.message]);
}

/**
 * Cell text from an untrusted package must never run as a spreadsheet formula. Per OWASP's CSV
 * injection guidance, a cell starting with = + - @, a tab or a carriage return is prefixed with a
 * single quote (Excel and WPS show it as text); the full-width forms a Chinese input method types are
 * treated alike.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r＝＋－＠]/u.test(value) ? `'${value}` : value;
}

/** CSV with a BOM so Excel opens the Chinese text correctly; every cell quoted and neutralised. */
export function problemsCsv(problems: readonly PackageProblem[]): string {
  const cell = (value: string) => `"${neutraliseFormula(value).replace(/"/g, '""')}"`;
  return `\uFEFF${[PROBLEM_HEADERS, ...problemRows(problems)].map((row) => row.map(cell).join(',')).join('\r\n')}`;
}

/** Tab-separated text for pasting into Excel: one problem per line, whatever its text contains. */
export function problemsClipboardText(problems: readonly PackageProblem[]): string {
  const cell = (value: string) => neutraliseFormula(value).replace(/[\t\r\n]+/g, ' ');
  return [PROBLEM_HEADERS, ...problemRows(problems)].map((row) => row.map(cell).join('\t')).join('\n');
}
