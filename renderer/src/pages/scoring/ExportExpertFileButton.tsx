import { ExportOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { saveExport } from '../../api/save-export';
import { useQueryClient } from '@tanstack/react-query';
import { invalidatedBy } from '@shared/api/contract';

/**
 * 导出专家评审文件: the reviewer's passphrase opens the key that signs the file; in the desktop app a
 * save dialog chooses where it goes, in browser mode it is downloaded.
 */
export function ExportExpertFileButton({ batchId, batchName }: { batchId: string; batchName: string }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      // Give every field still being typed its save before the file is signed.
      (document.activeElement as HTMLElement | null)?.blur();
      let version = 0;
      const where = await saveExport(
        { title: '导出专家评审文件', defaultName: `专家评审文件-${batchName}.json`, extension: 'json', mediaType: 'application/json' },
        async (path) => {
          const result = await api.exportExpertFile({ batchId, passphrase, path });
          version = result.version;
          return result;
        },
      );
      if (where) {
        for (const query of invalidatedBy('exportExpertFile')) void queryClient.invalidateQueries({ queryKey: [query] });
        void message.success(`已导出第 ${String(version)} 版专家评审文件：${where}`);
        setOpen(false);
        setPassphrase('');
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button icon={<ExportOutlined />} onClick={() => setOpen(true)} data-testid="export-expert-file">
        导出专家评审文件
      </Button>
      <Modal
        open={open}
        title="导出专家评审文件"
        okText="签名并导出"
        cancelText="取消"
        confirmLoading={busy}
        okButtonProps={{ disabled: passphrase === '' }}
        onOk={() => void run()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          文件包含您在本批次的全部评分、评语、结论、意见、回避声明和发票认定，用您的签名密钥签名后交给专家组组长。每导出一次版本号加一，组长只接受比已导入的更新的文件。
        </Typography.Paragraph>
        <Input.Password
          autoFocus
          placeholder="评审人口令"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          onPressEnter={() => passphrase && void run()}
          data-testid="export-passphrase"
        />
        {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} />}
      </Modal>
    </>
  );
}
