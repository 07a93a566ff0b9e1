import type ExcelJS from 'exceljs';
import type { InspectionLine, LineObservation, ProjectInspection } from '@shared/api/inspection-contract';
import { INSPECTION_STATUS_LABEL } from '@shared/codes/labels';
import { formatLocalDateTime } from '@shared/domain/local-time';
import { addTableSheet, type TableValue } from './table-sheet';

/**
 * 现场核查 and 现场核查指标 sheets: one row per equipment line and expert observation (a line nobody
 * has inspected keeps one row saying so, so the sheet is the whole checklist), and one row per
 * indicator and observation. Quantities and amounts are exact numbers; the proposed 核减 stands on
 * the row of the observation it follows from (the exporting reviewer's own).
 */

const NOT_INSPECTED = '未核查';

const photoLines = (o: LineObservation) =>
  o.photos.map((p) => `${p.fileName}（${p.takenAt === null ? `添加于 ${formatLocalDateTime(p.addedAt)}` : `拍摄于 ${p.takenAt.replace('T', ' ')}`}）`).join('\n');

function lineRows(line: InspectionLine, index: number): TableValue[][] {
  const claimed: TableValue[] = [
    index + 1,
    line.name,
    line.model ?? '',
    line.quantity ?? '1 批',
    line.unit ?? '',
    line.unitPrice,
    line.amount,
    line.supplier,
    line.contractNo,
    line.invoices.map((i) => i.number).join('\n'),
  ];
  if (line.observations.length === 0) return [[...claimed, null, NOT_INSPECTED, null, null, null, null, 0, null, null, line.proposedReduction, line.proposalExplanation]];
  return line.observations.map((o) => {
    const own = line.mine !== null && o.reviewerId === line.mine.reviewerId;
    return [
      ...claimed,
      o.reviewerName,
      INSPECTION_STATUS_LABEL[o.status],
      o.quantitySeen,
      o.modelSeen ?? '',
      o.serialNumber ?? '',
      o.note,
      o.photos.length,
      photoLines(o),
      formatLocalDateTime(o.observedAt, true),
      own ? line.proposedReduction : null,
      own ? (line.proposalExplanation ?? '') : '',
    ];
  });
}

export function addInspectionSheets(workbook: ExcelJS.Workbook, inspection: ProjectInspection, title: (what: string) => string[]): void {
  addTableSheet(workbook, {
    name: '现场核查',
    title: [...title('现场核查记录'), '每台（套）设备每位专家一行；建议核减为本表导出人的核查所提出，须经发票认定才计入核定投资额。'],
    columns: [
      { header: '序号', kind: 'count' },
      { header: '设备名称', kind: 'text' },
      { header: '规格型号', kind: 'text' },
      { header: '发票数量', kind: 'quantity' },
      { header: '单位', kind: 'text' },
      { header: '单价（不含税）', kind: 'money' },
      { header: '金额（不含税）', kind: 'money' },
      { header: '供应商', kind: 'text' },
      { header: '合同编号', kind: 'text' },
      { header: '发票号码', kind: 'text' },
      { header: '核查专家', kind: 'text' },
      { header: '现场状态', kind: 'text' },
      { header: '清点数量', kind: 'quantity' },
      { header: '现场型号', kind: 'text' },
      { header: '铭牌编号', kind: 'text' },
      { header: '说明', kind: 'longText' },
      { header: '照片张数', kind: 'count' },
      { header: '照片', kind: 'longText' },
      { header: '核查时间', kind: 'text' },
      { header: '建议核减', kind: 'money' },
      { header: '核减计算', kind: 'longText' },
    ],
    rows: inspection.lines.flatMap(lineRows),
    frozenColumns: 2,
  });
  addTableSheet(workbook, {
    name: '现场核查指标',
    title: title('绩效指标现场核查'),
    columns: [
      { header: '类别', kind: 'text' },
      { header: '指标', kind: 'text' },
      { header: '单位', kind: 'text' },
      { header: '目标值', kind: 'text' },
      { header: '申报完成值', kind: 'text' },
      { header: '核查专家', kind: 'text' },
      { header: '现场核查值', kind: 'text' },
      { header: '说明', kind: 'longText' },
      { header: '核查时间', kind: 'text' },
    ],
    rows: inspection.indicators.flatMap((i) => {
      const claimed = [i.category, i.name, i.unit, i.target, i.claimed];
      if (i.observations.length === 0) return [[...claimed, null, NOT_INSPECTED, null, null]];
      return i.observations.map((o) => [...claimed, o.reviewerName, o.value, o.note, formatLocalDateTime(o.observedAt, true)]);
    }),
    frozenColumns: 2,
  });
}
