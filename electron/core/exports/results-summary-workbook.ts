import { headingLine, newWorkbook, workbookBytes, type BatchHeading } from './batch-heading';
import { addTableSheet } from './table-sheet';

/** One project's line of the 评审结果汇总表. Amounts are yuan decimal strings. */
export interface ResultLine {
  rank: number | null;
  projectId: string;
  projectName: string;
  applicant: string;
  /** The panel's figure by the batch's method, or a reason there is none (本人回避, 尚无评分). */
  score: string;
  verdict: string;
  claimed: string;
  verifiedInvestment: string;
  /** The award, or why there is none (低于8000万元不予奖补, 缺少政策规则). */
  award: string;
  /** What is still open or worth knowing: undecided invoices, an unconfirmed verdict, a ceiling. */
  notes: string[];
}

/**
 * 评审结果汇总表: every project of the batch with its panel score, verdict, claimed and verified
 * investment and award, ranked by the panel score (unscored projects last), with a total line.
 */
export async function buildResultsSummaryWorkbook(
  lines: readonly ResultLine[],
  batch: BatchHeading,
  ranking: string,
  totals: { claimed: string; verifiedInvestment: string; award: string },
): Promise<Buffer> {
  const workbook = newWorkbook(batch.exportedAt);
  addTableSheet(workbook, {
    name: '评审结果汇总表',
    title: [`${batch.name}　评审结果汇总表`, headingLine(batch), `排名依据：${ranking}；金额单位：元`],
    columns: [
      { header: '排名', kind: 'count' },
      { header: '项目编号', kind: 'text' },
      { header: '项目名称', kind: 'text' },
      { header: '申报单位', kind: 'text' },
      { header: '专家组得分', kind: 'figure' },
      { header: '评审结论', kind: 'text' },
      { header: '申报发票金额\n（不含税）', kind: 'money' },
      { header: '核定投资额', kind: 'money' },
      { header: '奖补金额', kind: 'money' },
      { header: '说明', kind: 'longText' },
    ],
    rows: lines.map((l) => [l.rank, l.projectId, l.projectName, l.applicant, l.score, l.verdict, l.claimed, l.verifiedInvestment, l.award, l.notes.join('\n')]),
    totals: [[null, '合计', `${String(lines.length)} 个项目`, null, null, null, totals.claimed, totals.verifiedInvestment, totals.award, null]],
    frozenColumns: 3,
  });
  return workbookBytes(workbook);
}
