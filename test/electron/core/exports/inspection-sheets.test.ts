import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { newWorkbook, workbookBytes } from '@core/exports/batch-heading';
import { addInspectionSheets } from '@core/exports/inspection-sheets';
import { SAMPLE_INSPECTION } from './sample-inspection';

async function readBack(): Promise<ExcelJS.Workbook> {
  const workbook = newWorkbook('2026-11-26T08:00:00.000Z');
  addInspectionSheets(workbook, SAMPLE_INSPECTION, (what) => [`高端数控机床智能化改造项目（P001）${what}`, '申报单位：厦门鹭岛精工科技有限公司']);
  const read = new ExcelJS.Workbook();
  await read.xlsx.load((await workbookBytes(workbook)) as unknown as ArrayBuffer);
  return read;
}

const rowValues = (sheet: ExcelJS.Worksheet, row: number) => (sheet.getRow(row).values as unknown[]).slice(1);

describe('现场核查 sheets', () => {
  it('write one row per line and expert observation, exact quantities and amounts, the proposal on its observation’s row', async () => {
    const sheet = (await readBack()).getWorksheet('现场核查');
    if (!sheet) throw new Error('no 现场核查 sheet');
    const header = rowValues(sheet, 4);
    expect(header.slice(0, 4)).toEqual(['序号', '设备名称', '规格型号', '发票数量']);
    const col = (name: string) => header.indexOf(name);
    const [li, ouyang, mes, robot] = [5, 6, 7, 8].map((r) => rowValues(sheet, r));
    expect(li?.[col('核查专家')]).toBe('李秀英');
    expect(li?.[col('现场状态')]).toBe('型号或数量不符');
    expect(li?.[col('发票数量')]).toBe(3);
    expect(li?.[col('清点数量')]).toBe(1);
    expect(li?.[col('单价（不含税）')]).toBe(175887);
    expect(li?.[col('铭牌编号')]).toBe('SN-65-0042');
    expect(li?.[col('照片张数')]).toBe(2);
    expect(li?.[col('照片')]).toContain('IMG_20261126_1031.jpg（拍摄于 2026-11-26 10:31:05）');
    expect(li?.[col('建议核减')]).toBe(351774);
    expect(li?.[col('核减计算')]).toBe('未见 2 台 × 单价 175,887.00 元 = 351,774.00 元');
    expect(sheet.getRow(5).getCell(col('建议核减') + 1).numFmt).toBe('#,##0.00');
    // The other expert's row of the same line carries no proposal of its own.
    expect(ouyang?.[col('核查专家')]).toBe('欧阳明');
    expect(ouyang?.[col('建议核减')]).toBeUndefined();
    expect(mes?.[col('现场状态')]).toBe('未核查');
    expect(mes?.[col('发票数量')]).toBe('1 批');
    expect(mes?.[col('金额（不含税）')]).toBe(1200000.5);
    expect(robot?.[col('清点数量')]).toBe(2.5);
    // General (the default, read back as no format) shows 2.5 as 2.5 and 1 as 1, never 2.50.
    expect(sheet.getRow(8).getCell(col('清点数量') + 1).numFmt ?? 'General').toBe('General');
    expect(sheet.rowCount).toBe(8);
  });

  it('write the indicators with target, claimed and each observed value', async () => {
    const sheet = (await readBack()).getWorksheet('现场核查指标');
    if (!sheet) throw new Error('no 现场核查指标 sheet');
    expect(rowValues(sheet, 4).slice(0, 7)).toEqual(['建设指标', '新增设备台数', '台', '12', '12', '李秀英', '10']);
    expect(rowValues(sheet, 5).slice(0, 7)).toEqual(['技术指标', '数控化率', '%', '≥85%', '88%', undefined, '未核查']);
  });
});
