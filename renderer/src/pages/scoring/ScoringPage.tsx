import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Select, Space, Spin, Typography } from 'antd';
import { api } from '../../api/client';
import { ReviewerRequired } from '../identity/ReviewerRequired';
import { useBatchProjectChoice } from '../use-batch-project-choice';
import { ExportExpertFileButton } from './ExportExpertFileButton';
import { ScoringProgressTag } from './ScoringProgressTag';
import { ScoringWorkspace } from './ScoringWorkspace';

/** 评分: choose the batch and project (each with its scoring progress), then score it. */
export function ScoringPage() {
  const { batches, projects, list, batchId, projectId, loading, failure, chooseBatch, chooseProject } = useBatchProjectChoice();
  const progress = useQuery({
    queryKey: ['listScoringProgress', batchId],
    queryFn: () => api.listScoringProgress({ batchId: batchId ?? '' }),
    enabled: batchId !== undefined,
  });
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
                onChange={chooseBatch}
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
                onChange={chooseProject}
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
