import { AppError } from '@shared/api/errors';
import type { ConsolidationDto, ScoringSheetDto } from '@shared/api/panel-contract';
import { enumLabel } from '@shared/domain/enums';
import { Dec } from '@shared/domain/decimal';
import { CONSOLIDATION_METHODS, type ConsolidationMethod } from '@shared/scoring/consolidate';
import { mean } from '@shared/scoring/panel-statistics';
import { RECUSAL_KINDS } from '@shared/scoring/recusal';
import { VERDICTS } from '@shared/scoring/verdict';
import type { CoreContext } from '../core-context';
import { createReviewerStore } from '../identity/reviewer-store';
import { createPanelServices } from '../panel/panel-handlers';
import { createInspectionService } from '../inspection/inspection-service';
import { createBlobStore } from '../package/import/blob-store';
import { createEInvoiceCache, type EInvoiceCache } from '../verification/einvoice-cache';
import type { ExpertForm, PanelMember, PanelOutcome } from './report-model';
import type { PanelSource } from './report-service';

/**
 * The panel's part of the reports, read through the scoring and consolidation services (the same
 * figures the 评分汇总 page shows): members with their role and recusals, every member's item
 * scores, all consolidation methods side by side with the batch's chosen one, and the panel verdict
 * and opinion. Whatever the panel still has to do is listed, which keeps the report a draft.
 */

const recusalText = (recusal: { kind: (typeof RECUSAL_KINDS)[number]['id']; note: string }) =>
  `${enumLabel(RECUSAL_KINDS, recusal.kind)}${recusal.note ? `（${recusal.note}）` : ''}`;

const methodLabel = (method: ConsolidationMethod) => enumLabel(CONSOLIDATION_METHODS, method);

type ProjectFigures = ConsolidationDto['projects'][number];

function panelOutcomeOf(c: ConsolidationDto, p: ProjectFigures, roleOf: (id: string) => PanelMember['role']): PanelOutcome | null {
  const rowOf = new Map(p.rows.map((r) => [r.expertId, r]));
  if (p.rows.length === 0) return null;
  const items = c.rubric.items;
  const open: string[] = [];
  const members: PanelMember[] = c.experts.map((e) => {
    const row = rowOf.get(e.id);
    const role = roleOf(e.id);
    if (!row) open.push(`专家 ${e.name} 尚未对本项目作回避声明和评分`);
    else if (!row.recusal) {
      const missing = items.filter((i) => (row.items[i.id] ?? null) === null).map((i) => i.title);
      if (missing.length > 0) open.push(`专家 ${e.name} 尚未完成评分（未评：${missing.join('、')}）`);
      if (row.verdict === null) open.push(`专家 ${e.name} 尚未给出评审结论`);
    }
    return { name: e.name, organization: e.organization, role, recused: (row?.recusal ?? null) !== null, recusalReason: row?.recusal ? recusalText(row.recusal) : '' };
  });
  if (!p.panelOpinion.saved) open.push('专家组评审结论与意见尚未由组长确认');
  const nameOf = new Map(c.experts.map((e) => [e.id, e.name]));
  const scored = p.rows.filter((r) => !r.recusal);
  const figureOf: Record<ConsolidationMethod, string | null> = { mean: p.mean, trimmedMean: p.trimmedMean, median: p.median, normalised: p.normalised };
  return {
    members,
    method: methodLabel(c.method),
    items: items.map((i) => {
      const values = scored.flatMap((r) => (r.items[i.id] ? [new Dec(r.items[i.id] as string)] : []));
      const m = mean(values);
      return { item: i.title, maxScore: i.max, score: m === null ? '—' : m.toFixed(2) };
    }),
    scores: scored.map((r) => ({ expert: nameOf.get(r.expertId) ?? '', items: items.map((i) => r.items[i.id] ?? null), total: r.total, counted: r.counted })),
    figures: CONSOLIDATION_METHODS.map((m) => ({ method: m.label, figure: figureOf[m.id], counts: m.id === c.method })),
    total: p.figure,
    rank: p.rank,
    verdict: p.panelOpinion.verdict === null ? null : enumLabel(VERDICTS, p.panelOpinion.verdict),
    opinion: p.panelOpinion.opinion,
    opinionConfirmed: p.panelOpinion.saved,
    open,
  };
}

function expertFormOf(sheet: ScoringSheetDto, expert: ExpertForm['expert']): ExpertForm {
  const byId = new Map(sheet.items.map((i) => [i.itemId, i]));
  return {
    expert,
    recusalDeclared: sheet.recusalDeclared,
    recused: sheet.recusal !== null,
    recusalStatement: sheet.recusal ? recusalText(sheet.recusal) : sheet.recusalDeclared ? '' : '尚未作回避声明。',
    items: sheet.rubric.items.map((i) => ({ item: i.title, maxScore: i.max, score: byId.get(i.id)?.score ?? null, comment: byId.get(i.id)?.comment ?? '' })),
    total: sheet.progress.total,
    verdict: sheet.verdict === null ? null : enumLabel(VERDICTS, sheet.verdict),
    opinion: sheet.opinion,
  };
}

export function createPanelReportSource(ctx: CoreContext, einvoices?: EInvoiceCache): PanelSource {
  const { scoring, consolidation } = createPanelServices(ctx);
  const inspection = createInspectionService(ctx, einvoices ?? createEInvoiceCache(createBlobStore(ctx.dataDir)));
  const reviewers = createReviewerStore(ctx.db);
  const roleOf = (id: string) => reviewers.find(id)?.role ?? 'expert';
  return {
    panelOutcome(batchId, projectId) {
      const c = consolidation.consolidation(batchId);
      const p = c.projects.find((x) => x.projectId === projectId);
      if (!p) return null;
      if (p.hidden) throw new AppError('FORBIDDEN', `您已声明回避项目「${projectId}」，不能查看其评分，也不能生成其验收报告`);
      return panelOutcomeOf(c, p, roleOf);
    },
    expertForm(batchId, projectId) {
      const own = reviewers.own();
      if (!own) return null;
      return expertFormOf(scoring.sheet(batchId, projectId), { name: own.name, organization: own.organization, field: own.field });
    },
    inspection: (batchId, projectId) => inspection.getInspection(batchId, projectId),
    photoThumbnail(sha256) {
      try {
        return inspection.photoBytes(sha256, 'thumbnail').bytes;
      } catch {
        return undefined; // drawn as 照片未找到, never left out
      }
    },
  };
}
