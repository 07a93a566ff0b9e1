import type ExcelJS from 'exceljs';
import type { ProjectVerification } from '@shared/api/verification-contract';
import { formatLocalDateTime } from '@shared/domain/local-time';

/** 更正记录: every correction the checks ran on — field, sheet value, corrected value, why, and the attachment page. */
export function addCorrectionSheet(workbook: ExcelJS.Workbook, v: ProjectVerification): void {
  const sheet = workbook.addWorksheet('更正记录', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(['对象', '行号', '发票号码 / 合同编号', '字段', '申报表原值', '更正后', '理由', '依据（附件#页）', '更正人', '更正时间']).font = { bold: true };
  if (v.corrections.length === 0) sheet.addRow(['无更正：核验按申报表原值进行']);
  for (const c of v.corrections) {
    sheet.addRow([
      c.target === 'invoice' ? '发票' : '合同',
      c.rowNo,
      c.targetKey,
      c.fieldLabel,
      c.oldValue,
      c.newValue,
      c.reason,
      c.evidence,
      c.reviewer,
      formatLocalDateTime(c.correctedAt, true),
    ]);
  }
  [8, 8, 24, 14, 20, 20, 40, 28, 12, 18].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
}
