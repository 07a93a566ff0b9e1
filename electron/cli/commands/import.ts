import path from 'node:path';
import { AppError } from '@shared/api/errors';
import { formatProblemLocation } from '@shared/package/problem';
import { STAGE_LABEL } from '@shared/codes/labels';
import type { CliCommand } from '../command';

export const importCommand: CliCommand = {
  name: 'import',
  summary: '导入申报材料包（.zip 或文件夹）；有错误时不导入任何内容',
  usage: 'jigai import 材料包.zip [--replace] [--data 数据文件夹] [--json]',
  options: { replace: { type: 'boolean' } },
  positionals: true,
  async run({ positionals, values, openCore }) {
    const [source, ...rest] = positionals;
    if (!source || rest.length > 0) throw new AppError('BAD_INPUT', '请给出一个材料包文件或文件夹，例如：jigai import 材料包.zip');
    // A newer version of a batch that drops projects removes them only with --replace (exit 2 otherwise, naming them).
    const summary = await openCore().api.importPackage({ path: path.resolve(source), ...(values.replace === true ? { replace: true } : {}) });
    const lines = [
      `已导入批次「${summary.batch.name}」（${summary.batch.id}，${STAGE_LABEL[summary.batch.stage]}，政策 ${summary.batch.policy}）`,
      ...summary.projects.map(
        (p) =>
          `  ${p.id}：合同 ${String(p.contracts)}，发票 ${String(p.invoices)}（金额合计 ${p.invoiceAmountTotal} 元），付款 ${String(p.payments)}，指标 ${String(p.indicators)}，附件 ${String(p.attachments)}`,
      ),
    ];
    if (summary.changes) {
      lines.push(summary.changes.unchanged ? '与已导入的版本相同，没有变化。' : '与已导入的版本相比：');
      for (const change of summary.changes.projects.filter((c) => c.status !== 'unchanged')) {
        const counts = Object.entries(change.sheets)
          .filter(([, s]) => s.added + s.removed + s.changed > 0)
          .map(([sheet, s]) => `${sheet} 新增 ${String(s.added)}、删除 ${String(s.removed)}、修改 ${String(s.changed)}`);
        lines.push(`  ${change.projectId}（${{ added: '新增项目', removed: '已删除', changed: '有修改', unchanged: '' }[change.status]}）${counts.join('；')}`);
      }
    }
    if (summary.warnings.length > 0) {
      lines.push(`提示 ${String(summary.warnings.length)} 条：`);
      for (const warning of summary.warnings.slice(0, 50)) lines.push(`  ${formatProblemLocation(warning)}：${warning.message}`);
      if (summary.warnings.length > 50) lines.push(`  ……其余 ${String(summary.warnings.length - 50)} 条请用 --json 查看`);
    }
    return { json: summary, text: lines.join('\n') };
  },
};
