import fs from 'node:fs';
import { AppError } from '@shared/api/errors';
import { z } from 'zod';
import { caseInputSchema } from '@shared/api/award-schema';
import { describeIssues, safeParseInChinese } from '@shared/api/validation-message';
import type { CliCommand } from '../command';

/** The file is read at the edge: each case an object of facts, located by its position when not. */
const caseListSchema = z.array(caseInputSchema);

export const awardCommand: CliCommand = {
  name: 'award',
  summary: '按政策规则测算奖补金额（输入为案例 JSON 数组，输出同序的结果数组）',
  usage: 'jigai award --input 案例.json [--json]',
  options: { input: { type: 'string' } },
  async run({ values, openCore }) {
    const input = values.input;
    if (typeof input !== 'string') throw new AppError('BAD_INPUT', '请用 --input 指定案例文件（JSON 数组）');
    let text: string;
    try {
      text = fs.readFileSync(input, 'utf8');
    } catch {
      throw new AppError('BAD_INPUT', `无法读取案例文件：${input}`);
    }
    let cases: unknown;
    try {
      cases = JSON.parse(text);
    } catch (error) {
      throw new AppError('BAD_INPUT', `案例文件不是有效的 JSON：${error instanceof Error ? error.message : String(error)}`);
    }
    if (!Array.isArray(cases)) throw new AppError('BAD_INPUT', '案例文件应为 JSON 数组，每个元素是一个案例，如 [{"policy":"xiamen-2024","investment":"150000000.00"}]');
    const checked = safeParseInChinese(caseListSchema, cases);
    if (!checked.success) throw new AppError('BAD_INPUT', `案例文件有误：${describeIssues(checked.error.issues).join('；')}`);
    const results = await openCore().api.computeAwards({ cases: checked.data });
    const lines = results.map((r, i) =>
      'error' in r
        ? `案例 ${String(i + 1)}：错误：${r.error.message}`
        : r.hasFormula
          ? `案例 ${String(i + 1)}：奖补${r.ceiling ? '上限' : '金额'} ${r.award} 元`
          : `案例 ${String(i + 1)}：不计算金额（${r.findings.find((f) => f.code === 'NO_AWARD_STANDARD' || f.code === 'NO_AWARD_FORMULA')?.message ?? '文件未规定奖补计算公式'}）`,
    );
    return { json: results, text: lines.join('\n') };
  },
};
