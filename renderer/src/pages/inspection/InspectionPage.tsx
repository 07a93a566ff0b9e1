import { Alert, Card, Empty, Select, Space, Spin } from 'antd';
import { stageName } from '../../format';
import { ReviewerRequired } from '../identity/ReviewerRequired';
import { useBatchProjectChoice } from '../use-batch-project-choice';
import { InspectionWorkspace } from './InspectionWorkspace';

/** 现场核查: choose the batch and project (kept in the address), then walk the plant line by line. */
export function InspectionPage() {
  const { params, setParams, batches, projects, list, batchId, projectId, failure, chooseBatch, chooseProject } = useBatchProjectChoice();

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
            onChange={chooseBatch}
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
            onChange={chooseProject}
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
