import type { ConsolidationDto } from '@shared/api/panel-contract';
import { enumLabel } from '@shared/domain/enums';
import { CONSOLIDATION_METHODS } from '@shared/scoring/consolidate';
import { TRIMMED_MEAN_MINIMUM } from '@shared/scoring/panel-statistics';
import { VERDICTS } from '@shared/scoring/verdict';
import { headingLine, newWorkbook, workbookBytes, type BatchHeading } from './batch-heading';
import { rubricLine } from './score-matrix-workbook';
import { addTableSheet, type TableValue } from './table-sheet';

type ProjectFigures = ConsolidationDto['projects'][number];

const NONE = '—';

export function methodLabel(data: ConsolidationDto): string {
  return enumLabel(CONSOLIDATION_METHODS, data.method);
}

/** The panel's verdict, and whether the chair confirmed it or it is still the draft from the experts' verdicts. */
export function panelVerdict(project: ProjectFigures): { verdict: string; state: string } {
  const { verdict, saved } = project.panelOpinion;
  return { verdict: verdict ? enumLabel(VERDICTS, verdict) : '', state: saved ? '组长已确认' : '草拟（据专家意见生成，组长未确认）' };
}

function divergenceText(data: ConsolidationDto, project: ProjectFigures): string {
  const names = new Map(data.experts.map((e) => [e.id, e.name]));
  const items = new Map(data.rubric.items.map((i) => [i.id, i.title]));
  return project.divergent
    .map((d) => {
      const comments = d.comments.map((c) => `${items.get(c.itemId) ?? ''}：${c.comment}`).join('；');
      return `${names.get(d.expertId) ?? ''} ${d.total} 分，与中位数 ${d.median} 相差 ${d.distance} 分${comments ? `（评语：${comments}）` : ''}`;
    })
    .join('\n');
}

function projectRow(data: ConsolidationDto, project: ProjectFigures): TableValue[] {
  const names = new Map(data.experts.map((e) => [e.id, e.name]));
  const { verdict, state } = panelVerdict(project);
  const lead = [project.rank, project.projectId, project.projectName];
  if (project.hidden) return [null, project.projectId, project.projectName, null, '（本人已回避本项目，不显示评分）'];
  const counted = project.rows.filter((r) => r.counted).length;
  return [
    ...lead,
    counted,
    project.rows
      .filter((r) => r.recusal !== null)
      .map((r) => names.get(r.expertId) ?? '')
      .join('、'),
    project.mean ?? NONE,
    project.trimmedMean ?? (counted > 0 && counted < TRIMMED_MEAN_MINIMUM ? `不足 ${String(TRIMMED_MEAN_MINIMUM)} 人` : NONE),
    project.median ?? NONE,
    project.spread ?? NONE,
    project.normalised ?? NONE,
    project.figure ?? NONE,
    divergenceText(data, project),
    verdict,
    project.panelOpinion.opinion,
    state,
  ];
}

/**
 * 汇总结果: per project the consolidated figures side by side (mean, trimmed mean, median, spread,
 * normalised), the figure of the method that counts, flagged divergences with the expert's
 * comments, and the panel's verdict and opinion.
 */
export async function buildConsolidatedWorkbook(data: ConsolidationDto, batch: BatchHeading): Promise<Buffer> {
  const workbook = newWorkbook(batch.exportedAt);
  const panel = data.panelMean === null ? '' : `　全体评分均值 ${data.panelMean}，标准差 ${data.panelStandardDeviation ?? NONE}（评分尺度校正所用）`;
  addTableSheet(workbook, {
    name: '汇总结果',
    title: [
      `${batch.name}　汇总结果`,
      headingLine(batch),
      `汇总方法：${methodLabel(data)}（据此排名）　与中位数相差超过 ${data.divergencePoints} 分的评分提示分歧${panel}`,
      rubricLine(data),
    ],
    columns: [
      { header: '排名', kind: 'count' },
      { header: '项目编号', kind: 'text' },
      { header: '项目名称', kind: 'text' },
      { header: '计入专家数', kind: 'count' },
      { header: '回避专家', kind: 'text' },
      { header: '算术平均分', kind: 'figure' },
      { header: '去掉最高最低分\n后的平均分', kind: 'figure' },
      { header: '中位数', kind: 'figure' },
      { header: '极差\n（最高−最低）', kind: 'figure' },
      { header: '评分尺度校正\n后的平均分', kind: 'figure' },
      { header: `汇总得分\n（${methodLabel(data)}）`, kind: 'figure' },
      { header: '分歧提示', kind: 'longText' },
      { header: '专家组结论', kind: 'text' },
      { header: '专家组意见', kind: 'longText' },
      { header: '意见状态', kind: 'text' },
    ],
    rows: data.projects.map((project) => projectRow(data, project)),
    frozenColumns: 3,
  });
  return workbookBytes(workbook);
}
