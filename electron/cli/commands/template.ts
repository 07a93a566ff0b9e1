import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '@shared/api/errors';
import { writeTemplate } from '../../core/package/template';
import type { CliCommand } from '../command';

/** Checks an --out path: given, with the expected extension, in a folder that exists. */
export function outputPath(value: string | boolean | undefined, extension: '.xlsx' | '.zip', usage: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new AppError('BAD_INPUT', `请用 --out 指定要写入的 ${extension} 文件\n用法：${usage}`);
  }
  const file = path.resolve(value);
  if (path.extname(file).toLowerCase() !== extension) {
    throw new AppError('BAD_INPUT', `输出文件「${value}」的扩展名应为 ${extension}`);
  }
  const folder = path.dirname(file);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new AppError('BAD_INPUT', `输出文件夹「${folder}」不存在`);
  }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
    throw new AppError('BAD_INPUT', `「${value}」是一个文件夹，请指定文件名`);
  }
  return file;
}

const USAGE = 'jigai template --out 申报表.xlsx [--json]';

export const templateCommand: CliCommand = {
  name: 'template',
  summary: '写出空白申报表模板（申报表.xlsx，含填表说明和下拉选项）',
  usage: USAGE,
  options: { out: { type: 'string', short: 'o' } },
  async run({ values }) {
    const file = outputPath(values.out, '.xlsx', USAGE);
    const result = await writeTemplate(file);
    return {
      json: result,
      text: [`已写入空白申报表模板：${result.file}`, `工作表：${result.sheets.join('、')}`].join('\n'),
    };
  },
};
