import { z } from 'zod';
import { AppError } from '@shared/api/errors';
import { parseVerdict } from '@shared/domain/enums';
import { parseFingerprint } from '@shared/identity/fingerprint-text';
import { parseRecusal } from '@shared/scoring/recusal';
import { translateZodIssues } from '@shared/rules/zod-errors-zh';
import { createPanelServices } from '../../core/panel/panel-handlers';
import type { Core } from '../../core/create-core';
import { readJsonFile } from '../read-json-file';
import { readPassphrase } from '../read-passphrase';
import type { CliSubcommand } from '../subcommands';

const requireBatch = (value: unknown, usage: string): string => {
  if (typeof value !== 'string' || value === '') throw new AppError('BAD_INPUT', `请用 --batch 指定评审批次编号\n用法：${usage}`);
  return value;
};

const recordRowSchema = z.union([
  z.strictObject({ project: z.string().min(1), recusal: z.object({ kind: z.string(), note: z.string().optional() }) }),
  z.strictObject({
    project: z.string().min(1),
    recusal: z.null(),
    items: z.record(z.string(), z.string()),
    comments: z.record(z.string(), z.string()).default({}),
    verdict: z.string().nullable().optional(),
    opinion: z.string().default(''),
  }),
]);
const recordFileSchema = z.array(recordRowSchema);

/** Runs every write of a file in one transaction: a bad row leaves nothing recorded. */
function recordScores(core: Core, batchId: string, rows: z.infer<typeof recordFileSchema>): { projects: number; recused: number; items: number } {
  const { scoring } = createPanelServices(core.context);
  let items = 0;
  let recused = 0;
  core.context.db.transaction(() => {
    rows.forEach((row, index) => {
      const where = `第 ${String(index + 1)} 行（项目「${row.project}」）`;
      try {
        if (row.recusal !== null) {
          const recusal = parseRecusal(row.recusal, `${where}的回避声明`);
          if (!recusal.ok) throw new AppError('BAD_INPUT', recusal.message);
          scoring.setRecusal(batchId, row.project, recusal.value);
          recused += 1;
          return;
        }
        scoring.setRecusal(batchId, row.project, null);
        for (const itemId of new Set([...Object.keys(row.items), ...Object.keys(row.comments)])) {
          scoring.saveItem(batchId, row.project, { itemId, score: row.items[itemId] ?? null, comment: row.comments[itemId] ?? '' });
          items += 1;
        }
        const verdict = row.verdict ? parseVerdict(row.verdict, `${where}的评审结论`) : null;
        if (verdict && !verdict.ok) throw new AppError('BAD_INPUT', verdict.message);
        scoring.saveVerdict(batchId, row.project, verdict?.value ?? null, row.opinion);
        // Autosave in the app lets a comment follow its score; a file hands in finished work.
        const missing = scoring.sheet(batchId, row.project).problems.filter((p) => p.field === 'comment');
        if (missing.length > 0) throw new AppError('BAD_INPUT', missing.map((p) => p.message).join('；'));
      } catch (error) {
        if (error instanceof AppError && !error.message.startsWith('第 '))
          throw new AppError(error.code === 'NOT_FOUND' ? 'BAD_INPUT' : error.code, `${where}：${error.message}`);
        throw error;
      }
    });
  })();
  return { projects: rows.length, recused, items };
}

export const record: CliSubcommand = {
  name: 'record',
  summary: '以本机评审人的身份记录评分、回避声明、评审结论与意见',
  usage: 'jigai scores record --batch 批次编号 --input 评分.json [--data 目录] [--json]',
  options: { batch: { type: 'string' }, input: { type: 'string' } },
  async run({ values, openCore }) {
    const batchId = requireBatch(values.batch, this.usage);
    if (typeof values.input !== 'string') throw new AppError('BAD_INPUT', `请用 --input 指定评分文件\n用法：${this.usage}`);
    const json = readJsonFile(values.input, '评分文件');
    const parsed = recordFileSchema.safeParse(json);
    if (!parsed.success) {
      const lines = translateZodIssues(parsed.error.issues, json).map((i) => `${i.path.join('.')}：${i.message}`);
      throw new AppError('BAD_INPUT', `评分文件「${values.input}」格式有误：${lines.slice(0, 10).join('；')}`);
    }
    const core = openCore();
    const result = recordScores(core, batchId, parsed.data);
    const progress = await core.api.listScoringProgress({ batchId });
    return {
      json: { ...result, progress: progress.projects },
      text: `已记录 ${String(result.projects)} 个项目（其中回避 ${String(result.recused)} 个，评分项 ${String(result.items)} 个）`,
    };
  },
};

export const exportFile: CliSubcommand = {
  name: 'export',
  summary: '导出本机评审人对该批次的签名专家评审文件',
  usage: 'jigai scores export --batch 批次编号 --out 文件.json [--data 目录] [--json]',
  options: { batch: { type: 'string' }, out: { type: 'string' } },
  async run({ values, openCore }) {
    const batchId = requireBatch(values.batch, this.usage);
    if (typeof values.out !== 'string') throw new AppError('BAD_INPUT', `请用 --out 指定导出文件\n用法：${this.usage}`);
    const core = openCore();
    const own = await core.api.getMyReviewer({});
    if (!own.reviewer) throw new AppError('REVIEWER_REQUIRED', '本数据目录还没有评审人身份，请先运行 jigai reviewer create');
    const passphrase = await readPassphrase('请输入口令以签名（输入时不显示）：');
    const result = await core.api.exportExpertFile({ batchId, passphrase, path: values.out });
    return { json: { path: result.path, version: result.version }, text: `已导出第 ${String(result.version)} 版专家评审文件：${String(result.path)}` };
  },
};

export const importFile: CliSubcommand = {
  name: 'import',
  summary: '组长导入专家评审文件（核验签名、签名人、批次与版本后直接合并）',
  usage: 'jigai scores import 文件.json --trust 证书指纹[,证书指纹…] [--data 目录] [--json]',
  options: { trust: { type: 'string' } },
  async run({ values, positionals, openCore }) {
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0) throw new AppError('BAD_INPUT', `请指定一个专家评审文件\n用法：${this.usage}`);
    const trust = (typeof values.trust === 'string' ? values.trust.split(',') : [])
      .filter((t) => t.trim() !== '')
      .map((typed) => {
        const parsed = parseFingerprint(typed);
        if (!parsed.ok) throw new AppError('BAD_INPUT', `--trust：${parsed.message}`);
        return parsed.value;
      });
    const core = openCore();
    const result = await createPanelServices(core.context).expertFiles.importFile(file, trust);
    return {
      json: result,
      text: `已合并专家「${result.expertName}」第 ${String(result.version)} 版评审文件（${String(result.projects)} 个项目，${String(result.invoiceDecisions)} 条发票认定${result.inspectionLines + result.inspectionIndicators > 0 ? `，${String(result.inspectionLines + result.inspectionIndicators)} 条现场核查记录` : ''}）`,
    };
  },
};
