import { AppError } from '@shared/api/errors';
import type { ApiHandlers } from '@shared/api/contract';
import type { ProjectChecklist } from '@shared/api/checklist-contract';
import type { Stage } from '@shared/codes/codes';
import { STAGE_LABEL } from '@shared/codes/labels';
import { isMoneyString } from '@shared/domain/money';
import { conditionChecksFor, readableSource } from '@shared/rules';
import { createAuditTrail } from '../audit/audit-trail';
import type { CoreContext } from '../core-context';
import { createActingReviewer } from '../reviewers/acting-reviewer';
import type { RuleSetCatalogue } from '../rules/rule-set-catalogue';
import { createProjectLoader } from './load-project';
import { createPanelRecords } from './panel-records';
import { projectFacts } from './project-award';

type ChecklistHandlers = Pick<ApiHandlers, 'getProjectChecklist' | 'confirmCondition' | 'recordAdvance'>;

/** Reads a project's 资格条件核查表 and advances; the reports print it (see reports/condition-checklist-section.ts). */
export function createProjectChecklists(ctx: CoreContext, catalogue: RuleSetCatalogue) {
  const loader = createProjectLoader(ctx.db);
  const records = createPanelRecords(ctx.db);
  const batchOf = ctx.db.prepare<[string], { policy: string; stage: Stage }>('SELECT policy, stage FROM batches WHERE id = ?');

  function context(batchId: string, projectId: string) {
    const batch = batchOf.get(batchId);
    const loaded = batch ? loader.load(batchId, projectId) : undefined;
    if (!batch || !loaded) throw new AppError('NOT_FOUND', `批次「${batchId}」中没有项目「${projectId}」`);
    const ruleSet = catalogue.all().get(batch.policy)?.ruleSet;
    if (!ruleSet) throw new AppError('NOT_FOUND', `本程序没有该批次的政策规则「${batch.policy}」`);
    return { batch, ruleSet, checks: conditionChecksFor(ruleSet, batch.stage, projectFacts(ruleSet, loaded.project)) };
  }

  function of(batchId: string, projectId: string): ProjectChecklist {
    const { batch, ruleSet, checks } = context(batchId, projectId);
    const stored = records.checksOf(batchId, projectId);
    return {
      batchId,
      projectId,
      policyName: ruleSet.name,
      stage: batch.stage,
      items: checks.map((check) => {
        const found = stored.find((s) => s.conditionId === check.id);
        return {
          id: check.id,
          label: check.label,
          description: check.description,
          source: readableSource(check.source, ruleSet),
          status: found?.status ?? null,
          note: found?.note ?? '',
          recordedBy: found?.recordedBy ?? null,
          recordedAt: found?.recordedAt ?? null,
        };
      }),
      advances: records.advancesOf(batchId, projectId),
    };
  }

  return { context, of, records };
}

/**
 * The 资格条件核查表 of a project and the advances paid on it: read, confirmed by the panel, each
 * change in the 操作记录 in the same transaction.
 */
export function createChecklistHandlers(ctx: CoreContext, catalogue: RuleSetCatalogue): ChecklistHandlers {
  const { context, of: checklist, records } = createProjectChecklists(ctx, catalogue);
  const audit = createAuditTrail(ctx.db, ctx.now);
  const acting = createActingReviewer(ctx.db);

  const reviewerName = () => acting.own()?.name ?? null;

  return {
    getProjectChecklist: ({ batchId, projectId }) => checklist(batchId, projectId),
    confirmCondition: ({ batchId, projectId, conditionId, status, note }) => {
      const { ruleSet, checks } = context(batchId, projectId);
      const check = checks.find((c) => c.id === conditionId);
      if (!check) throw new AppError('BAD_INPUT', `本项目在当前评审阶段的资格条件核查表中没有「${conditionId}」这一项`);
      if (status === 'not-met' && (note ?? '').length === 0) throw new AppError('BAD_INPUT', `「${check.label}」确认为不满足时须填写说明`);
      ctx.db.transaction(() => {
        records.recordCheck(batchId, projectId, ruleSet.id, conditionId, status, note ?? '', reviewerName(), ctx.now().toISOString());
        audit.record({
          action: 'condition-confirm',
          subject: `project:${batchId}/${projectId}`,
          details: {
            condition: check.label,
            status: status === null ? '撤销确认' : status === 'met' ? '满足' : '不满足',
            note: note ?? '',
            source: readableSource(check.source, ruleSet),
          },
        });
      })();
      return checklist(batchId, projectId);
    },
    recordAdvance: ({ batchId, projectId, stage, amount }) => {
      context(batchId, projectId);
      if (!isMoneyString(amount) || amount.startsWith('-')) throw new AppError('BAD_INPUT', `预拨资金应为不小于 0 的金额（元，两位小数），实际为「${amount}」`);
      ctx.db.transaction(() => {
        records.recordAdvance(batchId, projectId, stage, amount, reviewerName(), ctx.now().toISOString());
        audit.record({ action: 'advance-record', subject: `project:${batchId}/${projectId}`, details: { stage: STAGE_LABEL[stage], amount } });
      })();
      return checklist(batchId, projectId);
    },
  };
}
