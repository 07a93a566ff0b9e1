import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Select, Space } from 'antd';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { VerificationWorkspace } from './VerificationWorkspace';

export function InvoiceVerificationPage() {
  const [params, setParams] = useSearchParams();
  const projects = useQuery({ queryKey: ['listProjects', null], queryFn: () => api.listProjects({}) });
  const list = projects.data ?? [];
  const batchId = params.get('batch') ?? list[0]?.batchId;
  const projectId = params.get('project') ?? list.find((p) => p.batchId === batchId)?.id;
  const value = batchId && projectId ? `${batchId}/${projectId}` : undefined;
  // A link from another page (现场核查) may name the invoice row to open on.
  const rowAsked = /^\d+$/u.test(params.get('row') ?? '') ? Number(params.get('row')) : undefined;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={8}>
      <Select
        showSearch
        style={{ width: 560 }}
        placeholder="选择项目"
        loading={projects.isLoading}
        value={value}
        optionFilterProp="label"
        onChange={(v: string) => {
          const [batch = '', project = ''] = v.split('/');
          setParams({ batch, project });
        }}
        options={list.map((p) => ({ value: `${p.batchId}/${p.id}`, label: `${p.id} ${p.name}（${p.applicant}）` }))}
        data-testid="verification-project"
      />
      {batchId && projectId ? (
        <VerificationWorkspace key={value} batchId={batchId} projectId={projectId} initialRow={rowAsked} />
      ) : (
        <Card>
          <Empty description="尚无项目：请先在「评审批次」导入申报材料包" />
        </Card>
      )}
    </Space>
  );
}
