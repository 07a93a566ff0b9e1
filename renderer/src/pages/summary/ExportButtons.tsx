import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { BATCH_WORKBOOK_KINDS, type BatchWorkbookKind } from '@shared/api/exports-contract';
import { api } from '../../api/client';
import { saveExport } from '../../api/save-export';
import { isDesktop } from '../../api/window-api';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * 导出 Excel: the batch's 评分矩阵, 汇总结果 and 评审结果汇总表. In the desktop app a save dialog chooses
 * where each goes; in browser mode it is downloaded.
 */
export function ExportButtons({ batchId, batchName }: { batchId: string; batchName: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<BatchWorkbookKind | null>(null);

  const run = async (kind: BatchWorkbookKind, label: string) => {
    setBusy(kind);
    try {
      const where = await saveExport({ title: `导出${label}`, defaultName: `${label}-${batchName}.xlsx`, extension: 'xlsx', mediaType: XLSX_TYPE }, (path) =>
        api.exportBatchWorkbook({ batchId, kind, path }),
      );
      if (where) void message.success(isDesktop() ? `已导出${label}：${where}` : `已下载${label}`);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space wrap data-testid="batch-workbook-exports">
      <Typography.Text>导出 Excel：</Typography.Text>
      {BATCH_WORKBOOK_KINDS.map(({ id, label }) => (
        <Button
          key={id}
          icon={<DownloadOutlined />}
          loading={busy === id}
          disabled={busy !== null && busy !== id}
          onClick={() => void run(id, label)}
          data-testid={`export-${id}`}
        >
          {label}
        </Button>
      ))}
    </Space>
  );
}
