import { z } from 'zod';
import type { EnumOption } from '../domain/enums';

/**
 * The batch's Excel workbooks (评分矩阵, 汇总结果, 评审结果汇总表), written where the user chose
 * (desktop) or answered as base64 for a browser download.
 */

export const BATCH_WORKBOOK_KIND_IDS = ['matrix', 'consolidated', 'summary'] as const;
export type BatchWorkbookKind = (typeof BATCH_WORKBOOK_KIND_IDS)[number];

export const BATCH_WORKBOOK_KINDS: readonly EnumOption<BatchWorkbookKind>[] = [
  { id: 'matrix', label: '评分矩阵' },
  { id: 'consolidated', label: '汇总结果' },
  { id: 'summary', label: '评审结果汇总表' },
];

const id = z.string().min(1).max(100);

export const exportsContract = {
  /** One of the batch's workbooks: every expert's item scores, the consolidated figures, or the ranked results. */
  exportBatchWorkbook: {
    input: z.strictObject({
      batchId: id,
      kind: z.enum(BATCH_WORKBOOK_KIND_IDS, { message: '表格种类应为评分矩阵、汇总结果或评审结果汇总表' }),
      path: z.string().min(1).max(4096).optional(),
    }),
    output: z.object({ fileName: z.string(), path: z.string().nullable(), base64: z.string().nullable() }),
  },
};
