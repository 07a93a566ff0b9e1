import { AppError } from '@shared/api/errors';
import type { ConsolidationDto } from '@shared/api/panel-contract';
import { CONSOLIDATION_METHODS, consolidatePanel } from '@shared/scoring/consolidate';
import { exportFile, importFile, record } from './scores-batch';
import { parsePanelInput } from '@shared/scoring/panel-input';
import { readJsonFile } from '../read-json-file';
import { commandWithSubcommands, type CliSubcommand } from '../subcommands';

const consolidate: CliSubcommand = {
  name: 'consolidate',
  summary: '汇总专家组的项目总分：平均分、去掉最高最低分后的平均分、中位数、极差、评分尺度校正后的平均分',
  usage: 'jigai scores consolidate --batch 批次编号 [--data 目录] [--json] | jigai scores consolidate --input 专家评分.json [--json]',
  options: { input: { type: 'string' }, batch: { type: 'string' } },
  async run({ values, openCore }) {
    const input = values.input;
    if (typeof values.batch === 'string') {
      if (input !== undefined) throw new AppError('BAD_INPUT', '--batch 与 --input 只能选用一种');
      return consolidateBatch(await openCore().api.getConsolidation({ batchId: values.batch }));
    }
    if (typeof input !== 'string') {
      throw new AppError('BAD_INPUT', '请用 --input 指定专家评分文件，如 {"projects":[{"id":"XM2024-001","scores":{"王工":"85.5","李工":null}}]}');
    }
    const parsed = parsePanelInput(readJsonFile(input, '专家评分文件'));
    if (!parsed.ok) {
      const lines = parsed.errors.map((e) => `${e.path}：${e.message}`);
      throw new AppError('BAD_INPUT', `专家评分文件「${input}」有 ${String(lines.length)} 处错误：\n${lines.join('\n')}`);
    }
    const result = consolidatePanel(parsed.value);
    const projects = result.projects.map(({ id, experts, mean, trimmedMean, median, spread, normalised }) => ({
      id,
      experts,
      mean,
      trimmedMean,
      median,
      spread,
      normalised,
    }));
    const shown = (figure: string | null) => figure ?? '—';
    const text = result.projects.flatMap((p) => [
      `项目 ${p.id}：计入 ${String(p.experts)} 位专家${p.notCounted.length > 0 ? `（不计入：${p.notCounted.join('、')}）` : ''}；平均分 ${shown(p.mean)}，去掉最高最低分后平均 ${shown(p.trimmedMean)}，中位数 ${shown(p.median)}，极差 ${shown(p.spread)}，评分尺度校正后 ${shown(p.normalised)}`,
      ...p.divergent.map((d) => `  偏离中位数超过 ${result.divergencePoints} 分：${d.expert} ${d.total} 分（中位数 ${d.median}，相差 ${d.distance}）`),
    ]);
    return { json: { projects }, text: text.join('\n') };
  },
};

function consolidateBatch(result: ConsolidationDto) {
  const names = new Map(result.experts.map((e) => [e.id, e.name]));
  const projects = result.projects.map(({ projectId, rows, mean, trimmedMean, median, spread, normalised, rank, divergent }) => ({
    id: projectId,
    experts: rows.filter((r) => r.counted).length,
    mean,
    trimmedMean,
    median,
    spread,
    normalised,
    rank,
    divergent: divergent.map((d) => ({ expert: names.get(d.expertId) ?? d.expertId, total: d.total, median: d.median, distance: d.distance })),
  }));
  const method = CONSOLIDATION_METHODS.find((m) => m.id === result.method)?.label ?? result.method;
  const shown = (figure: string | null) => figure ?? '—';
  const text = [
    `汇总方法：${method}；偏离中位数超过 ${result.divergencePoints} 分的评分将被标出`,
    ...projects.map(
      (p) =>
        `项目 ${p.id}：计入 ${String(p.experts)} 位专家；平均分 ${shown(p.mean)}，去掉最高最低分后平均 ${shown(p.trimmedMean)}，中位数 ${shown(p.median)}，极差 ${shown(p.spread)}，评分尺度校正后 ${shown(p.normalised)}；排名 ${p.rank === null ? '—' : String(p.rank)}`,
    ),
  ];
  return { json: { method: result.method, divergencePoints: result.divergencePoints, projects }, text: text.join('\n') };
}

/** Scores of a batch: recorded as this folder's reviewer, exported signed, imported by the chair, consolidated. */
export const scoresCommand = commandWithSubcommands('scores', '专家评分：记录、导出、导入与汇总专家组的评分', [record, exportFile, importFile, consolidate]);
