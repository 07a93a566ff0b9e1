import { AppError } from '../../shared/api/errors';

/** `--batch B --project P`, the options of every command about one project. */
export const projectOptions = { batch: { type: 'string' }, project: { type: 'string' } } as const;

export function projectRef(values: Record<string, unknown>, usage?: string): { batchId: string; projectId: string } {
  const hint = usage === undefined ? '' : `\n用法：${usage}`;
  if (typeof values.batch !== 'string' || values.batch === '') throw new AppError('BAD_INPUT', `请用 --batch 指定批次编号${hint}`);
  if (typeof values.project !== 'string' || values.project === '') throw new AppError('BAD_INPUT', `请用 --project 指定项目编号${hint}`);
  return { batchId: values.batch, projectId: values.project };
}
