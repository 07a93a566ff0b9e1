import { AppError } from '@shared/api/errors';
import type { ProjectChecklist } from '@shared/api/checklist-contract';
import { STAGE_LABEL } from '@shared/codes/labels';
import { parseMoney } from '@shared/domain/money';
import { projectOptions, projectRef } from '../project-ref';
import { commandWithSubcommands, type CliSubcommand } from '../subcommands';

const STATUS_TEXT = { met: '满足', 'not-met': '不满足' } as const;

function describe(checklist: ProjectChecklist): string {
  const lines = [`《${checklist.policyName}》资格条件核查表（${STAGE_LABEL[checklist.stage]}），项目 ${checklist.projectId}：`];
  if (checklist.items.length === 0) lines.push('  本阶段没有需要评审组确认的资格条件');
  for (const item of checklist.items) {
    const status = item.status === null ? '待确认' : `${STATUS_TEXT[item.status]}${item.recordedBy ? `（${item.recordedBy}确认）` : ''}`;
    lines.push(`  [${item.id}] ${item.label}：${status}${item.note ? `；说明：${item.note}` : ''}  依据：${item.source}`);
  }
  const { application, midterm, total } = checklist.advances;
  lines.push(`已预拨资金：立项 ${application ?? '未登记'}，中期评估 ${midterm ?? '未登记'}，合计 ${total ?? '0.00'} 元`);
  return lines.join('\n');
}

const show: CliSubcommand = {
  name: 'show',
  summary: '列出项目在当前评审阶段须由评审组确认的资格条件及其依据，以及已登记的预拨资金',
  usage: 'jigai checklist show --batch 批次编号 --project 项目编号 [--data 目录] [--json]',
  options: projectOptions,
  async run({ values, openCore }) {
    const checklist = await openCore().api.getProjectChecklist(projectRef(values));
    return { json: checklist, text: describe(checklist) };
  },
};

const confirm: CliSubcommand = {
  name: 'confirm',
  summary: '确认一项资格条件：满足（met）、不满足（not-met，须写说明）或撤销确认（clear）；记入操作记录',
  usage: 'jigai checklist confirm --batch 批次编号 --project 项目编号 --condition 核查项 --status met|not-met|clear [--note 说明] [--data 目录] [--json]',
  options: { ...projectOptions, condition: { type: 'string' }, status: { type: 'string' }, note: { type: 'string' } },
  async run({ values, openCore }) {
    if (typeof values.condition !== 'string') throw new AppError('BAD_INPUT', '请用 --condition 指定核查项（见 jigai checklist show 方括号中的编号）');
    const status = values.status === 'met' || values.status === 'not-met' ? values.status : values.status === 'clear' ? null : undefined;
    if (status === undefined) throw new AppError('BAD_INPUT', '请用 --status 指定 met（满足）、not-met（不满足）或 clear（撤销确认）');
    const checklist = await openCore().api.confirmCondition({
      ...projectRef(values),
      conditionId: values.condition,
      status,
      ...(typeof values.note === 'string' ? { note: values.note } : {}),
    });
    return { json: checklist, text: describe(checklist) };
  },
};

const advance: CliSubcommand = {
  name: 'advance',
  summary: '登记项目已预拨的资金（立项或中期评估），竣工验收时从奖补金额中扣除；记入操作记录',
  usage: 'jigai checklist advance --batch 批次编号 --project 项目编号 --stage application|midterm --amount 金额 [--data 目录] [--json]',
  options: { ...projectOptions, stage: { type: 'string' }, amount: { type: 'string' } },
  async run({ values, openCore }) {
    if (values.stage !== 'application' && values.stage !== 'midterm') throw new AppError('BAD_INPUT', '请用 --stage 指定 application（立项）或 midterm（中期评估）');
    const amount = parseMoney(values.amount, { label: '预拨资金', allowNegative: false });
    if (!amount.ok) throw new AppError('BAD_INPUT', amount.message);
    const checklist = await openCore().api.recordAdvance({ ...projectRef(values), stage: values.stage, amount: amount.value });
    return { json: checklist, text: describe(checklist) };
  },
};

export const checklistCommand = commandWithSubcommands('checklist', '资格条件核查表与预拨资金：查看、确认资格条件，登记已预拨资金', [show, confirm, advance]);
