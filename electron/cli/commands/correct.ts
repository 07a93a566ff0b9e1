import { AppError } from '@shared/api/errors';
import type { CliCommand } from '../command';

const text = (value: string | boolean | undefined) => (typeof value === 'string' ? value : undefined);

/**
 * Records a correction (更正) as the acting reviewer: the sheet says one thing, the attached document
 * another. The checks run again on the corrected value; the answer is the project's verification.
 */
export const correctCommand: CliCommand = {
  name: 'correct',
  summary: '更正申报表中的一个字段（以附件为据），核验按更正后的值重新进行',
  usage:
    'jigai correct --batch 批次编号 --project 项目编号 --invoice 发票号码 [--occurrence 2] --field 开票日期 --value 2024-01-03 --reason 理由 [--evidence "附件名#页"] --data 数据文件夹 [--json]\n' +
    '      jigai correct --batch 批次编号 --project 项目编号 --contract 合同编号 --field 约定尾款 --value 10% --reason 理由 --evidence "合同.pdf#5" --data 数据文件夹\n' +
    '      jigai correct … --field 开票日期 --withdraw     （撤销该字段的更正）\n' +
    '      发票可更正：开票日期、金额、税额、价税合计、销售方名称、销售方纳税人识别号、项目名称、合同编号；合同可更正：投资类别、约定尾款、签订日期、合同金额',
  options: {
    batch: { type: 'string' },
    project: { type: 'string' },
    invoice: { type: 'string' },
    occurrence: { type: 'string' },
    contract: { type: 'string' },
    field: { type: 'string' },
    value: { type: 'string' },
    reason: { type: 'string' },
    evidence: { type: 'string' },
    withdraw: { type: 'boolean' },
  },
  async run({ values, openCore }) {
    const batchId = text(values.batch);
    const projectId = text(values.project);
    const field = text(values.field);
    const invoiceKey = text(values.invoice);
    const contractNo = text(values.contract);
    if (batchId === undefined || projectId === undefined || field === undefined)
      throw new AppError('BAD_INPUT', '请给出 --batch 批次编号、--project 项目编号 和 --field 字段');
    if ((invoiceKey === undefined) === (contractNo === undefined)) throw new AppError('BAD_INPUT', '请给出 --invoice 发票号码 或 --contract 合同编号 二者之一');
    const withdraw = values.withdraw === true;
    const value = text(values.value);
    if (!withdraw && value === undefined) throw new AppError('BAD_INPUT', '请用 --value 给出更正后的值（或用 --withdraw 撤销更正）');
    const core = openCore();
    let rowNo: number | undefined;
    if (invoiceKey !== undefined) {
      const occurrence = Number(text(values.occurrence) ?? '1');
      const rows = (await core.api.getProjectVerification({ batchId, projectId })).invoices.filter((i) => i.key === invoiceKey.trim() || i.number === invoiceKey.trim());
      const row = rows[occurrence - 1];
      if (!row) {
        throw new AppError(
          'BAD_INPUT',
          rows.length === 0
            ? `项目「${projectId}」的发票表中没有发票「${invoiceKey}」`
            : `发票「${invoiceKey}」在发票表中只出现 ${String(rows.length)} 次，没有第 ${String(occurrence)} 次`,
        );
      }
      rowNo = row.rowNo;
    }
    const result = await core.api.correctRecord({
      batchId,
      projectId,
      target: invoiceKey !== undefined ? 'invoice' : 'contract',
      ...(rowNo === undefined ? {} : { rowNo }),
      ...(contractNo === undefined ? {} : { contractNo }),
      field,
      value: withdraw ? null : (value ?? ''),
      reason: text(values.reason) ?? '',
      ...(text(values.evidence) === undefined ? {} : { evidence: text(values.evidence) }),
    });
    const lines = [
      withdraw ? `已撤销更正：${field}` : `已登记更正：${field} → ${value ?? ''}`,
      `项目 ${projectId}：核定投资额 ${result.summary.verifiedInvestment} 元，奖补 ${result.summary.award ?? '无法测算'}${result.summary.award === null ? '' : ' 元'}`,
      ...result.trace.filter((line) => line.startsWith('更正：')).map((line) => `  ${line}`),
    ];
    return { json: { summary: result.summary, corrections: result.corrections, trace: result.trace }, text: lines.join('\n') };
  },
};
