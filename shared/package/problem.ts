/**
 * A located problem in an application package: which file, sheet, row and column, and a Chinese
 * message saying what was found and what was expected (PACKAGE.md §Errors). Errors reject the whole
 * package; warnings are stored with the data and shown to the reviewer.
 */
export interface PackageProblem {
  severity: 'error' | 'warning';
  /** Path inside the package, e.g. `XM2024-001/申报表.xlsx` or `manifest.json`. */
  file: string;
  sheet?: string;
  /** 1-based row number as Excel shows it. */
  row?: number;
  /** Column letter as Excel shows it (`F`), or a field name for non-tabular files. */
  column?: string;
  message: string;
}

/** `发票!F12` style reference for messages and tables. */
export function formatProblemLocation(problem: PackageProblem): string {
  const cell = `${problem.column ?? ''}${problem.row === undefined ? '' : String(problem.row)}`;
  if (problem.sheet) return `${problem.file} ${problem.sheet}${cell ? `!${cell}` : ''}`;
  return cell ? `${problem.file} ${cell}` : problem.file;
}
