import { AppError } from '@shared/api/errors';
import type { BatchWorkbookKind } from '@shared/api/exports-contract';
import type { BatchSummary, ProjectListItem } from '@shared/api/batches-contract';
import type { ConsolidationDto } from '@shared/api/panel-contract';
import type { ProjectVerification } from '@shared/api/verification-contract';
import { STAGE_LABEL } from '@shared/codes/labels';
import { sumMoney } from '@shared/domain/money';
import type { RuleSet } from '@shared/rules';
import { isUndecided } from '../reports/report-data';
import type { BatchHeading } from './batch-heading';
import { policyName } from './policy-name';
import { buildConsolidatedWorkbook, methodLabel, panelVerdict } from './consolidated-workbook';
import { buildResultsSummaryWorkbook, type ResultLine } from './results-summary-workbook';
import { buildScoreMatrixWorkbook } from './score-matrix-workbook';

/** Where the batch workbooks take their figures from: the same services the pages use. */
export interface BatchWorkbookSources {
  batches(): Promise<BatchSummary[]>;
  projects(batchId: string): Promise<ProjectListItem[]>;
  verify(batchId: string, projectId: string): Promise<ProjectVerification>;
  consolidation(batchId: string): ConsolidationDto;
  ruleSet(policy: string): RuleSet | undefined;
  /** The data folder's reviewer, named as the exporter. */
  reviewerName(): string | undefined;
  now(): Date;
}

const FILE_TITLE: Readonly<Record<BatchWorkbookKind, string>> = { matrix: '评分矩阵', consolidated: '汇总结果', summary: '评审结果汇总表' };

export function createBatchWorkbooks(sources: BatchWorkbookSources) {
  async function heading(batchId: string): Promise<BatchHeading> {
    const batch = (await sources.batches()).find((b) => b.id === batchId);
    if (!batch) throw new AppError('NOT_FOUND', `没有评审批次「${batchId}」`);
    return {
      id: batch.id,
      name: batch.name,
      policy: policyName(sources.ruleSet(batch.policy)),
      stage: STAGE_LABEL[batch.stage],
      exportedBy: sources.reviewerName() ?? '（尚未设置评审人身份）',
      exportedAt: sources.now().toISOString(),
    };
  }

  async function resultLines(batchId: string, data: ConsolidationDto): Promise<ResultLine[]> {
    const figures = new Map(data.projects.map((p) => [p.projectId, p]));
    const lines: ResultLine[] = [];
    for (const project of await sources.projects(batchId)) {
      const v = await sources.verify(batchId, project.id);
      const f = figures.get(project.id);
      const undecided = v.invoices.filter(isUndecided).length;
      const notes = [
        ...(f?.hidden ? ['本人已回避本项目，得分不予显示'] : f?.figure ? [] : ['尚无计入汇总的评分']),
        ...(f && !f.hidden && f.figure && !f.panelOpinion.saved ? ['专家组结论为草拟，组长尚未确认'] : []),
        ...(undecided > 0 ? [`${String(undecided)} 张有核验发现的发票尚未认定（暂按规则计入：无错误的计入）`] : []),
        ...(v.summary.award !== null && v.summary.awardIsCeiling ? ['奖补金额为上限，由专家组在上限内核定'] : []),
      ];
      lines.push({
        rank: f?.hidden ? null : (f?.rank ?? null),
        projectId: project.id,
        projectName: project.name,
        applicant: project.applicant,
        score: f?.hidden ? '本人回避' : (f?.figure ?? '尚无评分'),
        verdict: f && !f.hidden ? panelVerdict(f).verdict : '',
        claimed: v.summary.claimed,
        verifiedInvestment: v.summary.verifiedInvestment,
        award: v.summary.award ?? v.summary.awardMessage ?? '无法测算',
        notes,
      });
    }
    // Ranked first, by rank (ties keep their shared rank), then the unranked, each by project number.
    return lines.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.projectId.localeCompare(b.projectId));
  }

  async function make(batchId: string, kind: BatchWorkbookKind): Promise<{ fileName: string; bytes: Buffer }> {
    const batch = await heading(batchId);
    const data = sources.consolidation(batchId);
    const fileName = `${FILE_TITLE[kind]}-${batchId}.xlsx`;
    if (kind === 'matrix') return { fileName, bytes: await buildScoreMatrixWorkbook(data, batch) };
    if (kind === 'consolidated') return { fileName, bytes: await buildConsolidatedWorkbook(data, batch) };
    const lines = await resultLines(batchId, data);
    const money = (pick: (l: ResultLine) => string) => sumMoney(lines.map(pick).filter((s) => /^-?\d+\.\d{2}$/u.test(s)));
    const totals = { claimed: money((l) => l.claimed), verifiedInvestment: money((l) => l.verifiedInvestment), award: money((l) => l.award) };
    return { fileName, bytes: await buildResultsSummaryWorkbook(lines, batch, `专家组汇总得分（${methodLabel(data)}）`, totals) };
  }

  return { make };
}

export type BatchWorkbooks = ReturnType<typeof createBatchWorkbooks>;
