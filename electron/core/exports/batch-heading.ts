import ExcelJS from 'exceljs';
import { formatLocalDateTime } from '@shared/domain/local-time';

/** What every batch workbook says about where it comes from, in the reviewer's words (titles, not ids). */
export interface BatchHeading {
  /** 批次编号 as the bureau numbered it. */
  id: string;
  name: string;
  /** The policy's name, e.g. 厦门市制造业新型技术改造城市试点专项资金（重点项目奖补）. */
  policy: string;
  /** 评审阶段, e.g. 竣工验收. */
  stage: string;
  /** Who exported it: the data folder's reviewer. */
  exportedBy: string;
  exportedAt: string;
}

export function headingLine(batch: BatchHeading): string {
  return `批次：${batch.name}（${batch.id}）　政策：${batch.policy}　阶段：${batch.stage}　导出人：${batch.exportedBy}　导出时间：${formatLocalDateTime(batch.exportedAt, true)}`;
}

export function newWorkbook(exportedAt: string): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '技改评审';
  workbook.created = new Date(exportedAt);
  return workbook;
}

export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
