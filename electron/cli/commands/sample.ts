import { AppError } from '@shared/api/errors';
import { parseStage } from '@shared/domain';
import { DEFECT_NAMES, SAMPLE_LIMITS, generateSamplePackage, isDefectName, type DefectName } from '../sample';
import type { CliCommand } from '../command';
import { outputPath } from './template';

const USAGE = [
  'jigai sample --projects 项目数 --invoices 发票总数 --seed 随机种子 --out 材料包.zip',
  '             [--defects 缺陷1,缺陷2|all] [--policy xiamen-2024] [--stage acceptance] [--batch-id 批次编号] [--json]',
  `缺陷：${DEFECT_NAMES.join(', ')}`,
].join('\n');

function positiveInteger(value: string | boolean | undefined, option: string, max: number): number {
  if (typeof value !== 'string' || value.trim() === '') throw new AppError('BAD_INPUT', `缺少选项 --${option}\n用法：${USAGE}`);
  if (!/^\d+$/u.test(value.trim()) || Number(value) < 1 || Number(value) > max) {
    throw new AppError('BAD_INPUT', `--${option} 的取值「${value}」无效，应为 1 到 ${String(max)} 之间的整数`);
  }
  return Number(value);
}

function parseDefects(value: string | boolean | undefined): DefectName[] {
  if (value === undefined) return [];
  if (typeof value !== 'string' || value.trim() === '') throw new AppError('BAD_INPUT', '--defects 缺少取值');
  if (value.trim() === 'all') return [...DEFECT_NAMES];
  const names = value
    .split(/[,，]/u)
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const unknown = names.filter((name) => !isDefectName(name));
  if (unknown.length > 0) {
    throw new AppError('BAD_INPUT', `未知的缺陷「${unknown.join('、')}」。可选：${DEFECT_NAMES.join(', ')}；或 all 表示全部`);
  }
  return names.filter(isDefectName);
}

export const sampleCommand: CliCommand = {
  name: 'sample',
  summary: '生成示例申报材料包（可注入指定的评审问题，用于演示、测试和性能测试）',
  usage: USAGE,
  options: {
    projects: { type: 'string' },
    invoices: { type: 'string' },
    seed: { type: 'string' },
    out: { type: 'string', short: 'o' },
    defects: { type: 'string' },
    policy: { type: 'string' },
    stage: { type: 'string' },
    'batch-id': { type: 'string' },
  },
  async run({ values }) {
    const projects = positiveInteger(values.projects, 'projects', SAMPLE_LIMITS.maxProjects);
    const invoices = positiveInteger(values.invoices, 'invoices', SAMPLE_LIMITS.maxInvoices);
    const seed = values.seed;
    if (typeof seed !== 'string' || seed.trim() === '') throw new AppError('BAD_INPUT', `缺少选项 --seed\n用法：${USAGE}`);
    const file = outputPath(values.out, '.zip', USAGE);
    const defects = parseDefects(values.defects);
    let stage;
    if (values.stage !== undefined) {
      const parsed = parseStage(values.stage, '--stage');
      if (!parsed.ok) throw new AppError('BAD_INPUT', `${parsed.message}（也可写 application、midterm、acceptance）`);
      stage = parsed.value;
    }
    const policy = typeof values.policy === 'string' ? values.policy.trim() : undefined;
    const batchId = typeof values['batch-id'] === 'string' ? values['batch-id'] : undefined;

    const started = performance.now();
    const result = await generateSamplePackage({
      projects,
      invoices,
      seed: seed.trim(),
      defects,
      outFile: file,
      ...(policy === undefined ? {} : { policy }),
      ...(stage === undefined ? {} : { stage }),
      ...(batchId === undefined ? {} : { batchId }),
    });
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    const { stats, manifest } = result;
    const text = [
      `已生成示例材料包：${file}`,
      `批次：${manifest.batch.id}（${manifest.batch.name}，政策 ${manifest.batch.policy}）`,
      `${String(stats.projects)} 个项目，${String(stats.contracts)} 份合同，${String(stats.invoices)} 张发票，${String(stats.payments)} 笔付款；${String(stats.files)} 个文件，${(stats.bytes / 1024 / 1024).toFixed(1)} MB，用时 ${String(seconds)} 秒`,
      ...(result.injected.length > 0 ? ['注入的问题：', ...result.injected.map((i) => `  ${i.projectId} ${i.sheet}第${String(i.row)}行  ${i.defect}：${i.detail}`)] : []),
      ...result.notes.map((note) => `注意：${note}`),
    ].join('\n');
    return {
      json: { file, batch: manifest.batch, projects: manifest.projects.map((p) => p.id), stats, injected: result.injected, notes: result.notes, seconds },
      text,
    };
  },
};
