import { AppError } from '@shared/api/errors';
import { parseStage } from '@shared/domain/enums';
import { findInstallRoot, resourcesDirOf } from '../../core/install-paths';
import { createRubricCatalogue } from '../../core/scoring/rubric-catalogue';
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

export const rubricCommand = commandWithSubcommands('rubric', '评分标准：查看批次或内置的评分标准', [show]);
