import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Space, Table } from 'antd';
import { Link } from 'react-router';
import type { BatchSummary } from '@shared/api/batches-contract';
import { api } from '../../api/client';
import { dateTime, stageName } from '../../format';
import { ImportPanel } from './ImportPanel';
import { usePolicyName } from '../../components/use-policy-name';

export function BatchesPage() {
  const batches = useQuery({ queryKey: ['batches'], queryFn: () => api.listBatches({}) });
  const policyName = usePolicyName();
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <ImportPanel />
      <Card title="已导入的评审批次">
        {batches.error && <Alert type="error" showIcon message={batches.error.message} />}
        <Table<BatchSummary>
          rowKey="id"
          size="middle"
          loading={batches.isLoading}
          dataSource={batches.data ?? []}
          locale={{ emptyText: '尚无评审批次：请导入主管部门下发的申报材料包' }}
          pagination={false}
          columns={[
            { title: '批次编号', dataIndex: 'id', render: (id: string) => <Link to={`/projects?batch=${encodeURIComponent(id)}`}>{id}</Link> },
            { title: '名称', dataIndex: 'name' },
            { title: '评审阶段', dataIndex: 'stage', width: 96, render: stageName },
            { title: '政策', dataIndex: 'policy', render: (id: string) => policyName(id) },
            { title: '下发单位', dataIndex: 'issuer' },
            // Short headers over counts: fixed widths keep them on one line beside the long 政策 names.
            { title: '项目', dataIndex: 'projects', align: 'right', width: 64 },
            { title: '发票', dataIndex: 'invoices', align: 'right', width: 72 },
            { title: '导入时间', dataIndex: 'importedAt', width: 150, render: dateTime },
          ]}
        />
      </Card>
    </Space>
  );
}
