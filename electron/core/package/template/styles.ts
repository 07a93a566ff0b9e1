import type { Alignment, Borders, Cell, DataValidation, Fill, Font, Worksheet } from 'exceljs';

/** Presentation shared by the blank template and the generated sample workbooks. */

export const HEADER_FONT: Partial<Font> = { name: '等线', size: 11, bold: true, color: { argb: 'FF1F3864' } };
export const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN = { style: 'thin', color: { argb: 'FF8EA9C8' } } as const;
export const HEADER_BORDER: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
export const HEADER_ALIGNMENT: Partial<Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };
export const TITLE_FONT: Partial<Font> = { name: '等线', size: 14, bold: true };

export function styleHeaderCell(cell: Cell): void {
  cell.font = HEADER_FONT;
  cell.fill = HEADER_FILL;
  cell.border = HEADER_BORDER;
  cell.alignment = HEADER_ALIGNMENT;
}

/** A drop-down list of fixed choices; the error message is Chinese and names the choices. */
export function listValidation(choices: readonly string[], title: string): DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [`"${choices.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: title,
    error: `请从下拉列表中选择：${choices.join('、')}`,
  };
}

export function wholeNumberValidation(title: string): DataValidation {
  return {
    type: 'whole',
    operator: 'greaterThanOrEqual',
    allowBlank: true,
    formulae: [0],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: title,
    error: '请填写不小于 0 的整数',
  };
}

interface DataValidationsLike {
  add(address: string, validation: DataValidation): void;
}

/**
 * Adds a validation to a whole range (`G2:G5001`) at once. exceljs has the range API on both the
 * regular and the streaming worksheet but leaves it out of its type declarations.
 */
export function addRangeValidation(sheet: Worksheet, range: string, validation: DataValidation): void {
  const holder = sheet as unknown as { dataValidations?: DataValidationsLike };
  if (typeof holder.dataValidations?.add !== 'function') {
    throw new Error('当前版本的 exceljs 不支持按区域设置数据验证');
  }
  holder.dataValidations.add(range, validation);
}

/** Excel column letters for a 1-based column number; one implementation for reading and writing. */
export { columnLetter as columnLetters } from '../workbook/normalize-cell';
