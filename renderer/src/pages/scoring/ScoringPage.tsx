import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Select, Space, Spin, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { ReviewerRequired } from '../identity/ReviewerRequired';
import { ExportExpertFileButton } from './ExportExpertFileButton';
import { ScoringProgressTag } from './ScoringProgressTag';
import { ScoringWorkspace } from './ScoringWorkspace';

/** 评分: choose the batch and project (each with its scoring progress), then score it. */
export function ScoringPage() {
  const [params, setParams] = useSearchParams();
  const batches = useQuery({ queryKey: ['listBatches'], queryFn: () => api.listBatches({}) });
  // A batch named in the address that is no longer here (removed, or another data folder) falls back to the first one.
  const asked = params.get('batch');
  const batchId = batches.data?.some((b) => b.id === asked) ? (asked ?? undefined) : batches.data?.[0]?.id;
  const projects = useQuery({ queryKey: ['listProjects', batchId ?? null], queryFn: () => api.listProjects({ batchId }), enabled: batchId !== undefined });
  const progress = useQuery({
    queryKey: ['listScoringProgress', batchId],
    queryFn: () => api.listScoringProgress({ batchId: batchId ?? '' }),
    enabled: batchId !== undefined,
  });
  const list = projects.data ?? [];
  const projectId = list.find((p) => p.id === params.get('project'))?.id ?? list[0]?.id;
  const loading = batches.isLoading || projects.isLoading;
  const failure = batches.error ?? projects.error;
  const byProject = new Map((progress.data?.projects ?? []).map((p) => [p.projectId, p]));
  const done = (progress.data?.projects ?? []).filter((p) => p.state === 'complete' || p.state === 'recused').length;
  const batch = batches.data?.find((b) => b.id === batchId);

  return (
    <ReviewerRequired what="评分、回避声明和评审意见">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Card size="small">
          <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
            <Space wrap>
              <Select
                style={{ width: 240 }}
                placeholder="评审批次"
                value={batchId}
                loading={batches.isLoading}
                options={(batches.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
                onChange={(value: string) => setParams({ batch: value })}
                aria-label="评审批次"
              />
              <Select
                showSearch
                style={{ width: 460 }}
                placeholder="选择项目"
                value={projectId}
                optionFilterProp="search"
                loading={projects.isLoading}
                options={list.map((p) => ({
                  value: p.id,
                  search: `${p.name}${p.applicant}`,
                  label: (
                    <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                      <Typography.Text ellipsis style={{ maxWidth: 300 }}>
                        {p.name}
                      </Typography.Text>
                      <ScoringProgressTag progress={byProject.get(p.id)} />
                    </Space>
                  ),
                }))}
                onChange={(value: string) => batchId && setParams({ batch: batchId, project: value })}
                aria-label="项目"
                data-testid="scoring-project"
              />
              {list.length > 0 && <Typography.Text type="secondary">{`已完成 ${String(done)} / ${String(list.length)} 个项目`}</Typography.Text>}
            </Space>
            {batchId && batch && <ExportExpertFileButton batchId={batchId} batchName={batch.name} />}
          </Space>
        </Card>
        {batchId && projectId ? (
          <ScoringWorkspace key={`${batchId}/${projectId}`} batchId={batchId} projectId={projectId} />
        ) : failure ? (
          <Alert type="error" showIcon message="未能读取评审批次和项目" description={failure.message} />
        ) : loading ? (
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
