import { AppError } from '@shared/api/errors';
import { parseStage } from '@shared/domain/enums';
import { findInstallRoot, resourcesDirOf } from '../../core/install-paths';
import { createRubricCatalogue } from '../../core/scoring/rubric-catalogue';
import { commandWithSubcommands, type CliSubcommand } from '../subcommands';

const show: CliSubcommand = {
  name: 'show',
  summary: '显示某项政策规则在某评审阶段使用的评分标准（评分项与满分）',
  usage: 'jigai rubric show --policy 政策规则编号 --stage application|midterm|acceptance [--json]',
  options: { policy: { type: 'string' }, stage: { type: 'string' } },
  async run({ values }) {
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

export const rubricCommand = commandWithSubcommands('rubric', '评分标准：查看内置的评分标准', [show]);
