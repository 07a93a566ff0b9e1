import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exactNumber } from '@core/exports/exact-number';
import { safeText } from '@core/exports/safe-text';
import { addTableSheet } from '@core/exports/table-sheet';
import { displayWidth } from '@core/exports/text-width';

describe('numbers written from decimal strings', () => {
  it('keeps the digits of the string: the cell’s shortest spelling is the same decimal', () => {
    for (const s of ['25000000.00', '0.13', '74.5', '1234567890123.45', '-351774.00', '0.1', '0.70']) expect(exactNumber(s, '金额')).toBe(Number(s));
    expect(exactNumber('1234567890123.45', '金额')).toBe(1234567890123.45);
  });

  it('refuses what a spreadsheet would show with other digits, and what is not a number, naming where', () => {
    expect(() => exactNumber('12345678901234.56', '「汇总」第 5 行「奖补金额」')).toThrow('「汇总」第 5 行「奖补金额」「12345678901234.56」无法作为数字准确写入表格');
    expect(() => exactNumber('1e5', '金额')).toThrow('无法作为数字准确写入表格');
    expect(() => exactNumber('', '金额')).toThrow('无法作为数字准确写入表格');
  });
});

describe('text from packages', () => {
  it('drops characters XML cannot hold and cuts text beyond Excel’s 32,767 characters per cell', () => {
    expect(safeText('甲\u0001乙\u000B丙\uD800丁😀\n戊\t')).toBe('甲\uFFFD乙\uFFFD丙\uFFFD丁😀\n戊\t');
    const long = safeText('字'.repeat(40_000));
    expect(long).toHaveLength(32_767);
    expect(long.endsWith('…（已截断）')).toBe(true);
  });

  it('counts Chinese characters and full-width forms twice when sizing a column', () => {
    expect(displayWidth('项目名称（不含税）')).toBe(18);
    expect(displayWidth('XM2024-001')).toBe(10);
    expect(displayWidth('核验发现\n[警告] 日期超出认定期间')).toBe(23);
  });
});

describe('a table sheet', () => {
  it('writes numbers in number columns, text that is not a number as text, and fits widths to Chinese text', async () => {
    const workbook = new ExcelJS.Workbook();
    addTableSheet(workbook, {
      name: '表',
      title: ['标题'],
      columns: [
        { header: '名称', kind: 'text' },
        { header: '张数', kind: 'count' },
        { header: '金额', kind: 'money' },
        { header: '税率', kind: 'percent' },
      ],
      rows: [
        ['=HYPERLINK("http://example.invalid","点击")', 160, '25000000.00', '0.13'],
        ['123', null, '低于8000万元不予奖补', '0.015'],
      ],
    });
    const read = new ExcelJS.Workbook();
    await read.xlsx.load((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const sheet = read.getWorksheet('表');
    expect(sheet?.getCell('A3').type).toBe(ExcelJS.ValueType.String);
    expect(sheet?.getCell('A4').value).toBe('123');
    expect([sheet?.getCell('B3').value, sheet?.getCell('B3').numFmt]).toEqual([160, '0']);
    expect([sheet?.getCell('C3').value, sheet?.getCell('C3').numFmt]).toEqual([25000000, '#,##0.00']);
    expect(sheet?.getCell('C4').value).toBe('低于8000万元不予奖补');
    expect([sheet?.getCell('D3').numFmt, sheet?.getCell('D4').numFmt]).toEqual(['0%', '0.0#%']);
    // 低于8000万元不予奖补 is 20 wide; its column grows to hold it (20 + 2), within the money cap.
    expect(sheet?.getColumn(3).width).toBe(20);
    expect(sheet?.getColumn(1).width).toBe(36);
  });
});
