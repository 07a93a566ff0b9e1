import { useQuery } from '@tanstack/react-query';
import { Tag } from 'antd';
import type { ScoringProgressDto } from '@shared/api/panel-contract';
import { api } from '../../api/client';
import { useMyReviewer } from '../identity/use-my-reviewer';

/** 未评分 / 评分中 3/4 项 / 已评分 86.5 分 / 已回避, for project lists. */
export function ScoringProgressTag({ progress }: { progress: ScoringProgressDto | undefined }) {
  if (!progress || progress.state === 'not-started') return <Tag>未评分</Tag>;
  if (progress.state === 'recused') return <Tag color="orange">已回避</Tag>;
  if (progress.state === 'in-progress') return <Tag color="blue">{`评分中 ${String(progress.scoredItems)}/${String(progress.items)} 项`}</Tag>;
  return <Tag color="green">{progress.total === null ? '已评分' : `已评分 ${progress.total} 分`}</Tag>;
}

/**
 * This reviewer's progress on one project, for a row of the 项目 list. One query per batch (shared
 * by its rows); without a reviewer identity there is no progress to show.
 */
export function ProjectScoringProgress({ batchId, projectId }: { batchId: string; projectId: string }) {
  const reviewer = useMyReviewer();
  const progress = useQuery({
    queryKey: ['listScoringProgress', batchId],
    queryFn: () => api.listScoringProgress({ batchId }),
    enabled: !!reviewer.data?.reviewer,
  });
  if (!reviewer.data?.reviewer) return <Tag>未评分</Tag>;
  return <ScoringProgressTag progress={progress.data?.projects.find((p) => p.projectId === projectId)} />;
}
