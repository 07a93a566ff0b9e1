import type { ConsolidationDto } from '@shared/api/panel-contract';
import { enumLabel } from '@shared/domain/enums';
import { RECUSAL_KINDS } from '@shared/scoring/recusal';
import { VERDICTS } from '@shared/scoring/verdict';
import { headingLine, newWorkbook, workbookBytes, type BatchHeading } from './batch-heading';
import { addTableSheet, type TableColumn, type TableValue } from './table-sheet';

export const RECUSED = '回避';

type ProjectFigures = ConsolidationDto['projects'][number];

export function rubricLine(data: ConsolidationDto): string {
  return `评分标准：${data.rubric.name}（第 ${String(data.rubric.version)} 版，依据《${data.rubric.document}》）`;
}

/** A row's state in the figures: counted, recused, or left out because items are unscored. */
function countedLabel(row: ProjectFigures['rows'][number]): string {
  if (row.recusal) return RECUSED;
  return row.counted ? '计入' : '未评完，不计入';
}

function projectRows(data: ConsolidationDto, project: ProjectFigures, width: number): TableValue[][] {
  const experts = new Map(data.experts.map((e) => [e.id, e]));
  const lead = [project.projectId, project.projectName];
  const filler = (text: string): TableValue[] => [...lead, text, ...Array<TableValue>(width - 3).fill(null)];
  if (project.hidden) return [filler('（本人已回避本项目，不显示评分）')];
  if (project.rows.length === 0) return [filler('（尚无评分）')];
  return project.rows.map((row) => {
    const expert = experts.get(row.expertId);
    const recused = row.recusal !== null;
    return [
      ...lead,
      expert?.name ?? '',
      expert?.organization ?? '',
      ...data.rubric.items.map((item) => (recused ? RECUSED : (row.items[item.id] ?? '未评分'))),
      recused ? RECUSED : (row.total ?? '未评完'),
      countedLabel(row),
      row.verdict ? enumLabel(VERDICTS, row.verdict) : '',
      row.recusal ? `${enumLabel(RECUSAL_KINDS, row.recusal.kind)}${row.recusal.note ? `：${row.recusal.note}` : ''}` : '',
    ];
  });
}

/**
 * 评分矩阵: every item score of every expert on every project, one row per expert and project, with
 * the rubric (name and version) the scores were given against. A recused expert's cells read 回避.
 */
export async function buildScoreMatrixWorkbook(data: ConsolidationDto, batch: BatchHeading): Promise<Buffer> {
  const workbook = newWorkbook(batch.exportedAt);
  const columns: TableColumn[] = [
    { header: '项目编号', kind: 'text' },
    { header: '项目名称', kind: 'text' },
    { header: '专家', kind: 'text' },
    { header: '工作单位', kind: 'text' },
    ...data.rubric.items.map((item): TableColumn => ({ header: `${item.title}\n（满分 ${item.max}）`, kind: 'score' })),
    { header: '合计', kind: 'score' },
    { header: '计入汇总', kind: 'text' },
    { header: '评审结论', kind: 'text' },
    { header: '回避原因', kind: 'text' },
  ];
  addTableSheet(workbook, {
    name: '评分矩阵',
    title: [`${batch.name}　评分矩阵`, headingLine(batch), rubricLine(data)],
    columns,
    rows: data.projects.flatMap((project) => projectRows(data, project, columns.length)),
    frozenColumns: 3,
  });
  return workbookBytes(workbook);
}
