import type { ProjectChecklist } from '@shared/api/checklist-contract';
import { formatYuan } from '@shared/domain/money';
import type { ReportWriter } from './report-writer';

const STATUS = { met: '满足', 'not-met': '不满足' } as const;

/**
 * 资格条件核查表 in the acceptance report: every condition the software cannot compute, the panel's
 * confirmation and the paragraph it comes from; an unconfirmed condition is printed as such, never
 * left out. Then the advances already paid, which the final instalment settles against.
 */
export function drawConditionChecklist(w: ReportWriter, checklist: ProjectChecklist | undefined): void {
  if (!checklist) return;
  w.heading('附：资格条件核查表');
  if (checklist.items.length === 0) w.paragraph('本评审阶段没有须由专家组确认的资格条件。');
  else {
    w.table(
      [
        { title: '资格条件', width: 0.34 },
        { title: '确认结果', width: 0.14 },
        { title: '说明', width: 0.22 },
        { title: '政策依据', width: 0.3 },
      ],
      checklist.items.map((item) => [
        item.label,
        item.status === null ? '未确认' : `${STATUS[item.status]}${item.recordedBy ? `（${item.recordedBy}）` : ''}`,
        item.note,
        item.source,
      ]),
    );
  }
  const { application, midterm, total } = checklist.advances;
  if (total !== null) {
    w.paragraph(
      `已预拨资金：立项 ${application === null ? '—' : `${formatYuan(application)} 元`}，中期评估 ${midterm === null ? '—' : `${formatYuan(midterm)} 元`}，合计 ${formatYuan(total)} 元。`,
    );
  }
}
