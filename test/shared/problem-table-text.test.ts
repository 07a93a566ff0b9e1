import { describe, expect, it } from 'vitest';
import { neutraliseFormula, problemsClipboardText, problemsCsv } from '../../shared/package/problem-table-text';
import type { PackageProblem } from '../../shared/package/problem';

const problem = (message: string): PackageProblem => ({ severity: 'error', file: '申报表.xlsx', sheet: '发票', row: 3, column: 'B', message });

describe('problem lists exported for spreadsheets (OWASP CSV injection)', () => {
  it.each(['=HYPERLINK("http://x")', '+1+2', '-2+3', '@SUM(1)', '\t=1+1', '\r=1+1', '＝1+1', '＋1'])('neutralises a cell starting with %j', (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it('leaves ordinary text alone', () => {
    expect(neutraliseFormula('发票号码重复')).toBe('发票号码重复');
    expect(neutraliseFormula('1-2')).toBe('1-2');
  });

  it('quotes every CSV cell, doubles quotes and prefixes formulas, after a BOM', () => {
    const csv = problemsCsv([problem('\t=cmd|"/c calc"!A1')]);
    expect(csv.startsWith('\uFEFF"级别","文件"')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe('"错误","申报表.xlsx","发票","3","B","\'\t=cmd|""/c calc""!A1"');
  });

  it('keeps one problem per line in the copied text even when a message holds tabs or line breaks', () => {
    const lines = problemsClipboardText([problem('\r=1+1\n第二行\t第三列')]).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]?.split('\t')).toEqual(['错误', '申报表.xlsx', '发票', '3', 'B', "' =1+1 第二行 第三列"]);
  });
});
