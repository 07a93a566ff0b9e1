import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '@shared/api/errors';
import { inspectionContract } from '@shared/api/inspection-contract';
import { INSPECTION_STATUS_LABEL } from '@shared/codes/labels';
import { translateZodIssues } from '@shared/rules/zod-errors-zh';
import { createInspectionService, type PhotoFile } from '../../core/inspection/inspection-service';
import { createBlobStore } from '../../core/package/import/blob-store';
import { createEInvoiceCache } from '../../core/verification/einvoice-cache';
import type { Core } from '../../core/create-core';
import { readJsonFile } from '../read-json-file';
import { projectOptions, projectRef } from '../project-ref';
import { commandWithSubcommands, type CliSubcommand } from '../subcommands';

const serviceOf = (core: Core) => createInspectionService(core.context, createEInvoiceCache(createBlobStore(core.context.dataDir)));

const list: CliSubcommand = {
  name: 'list',
  summary: '列出项目的现场核查清单：设备（合同、数量、对应发票）与绩效指标，及本机评审人的核查记录',
  usage: 'jigai inspection list --batch 批次编号 --project 项目编号 [--data 目录] [--json]',
  options: projectOptions,
  async run({ values, openCore }) {
    const inspection = await openCore().api.getInspection(projectRef(values, this.usage));
    const lines = inspection.lines.map((l) => ({
      id: l.id,
      name: l.name,
      model: l.model,
      contractNo: l.contractNo,
      supplier: l.supplier,
      quantity: l.quantity,
      unit: l.unit,
      unitPrice: l.unitPrice,
      amount: l.amount,
      invoices: l.invoices.map((i) => i.key),
      status: l.mine?.status ?? null,
      proposedReduction: l.proposedReduction,
    }));
    const indicators = inspection.indicators.map((i) => ({
      id: i.id,
      category: i.category,
      name: i.name,
      unit: i.unit,
      target: i.target,
      claimed: i.claimed,
      observed: i.mine?.value ?? null,
      belowTarget: i.belowTarget,
    }));
    const text = [
      `项目 ${inspection.projectId} ${inspection.projectName}：设备 ${String(lines.length)} 项，绩效指标 ${String(indicators.length)} 项，已核查 ${String(inspection.progress.done)} / ${String(inspection.progress.total)}`,
      ...inspection.lines.map(
        (l) =>
          `  ${l.id}  ${l.name}${l.model === null ? '' : ` ${l.model}`}（合同 ${l.contractNo || '无'}）数量 ${l.quantity === null ? '一批' : `${l.quantity}${l.unit ?? ''}`}，金额 ${l.amount} 元，发票 ${String(l.invoices.length)} 张${l.mine ? `；已记为「${INSPECTION_STATUS_LABEL[l.mine.status]}」` : ''}`,
      ),
      ...inspection.indicators.map(
        (i) => `  ${i.id}  指标「${i.name}」目标值 ${i.target || '未填'}${i.unit}，申报完成值 ${i.claimed || '未填'}${i.mine ? `，现场核查值 ${i.mine.value}` : ''}`,
      ),
    ];
    return { json: { lines, indicators }, text: text.join('\n') };
  },
};

/** An entry of the file: the API's observation (same checks and messages), photos as file paths. */
const observation = inspectionContract.recordLineObservation.input.shape;
const entrySchema = z.strictObject({
  line: z.string().min(1, { message: '应填写核查清单中的设备编号（jigai inspection list 的 id）' }),
  status: observation.status,
  quantitySeen: observation.quantitySeen,
  modelSeen: observation.modelSeen,
  serialNumber: observation.serialNumber,
  note: observation.note,
  photos: z.array(z.string().min(1)).max(50, { message: '每条最多 50 张照片' }).optional(),
});
const fileSchema = z.array(entrySchema).min(1, { message: '文件中没有核查记录' });

/** Reads the photo files an entry names, relative to the input file's folder; a missing one names the entry. */
function readPhotos(paths: readonly string[], folder: string, where: string): PhotoFile[] {
  return paths.map((written, index) => {
    const file = path.resolve(folder, written);
    try {
      return { fileName: path.basename(file), bytes: fs.readFileSync(file) };
    } catch {
      throw new AppError('BAD_INPUT', `${where} photos[${String(index)}]：无法读取照片文件「${written}」（路径相对于核查记录文件所在的文件夹）`);
    }
  });
}

const record: CliSubcommand = {
  name: 'record',
  summary: '以本机评审人的身份记录现场核查结果（含照片），全部校验通过后一次保存',
  usage: 'jigai inspection record --batch 批次编号 --project 项目编号 --input 核查记录.json [--data 目录] [--json]',
  options: { ...projectOptions, input: { type: 'string' } },
  async run({ values, openCore }) {
    const ref = projectRef(values, this.usage);
    if (typeof values.input !== 'string') {
      throw new AppError(
        'BAD_INPUT',
        `请用 --input 指定核查记录文件，如 [{"line":"设备编号","status":"not-found","note":"…","photos":["铭牌.jpg"]}]\n用法：${this.usage}`,
      );
    }
    const json = readJsonFile(values.input, '核查记录文件');
    const parsed = fileSchema.safeParse(json);
    if (!parsed.success) {
      const lines = translateZodIssues(parsed.error.issues, json).map((i) => {
        const [entry, ...field] = i.path;
        return typeof entry === 'number' ? `第 ${String(entry + 1)} 条${field.length > 0 ? ` ${field.join('.')}` : ''}：${i.message}` : i.message;
      });
      throw new AppError('BAD_INPUT', `核查记录文件「${values.input}」有误：${lines.slice(0, 10).join('；')}`);
    }
    const folder = path.dirname(path.resolve(values.input));
    const entries = parsed.data.map((entry, index) => ({
      lineId: entry.line,
      status: entry.status,
      quantitySeen: entry.quantitySeen,
      modelSeen: entry.modelSeen,
      serialNumber: entry.serialNumber,
      note: entry.note,
      photoFiles: readPhotos(entry.photos ?? [], folder, `第 ${String(index + 1)} 条`),
    }));
    const lines = await serviceOf(openCore()).recordMany(ref.batchId, ref.projectId, entries);
    const proposed = lines.filter((l) => l.proposedReduction !== null);
    return {
      json: {
        recorded: lines.length,
        lines: lines.map((l) => ({
          id: l.id,
          name: l.name,
          status: l.mine?.status ?? null,
          photos: l.mine?.photos.map((p) => ({ sha256: p.sha256, fileName: p.fileName, takenAt: p.takenAt })) ?? [],
          proposedReduction: l.proposedReduction,
          proposalExplanation: l.proposalExplanation,
        })),
      },
      text: [
        `已记录 ${String(lines.length)} 项设备的现场核查结果`,
        ...proposed.map(
          (l) => `  ${l.name}${l.model === null ? '' : ` ${l.model}`}：建议核减 ${l.proposedReduction ?? ''} 元（${l.proposalExplanation ?? ''}），请在发票核验中决定`,
        ),
      ].join('\n'),
    };
  },
};

/** 现场核查: the checklist of a project, and the acting reviewer's observations recorded from a file. */
export const inspectionCommand = commandWithSubcommands('inspection', '现场核查：列出项目的核查清单，记录现场核查结果', [list, record]);
