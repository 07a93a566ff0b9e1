import { AppError } from '@shared/api/errors';
import { consolidatePanel } from '@shared/scoring/consolidate';
import { parsePanelInput } from '@shared/scoring/panel-input';
import { readJsonFile } from '../read-json-file';
import { commandWithSubcommands, type CliSubcommand } from '../subcommands';

const consolidate: CliSubcommand = {
  name: 'consolidate',
  summary: '汇总专家组的项目总分：平均分、去掉最高最低分后的平均分、中位数、极差、评分尺度校正后的平均分',
  usage: 'jigai scores consolidate --input 专家评分.json [--json]',
  options: { input: { type: 'string' } },
  async run({ values }) {
    const input = values.input;
    if (typeof input !== 'string') {
      throw new AppError('BAD_INPUT', '请用 --input 指定专家评分文件，如 {"projects":[{"id":"XM2024-001","scores":{"王工":"85.5","李工":null}}]}');
    }
    const parsed = parsePanelInput(readJsonFile(input, '专家评分文件'));
    if (!parsed.ok) {
      const lines = parsed.errors.map((e) => `${e.path}：${e.message}`);
      throw new AppError('BAD_INPUT', `专家评分文件「${input}」有 ${String(lines.length)} 处错误：\n${lines.join('\n')}`);
    }
    const result = consolidatePanel(parsed.value);
    const projects = result.projects.map(({ id, experts, mean, trimmedMean, median, spread, normalised }) => ({ id, experts, mean, trimmedMean, median, spread, normalised }));
    const shown = (figure: string | null) => figure ?? '—';
    const text = result.projects.flatMap((p) => [
      `项目 ${p.id}：计入 ${String(p.experts)} 位专家${p.notCounted.length > 0 ? `（不计入：${p.notCounted.join('、')}）` : ''}；平均分 ${shown(p.mean)}，去掉最高最低分后平均 ${shown(p.trimmedMean)}，中位数 ${shown(p.median)}，极差 ${shown(p.spread)}，评分尺度校正后 ${shown(p.normalised)}`,
      ...p.divergent.map((d) => `  偏离中位数超过 ${result.divergencePoints} 分：${d.expert} ${d.total} 分（中位数 ${d.median}，相差 ${d.distance}）`),
    ]);
    return { json: { projects }, text: text.join('\n') };
  },
};

/** Scores of a batch. Recording, export and import of expert files join `consolidate` as subcommands. */
export const scoresCommand = commandWithSubcommands('scores', '专家评分：汇总专家组的评分', [consolidate]);
