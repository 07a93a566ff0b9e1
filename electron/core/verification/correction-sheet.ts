import type ExcelJS from 'exceljs';
import type { ProjectVerification } from '@shared/api/verification-contract';
import { formatLocalDateTime } from '@shared/domain/local-time';
import { addTableSheet } from '@core/exports/table-sheet';

/** 更正记录: every correction the checks ran on — field, sheet value, corrected value, why, and the attachment page. */
export function addCorrectionSheet(workbook: ExcelJS.Workbook, v: ProjectVerification, title: readonly string[]): void {
  addTableSheet(workbook, {
    name: '更正记录',
    title,
    columns: [
      { header: '对象', kind: 'text' },
      { header: '行号', kind: 'count' },
      { header: '发票号码 / 合同编号', kind: 'text' },
      { header: '字段', kind: 'text' },
      { header: '申报表原值', kind: 'text' },
      { header: '更正后', kind: 'text' },
      { header: '理由', kind: 'longText' },
      { header: '依据（附件#页）', kind: 'text' },
      { header: '更正人', kind: 'text' },
      { header: '更正时间', kind: 'text' },
    ],
    rows:
      v.corrections.length === 0
        ? [['无更正：核验按申报表原值进行', null, null, null, null, null, null, null, null, null]]
        : v.corrections.map((c) => [
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
          ]),
  });
}
