import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { downloadBlob } from '../api/download-blob';
import { App, Button, Space, Table, Tag } from 'antd';
import { PACKAGE_PROBLEM_LABEL } from '@shared/codes/labels';
import type { PackageProblem } from '@shared/package/problem';
import { formatProblemLocation } from '@shared/package/problem';
import { problemsClipboardText, problemsCsv } from '@shared/package/problem-table-text';

/** Errors and warnings of a package, located, copyable and exportable. */
export function ProblemTable({ problems, fileName }: { problems: readonly PackageProblem[]; fileName: string }) {
  const { message } = App.useApp();
  const copy = async () => {
    await navigator.clipboard.writeText(problemsClipboardText(problems));
    void message.success(`已复制 ${String(problems.length)} 条，可直接粘贴到 Excel`);
  };
  const exportCsv = () => {
    downloadBlob(new Blob([problemsCsv(problems)], { type: 'text/csv;charset=utf-8' }), fileName);
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Button icon={<CopyOutlined />} onClick={() => void copy()}>
          复制全部
        </Button>
        <Button icon={<DownloadOutlined />} onClick={exportCsv}>
          导出 CSV
        </Button>
      </Space>
      <Table<PackageProblem & { key: number }>
        size="small"
        virtual
        scroll={{ y: 360, x: 900 }}
        pagination={false}
        dataSource={problems.map((p, key) => ({ ...p, key }))}
        columns={[
          {
            title: '级别',
            dataIndex: 'severity',
            width: 70,
            render: (s: PackageProblem['severity']) => <Tag color={s === 'error' ? 'red' : 'gold'}>{PACKAGE_PROBLEM_LABEL[s]}</Tag>,
          },
          { title: '位置', key: 'where', width: 300, render: (_, p) => formatProblemLocation(p) },
          { title: '说明', dataIndex: 'message' },
        ]}
      />
    </Space>
  );
}
