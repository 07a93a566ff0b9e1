import type { ApiHandlers } from '@shared/api/contract';
import { deliverFile } from '../deliver-file';
import type { BatchWorkbooks } from './batch-workbooks';

type ExportHandlers = Pick<ApiHandlers, 'exportBatchWorkbook'>;

export function createExportHandlers(workbooks: BatchWorkbooks): ExportHandlers {
  return {
    exportBatchWorkbook: async ({ batchId, kind, path }) => {
      const { fileName, bytes } = await workbooks.make(batchId, kind);
      return deliverFile(bytes, fileName, path);
    },
  };
}
