import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseProjectWorkbook } from '@core/package/workbook/parse-project-workbook';
import { REPO_ROOT } from '@test/support/temp-dir';

const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'workbooks', 'libreoffice-申报表.xlsx');
const FILE = 'XM2024-001/申报表.xlsx';

describe('reading a workbook written by LibreOffice', () => {
  it('gets exactly the values in the cells despite titles, shuffled columns, text amounts, merges and formulas', async () => {
    const { parsed, problems } = await parseProjectWorkbook(FILE, fs.readFileSync(FIXTURE), 'XM2024-001');
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(parsed).not.toBeNull();
    if (!parsed) return;

    expect(parsed.project).toMatchObject({
      id: 'XM2024-001',
      applicant: '厦门鹭岛智能装备有限公司',
      creditCode: '914400007556190127',
      industryCode: 'C3484',
      chainLeader: false,
      plannedInvestment: 9_500_0000_00, // 9500 万元 = 95,000,000.00 元
      periodStart: '2024-01-01',
      periodEnd: '2025-12-31',
    });

    // 合同金额（万元）: 150 → 1,500,000.00 元; "42.5" as text → 425,000.00 元.
    expect(parsed.contracts.map((c) => [c.rowNo, c.contractNo, c.amount, c.signedOn, c.category])).toEqual([
      [4, 'HT-2024-001', 150_000_000, '2024-02-20', '设备'],
      [5, 'HT-2024-002', 42_500_000, '2024-03-01', '软件'],
      [6, 'HT-2024-003', 10_000_000, '2024-04-10', '咨询'],
    ]);
    expect(parsed.contracts[0]?.extra).toEqual({ 备注: '含安装调试' });

    expect(parsed.invoices.map((i) => [i.rowNo, i.key, i.issuedOn, i.amount, i.taxRate, i.tax, i.total, i.contractNo])).toEqual([
      [3, '24352000000012345678', '2024-03-15', 128_000_000, '0.13', 16_640_000, 144_640_000, 'HT-2024-001'],
      // merged 合同编号 cell gives the first cell's value; amounts typed as ¥35,600.00 / 4,628.00 / 40,228.00元
      [4, '035002300113-00012345', '2024-05-06', 3_560_000, '0.13', 462_800, 4_022_800, 'HT-2024-001'],
      [5, '24352000000012349999', '2024-07-08', 8_800_050, '0.06', 528_003, 9_328_053, 'HT-2024-002'],
      // after a blank row; tax-exempt *** tax
      [7, '24352000000012350000', '2024-04-20', 10_000_000, '免税', 0, 10_000_000, 'HT-2024-003'],
    ]);
    expect(parsed.invoices[0]?.extra).toEqual({ 经办人: '王芳' });
    expect(parsed.payments.map((p) => [p.voucherNo, p.paidOn, p.amount])).toEqual([
      ['PZ-001', '2024-03-20', 148_662_800],
      ['PZ-002', '2024-07-15', 9_328_053],
    ]);
    expect(parsed.indicators.map((i) => [i.name, i.target, i.achieved])).toEqual([
      ['关键工序数控化率', '85', '88'],
      ['新增产值', '5000', '4200'],
    ]);
    // The unknown columns are warnings, located at their header cell.
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'warning', sheet: '发票', row: 2, column: 'Q' }));
  });
});

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`fixture lacks sheet ${name}`);
  return found;
}

async function workbookWith(edit: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync(FIXTURE) as unknown as ArrayBuffer);
  edit(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('workbook problems are located and all reported', () => {
  it('reports a malformed amount at its cell, with what was found and expected', async () => {
    const content = await workbookWith((wb) => {
      sheet(wb, '发票').getCell('J5').value = '88,0a0.50';
    });
    const { parsed, problems } = await parseProjectWorkbook(FILE, content, 'XM2024-001');
    expect(parsed).toBeNull();
    const error = problems.find((p) => p.severity === 'error');
    expect(error).toMatchObject({ file: FILE, sheet: '发票', row: 5, column: 'J' });
    expect(error?.message).toContain('88,0a0.50');
  });

  it('reports a missing sheet naming the sheets present, and every other problem too', async () => {
    const content = await workbookWith((wb) => {
      sheet(wb, '付款').name = '支付记录';
      sheet(wb, '合同').getCell('E5').value = '2024-02-30';
      sheet(wb, '项目信息').getCell('B3').value = 'XM2024-999';
    });
    const { parsed, problems } = await parseProjectWorkbook(FILE, content, 'XM2024-001');
    expect(parsed).toBeNull();
    const errors = problems.filter((p) => p.severity === 'error');
    expect(errors).toContainEqual(expect.objectContaining({ sheet: '付款', message: expect.stringContaining('「支付记录」') }));
    expect(errors).toContainEqual(expect.objectContaining({ sheet: '合同', row: 5, column: 'E' }));
    expect(errors).toContainEqual(expect.objectContaining({ sheet: '项目信息', row: 3, column: 'B', message: expect.stringContaining('XM2024-999') }));
  });

  it('refuses a file that is not a workbook with one clear message', async () => {
    const { parsed, problems } = await parseProjectWorkbook(FILE, Buffer.from('PK not really'), 'XM2024-001');
    expect(parsed).toBeNull();
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', file: FILE, message: expect.stringContaining('不是有效的 Excel 工作簿（.xlsx）') })]);
  });
});
