import path from 'node:path';
import { AppError } from '@shared/api/errors';
import { BATCH_WORKBOOK_KIND_IDS, BATCH_WORKBOOK_KINDS, type BatchWorkbookKind } from '@shared/api/exports-contract';
import type { CliCommand, CommandContext } from '../command';

/** The invoice workbook is per project; the others are per batch. */
const KINDS = [...BATCH_WORKBOOK_KIND_IDS, 'invoices'] as const;
type ExportKind = (typeof KINDS)[number];
const KIND_LABEL: Readonly<Record<ExportKind, string>> = {
  ...(Object.fromEntries(BATCH_WORKBOOK_KINDS.map((k) => [k.id, k.label])) as Record<BatchWorkbookKind, string>),
  invoices: '发票核验明细表',
};

const USAGE = 'jigai export --batch 批次编号 --kind matrix|consolidated|summary|invoices [--project 项目编号] --out 表格.xlsx --data 数据文件夹 [--json]';

function option(values: CommandContext['values'], name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

export const exportCommand: CliCommand = {
  name: 'export',
  summary: '导出 Excel 表格：评分矩阵（matrix）、汇总结果（consolidated）、评审结果汇总表（summary）、发票核验明细表（invoices，需 --project）',
  usage: USAGE,
  options: { batch: { type: 'string' }, kind: { type: 'string' }, project: { type: 'string' }, out: { type: 'string' } },
  async run({ values, openCore }) {
    const kind = option(values, 'kind') as ExportKind | undefined;
    if (kind === undefined || !KINDS.includes(kind)) {
      throw new AppError('BAD_INPUT', `请用 --kind 指定表格：${KINDS.map((k) => `${k}（${KIND_LABEL[k]}）`).join('、')}\n用法：${USAGE}`);
    }
    const batchId = option(values, 'batch');
    if (batchId === undefined) throw new AppError('BAD_INPUT', `请用 --batch 指定评审批次\n用法：${USAGE}`);
    const projectId = option(values, 'project');
    if (kind === 'invoices' && projectId === undefined) throw new AppError('BAD_INPUT', '发票核验明细表针对一个项目，请用 --project 指定');
    if (kind !== 'invoices' && projectId !== undefined) throw new AppError('BAD_INPUT', `${KIND_LABEL[kind]}针对整个批次，不需要 --project`);
    const out = option(values, 'out');
    if (out === undefined) throw new AppError('BAD_INPUT', '请用 --out 指定输出的 .xlsx 文件');
    const file = path.resolve(out);
    const api = openCore().api;
    if (kind === 'invoices') await api.exportVerificationWorkbook({ batchId, projectId: projectId ?? '', path: file });
    else await api.exportBatchWorkbook({ batchId, kind, path: file });
    return { json: { path: file, kind }, text: `已导出${KIND_LABEL[kind]}：${file}` };
  },
};
