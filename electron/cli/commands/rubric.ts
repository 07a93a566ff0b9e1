import { AppError } from '@shared/api/errors';
import { parseStage } from '@shared/domain/enums';
import { findInstallRoot, resourcesDirOf } from '../../core/install-paths';
import { createRubricCatalogue } from '../../core/scoring/rubric-catalogue';
import type { Core } from '../../core/create-core';
import { readJsonFile } from '../read-json-file';
import { commandWithSubcommands, type CliSubcommand } from '../subcommands';

const show: CliSubcommand = {
  name: 'show',
  summary: '显示评审批次使用的评分标准，或某项政策规则在某评审阶段内置的评分标准（评分项与满分）',
  usage: 'jigai rubric show --batch 批次编号 [--data 目录] [--json] | jigai rubric show --policy 政策规则编号 --stage application|midterm|acceptance [--json]',
  options: { policy: { type: 'string' }, stage: { type: 'string' }, batch: { type: 'string' } },
  async run({ values, openCore }) {
    if (typeof values.batch === 'string') {
      if (values.policy !== undefined || values.stage !== undefined) throw new AppError('BAD_INPUT', '--batch 与 --policy/--stage 只能选用一种');
      const rubric = await openCore().api.getBatchRubric({ batchId: values.batch });
      const text = [
        `批次「${rubric.batchId}」：${rubric.name}（第 ${String(rubric.version)} 版${rubric.frozen ? '，已开始评分，已冻结' : ''}）`,
        ...rubric.items.map((i) => `  ${i.title}：满分 ${i.max} 分`),
      ];
      return { json: { id: rubric.rubricId, version: rubric.version, items: rubric.items.map(({ id, title, max }) => ({ id, title, max })) }, text: text.join('\n') };
    }
    if (typeof values.policy !== 'string') throw new AppError('BAD_INPUT', '请用 --policy 指定政策规则编号，如 xiamen-2024');
    const stage = parseStage(values.stage, '--stage 评审阶段');
    if (!stage.ok) throw new AppError('BAD_INPUT', `${stage.message}（也可写 application、midterm、acceptance）`);
    // The shipped rubrics only: no data folder is needed, so none is opened (or created).
    const catalogue = createRubricCatalogue(resourcesDirOf(findInstallRoot(import.meta.url)));
    const { rubric, hash } = catalogue.choose(values.policy, stage.value);
    const items = rubric.items.map(({ id, title, max }) => ({ id, title, max }));
    const text = [`${rubric.name}（第 ${String(rubric.version)} 版）`, ...rubric.items.map((i) => `  ${i.title}：满分 ${i.max} 分（${i.source}）`)];
    return { json: { id: rubric.id, version: rubric.version, hash, items }, text: text.join('\n') };
  },
};

/** The file of `rubric adjust`: the items of the adjusted rubric, as `rubric show --json` lists them plus their texts. */
function adjustedItems(json: unknown, file: string): unknown[] {
  const items = Array.isArray(json) ? json : typeof json === 'object' && json !== null ? (json as { items?: unknown }).items : undefined;
  if (!Array.isArray(items)) throw new AppError('BAD_INPUT', `评分标准调整文件「${file}」应为评分项列表，或含 items 列表的对象`);
  return items;
}

const adjust: CliSubcommand = {
  name: 'adjust',
  summary: '组长在评分开始前调整批次的评分标准（修改满分、名称、说明、评分指引，增删评分项；满分合计须为 100）',
  usage: 'jigai rubric adjust --batch 批次编号 --input 评分项.json [--data 目录] [--json]',
  options: { batch: { type: 'string' }, input: { type: 'string' } },
  async run({ values, openCore }) {
    if (typeof values.batch !== 'string' || values.batch === '') throw new AppError('BAD_INPUT', `请用 --batch 指定评审批次编号\n用法：${this.usage}`);
    if (typeof values.input !== 'string') throw new AppError('BAD_INPUT', `请用 --input 指定评分项文件\n用法：${this.usage}`);
    const items = adjustedItems(readJsonFile(values.input, '评分标准调整文件'), values.input);
    // The API checks each item (and names it) and the adjustment as a whole (maxima sum to 100, frozen after the first score).
    const rubric = await openCore().api.adjustBatchRubric({ batchId: values.batch, items: items as Parameters<Core['api']['adjustBatchRubric']>[0]['items'] });
    const text = [`批次「${rubric.batchId}」的评分标准已调整为第 ${String(rubric.version)} 版：`, ...rubric.items.map((i) => `  ${i.title}：满分 ${i.max} 分`)];
    return { json: { id: rubric.rubricId, version: rubric.version, items: rubric.items.map(({ id, title, max }) => ({ id, title, max })) }, text: text.join('\n') };
  },
};

export const rubricCommand = commandWithSubcommands('rubric', '评分标准：查看或（组长）调整批次的评分标准', [show, adjust]);
