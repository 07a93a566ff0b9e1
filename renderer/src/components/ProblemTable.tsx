import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { App, Button, Space, Table, Tag } from 'antd';
import { PACKAGE_PROBLEM_LABEL } from '../../../shared/codes/labels';
import type { PackageProblem } from '../../../shared/package/problem';
import { formatProblemLocation } from '../../../shared/package/problem';

const HEADERS = ['级别', '文件', '工作表', '行', '列', '说明'];

function rowsOf(problems: readonly PackageProblem[]): string[][] {
  return problems.map((p) => [PACKAGE_PROBLEM_LABEL[p.severity], p.file, p.sheet ?? '', p.row === undefined ? '' : String(p.row), p.column ?? '', p.message]);
}

/** CSV with a BOM so Excel opens the Chinese text correctly; cells starting with = + - @ are neutralised. */
function toCsv(problems: readonly PackageProblem[]): string {
  const cell = (value: string) => {
    const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
    return `"${safe.replace(/"/g, '""')}"`;
  };
  return `\uFEFF${[HEADERS, ...rowsOf(problems)].map((row) => row.map(cell).join(',')).join('\r\n')}`;
}

/** Errors and warnings of a package, located, copyable and exportable. */
export function ProblemTable({ problems, fileName }: { problems: readonly PackageProblem[]; fileName: string }) {
  const { message } = App.useApp();
  const copy = async () => {
    const text = [HEADERS, ...rowsOf(problems)].map((row) => row.join('\t')).join('\n');
    await navigator.clipboard.writeText(text);
    void message.success(`已复制 ${String(problems.length)} 条，可直接粘贴到 Excel`);
  };
  const exportCsv = () => {
    const url = URL.createObjectURL(new Blob([toCsv(problems)], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    URL.revokeObjectURL(url);
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
          { title: '级别', dataIndex: 'severity', width: 70, render: (s: PackageProblem['severity']) => <Tag color={s === 'error' ? 'red' : 'gold'}>{PACKAGE_PROBLEM_LABEL[s]}</Tag> },
          { title: '位置', key: 'where', width: 300, render: (_, p) => formatProblemLocation(p) },
          { title: '说明', dataIndex: 'message' },
        ]}
      />
    </Space>
  );
}
