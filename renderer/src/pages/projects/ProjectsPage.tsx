import { money } from '../../components/money';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Input, Select, Space, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { ProjectListItem } from '@shared/api/batches-contract';
import { api } from '../../api/client';
import { ProjectScoringProgress } from '../scoring/ScoringProgressTag';
import { ReviewStateTag } from './ReviewStateTag';

export function ProjectsPage() {
  const [params, setParams] = useSearchParams();
  const batchId = params.get('batch') ?? undefined;
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const batches = useQuery({ queryKey: ['batches'], queryFn: () => api.listBatches({}) });
  const projects = useQuery({ queryKey: ['listProjects', batchId ?? null], queryFn: () => api.listProjects(batchId ? { batchId } : {}) });
  const shown = useMemo(() => (projects.data ?? []).filter((p) => search === '' || `${p.id}${p.name}${p.applicant}`.includes(search.trim())), [projects.data, search]);
  const open = (p: ProjectListItem) => void navigate(`/projects/${encodeURIComponent(p.batchId)}/${encodeURIComponent(p.id)}`);

  return (
    <Card>
      <Space style={{ marginBottom: 16 }} wrap>
        <Select
          style={{ width: 320 }}
          allowClear
          placeholder="全部评审批次"
          value={batchId}
          options={(batches.data ?? []).map((b) => ({ value: b.id, label: `${b.id} ${b.name}` }))}
          onChange={(value: string | undefined) => setParams(value ? { batch: value } : {})}
        />
        <Input.Search allowClear placeholder="按编号、名称或申报单位查找" style={{ width: 300 }} onChange={(e) => setSearch(e.target.value)} />
      </Space>
      {projects.error && <Alert type="error" showIcon message={projects.error.message} />}
      <Table<ProjectListItem>
        rowKey={(p) => `${p.batchId}/${p.id}`}
        loading={projects.isLoading}
        dataSource={shown}
        size="middle"
        locale={{ emptyText: '尚无项目：请先在「评审批次」导入申报材料包' }}
        onRow={(p) => ({ onClick: () => open(p), onKeyDown: (e) => e.key === 'Enter' && open(p), tabIndex: 0, style: { cursor: 'pointer' } })}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: '编号', dataIndex: 'id', width: 140 },
          { title: '名称', dataIndex: 'name' },
          { title: '申报单位', dataIndex: 'applicant' },
          { title: '计划总投资（元）', dataIndex: 'plannedInvestment', align: 'right', render: money },
          { title: '合同', dataIndex: 'contracts', align: 'right', width: 70 },
          { title: '发票', dataIndex: 'invoices', align: 'right', width: 80 },
          { title: '发票金额（不含税）', dataIndex: 'invoiceAmountTotal', align: 'right', render: money },
          { title: '状态', dataIndex: 'state', width: 130, render: (s: ProjectListItem['state'], p) => <ReviewStateTag state={s} invoices={p.invoices} /> },
          { title: '我的评分', key: 'scoring', width: 150, render: (_: unknown, p) => <ProjectScoringProgress batchId={p.batchId} projectId={p.id} /> },
        ]}
      />
    </Card>
  );
}
