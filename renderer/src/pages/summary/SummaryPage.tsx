import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Row, Select, Space, Spin, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { ReviewerRequired } from '../identity/ReviewerRequired';
import { useMyReviewer } from '../identity/use-my-reviewer';
import { ExpertFileImportCard } from './ExpertFileImportCard';
import { ExportButtons } from './ExportButtons';
import { MethodChooser } from './MethodChooser';
import { PanelOpinionEditor } from './PanelOpinionEditor';
import { RankingTable } from './RankingTable';
import { RubricAdjustCard } from './RubricAdjustCard';
import { ScoreDistributionChart } from './ScoreDistributionChart';
import { ScoreMatrix } from './ScoreMatrix';

function Consolidation({ batchId, projectId, onProject }: { batchId: string; projectId: string | null; onProject: (id: string) => void }) {
  const consolidation = useQuery({ queryKey: ['getConsolidation', batchId], queryFn: () => api.getConsolidation({ batchId }) });
  if (consolidation.error) return <Alert type="error" showIcon message={consolidation.error.message} />;
  if (!consolidation.data) return <Spin />;
  const data = consolidation.data;
  const names = new Map(data.experts.map((e) => [e.id, e.name]));
  const selected = data.projects.find((p) => p.projectId === projectId) ?? data.projects[0];
  const charted = data.projects.filter((p) => !p.hidden);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small" title={`各项目汇总（专家 ${String(data.experts.length)} 人）`}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{`评分标准：${data.rubric.name}（第 ${String(data.rubric.version)} 版）`}</Typography.Text>
          <MethodChooser data={data} />
          <RankingTable data={data} selected={selected?.projectId} onSelect={onProject} />
        </Space>
      </Card>
      {selected && (
        <Card size="small" title={`评分矩阵：${selected.projectName}`} data-testid="project-matrix">
          <ScoreMatrix data={data} project={selected} />
        </Card>
      )}
      <Row gutter={12}>
        <Col span={14}>{selected && !selected.hidden && <PanelOpinionEditor batchId={batchId} projectId={selected.projectId} projectName={selected.projectName} />}</Col>
        <Col span={10}>
          <Card size="small" title="各项目得分分布">
            <ScoreDistributionChart
              projects={charted.map((p) => ({
                label: p.projectName,
                totals: p.rows
                  .filter((r) => r.counted && r.total !== null)
                  .map((r) => ({ expert: names.get(r.expertId) ?? '', total: r.total as string, divergent: p.divergent.some((d) => d.expertId === r.expertId) })),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

/** 汇总 (chair): import the experts' files, then the panel's figures, ranking and opinion per project. */
export function SummaryPage() {
  const [params, setParams] = useSearchParams();
  const mine = useMyReviewer();
  const batches = useQuery({ queryKey: ['listBatches'], queryFn: () => api.listBatches({}) });
  const asked = params.get('batch');
  const batchId = batches.data?.some((b) => b.id === asked) ? (asked ?? undefined) : batches.data?.[0]?.id;
  const isChair = mine.data?.reviewer?.role === 'chair';

  return (
    <ReviewerRequired what="汇总和专家组意见">
      {mine.data?.reviewer && !isChair ? (
        <Alert type="info" showIcon message="汇总由专家组组长完成" description="请在「评分」中完成评分后导出专家评审文件，交给组长导入汇总。" />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Card size="small">
            <Space>
              <Typography.Text>评审批次：</Typography.Text>
              <Select
                style={{ width: 280 }}
                value={batchId}
                loading={batches.isLoading}
                options={(batches.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
                onChange={(value: string) => setParams({ batch: value })}
                aria-label="评审批次"
              />
              {batchId && <ExportButtons batchId={batchId} batchName={batches.data?.find((b) => b.id === batchId)?.name ?? batchId} />}
            </Space>
          </Card>
          {batchId && <RubricAdjustCard batchId={batchId} />}
          <ExpertFileImportCard />
          {batchId ? (
            <Consolidation batchId={batchId} projectId={params.get('project')} onProject={(id) => setParams({ batch: batchId, project: id })} />
          ) : batches.isLoading ? (
            <Spin />
          ) : (
            <Card>
              <Empty description="尚无评审批次：请先在「评审批次」导入申报材料包" />
            </Card>
          )}
        </Space>
      )}
    </ReviewerRequired>
  );
}
