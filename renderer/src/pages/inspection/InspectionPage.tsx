import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Select, Space, Spin } from 'antd';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { stageName } from '../../format';
import { ReviewerRequired } from '../identity/ReviewerRequired';
import { InspectionWorkspace } from './InspectionWorkspace';

/** 现场核查: choose the batch and project (kept in the address), then walk the plant line by line. */
export function InspectionPage() {
  const [params, setParams] = useSearchParams();
  const batches = useQuery({ queryKey: ['listBatches'], queryFn: () => api.listBatches({}) });
  // A batch named in the address that is no longer here falls back to the first one.
  const asked = params.get('batch');
  const batchId = batches.data?.some((b) => b.id === asked) ? (asked ?? undefined) : batches.data?.[0]?.id;
  const projects = useQuery({ queryKey: ['listProjects', batchId ?? null], queryFn: () => api.listProjects({ batchId }), enabled: batchId !== undefined });
  const list = projects.data ?? [];
  const projectId = list.find((p) => p.id === params.get('project'))?.id ?? list[0]?.id;
  const failure = batches.error ?? projects.error;

  return (
    <ReviewerRequired what="现场核查记录">
      <Space orientation="vertical" style={{ width: '100%' }} size={8}>
        <Space wrap>
          <Select
            size="large"
            style={{ width: 260 }}
            placeholder="评审批次"
            value={batchId}
            loading={batches.isLoading}
            options={(batches.data ?? []).map((b) => ({ value: b.id, label: `${b.name}（${stageName(b.stage)}）` }))}
            onChange={(value: string) => setParams({ batch: value })}
            aria-label="评审批次"
          />
          <Select
            showSearch
            size="large"
            style={{ width: 480 }}
            placeholder="选择项目"
            value={projectId}
            optionFilterProp="label"
            loading={projects.isLoading}
            options={list.map((p) => ({ value: p.id, label: `${p.name}（${p.applicant}）` }))}
            onChange={(value: string) => batchId && setParams({ batch: batchId, project: value })}
            aria-label="项目"
            data-testid="inspection-project"
          />
        </Space>
        {batchId && projectId ? (
          <InspectionWorkspace
            key={`${batchId}/${projectId}`}
            batchId={batchId}
            projectId={projectId}
            lineId={params.get('line')}
            onLine={(line) => setParams({ batch: batchId, project: projectId, line }, { replace: true })}
          />
        ) : failure ? (
          <Alert type="error" showIcon message="未能读取评审批次和项目" description={failure.message} />
        ) : batches.isLoading || projects.isLoading ? (
          <Spin />
        ) : (
          <Card>
            <Empty description={batchId ? '该评审批次中没有项目' : '尚无评审批次：请先在「评审批次」导入申报材料包'} />
          </Card>
        )}
      </Space>
    </ReviewerRequired>
  );
}
