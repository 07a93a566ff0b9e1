import { Tag } from 'antd';
import type { ScoringProgressDto } from '@shared/api/panel-contract';

/** 未评分 / 评分中（3/4） / 已评分 86.5 分 / 已回避, for project lists. */
export function ScoringProgressTag({ progress }: { progress: ScoringProgressDto | undefined }) {
  if (!progress || progress.state === 'not-started') return <Tag>未评分</Tag>;
  if (progress.state === 'recused') return <Tag color="orange">已回避</Tag>;
  if (progress.state === 'in-progress') return <Tag color="blue">{`评分中（${String(progress.scoredItems)}/${String(progress.items)}）`}</Tag>;
  return <Tag color="green">{progress.total === null ? '已评分' : `已评分 ${progress.total} 分`}</Tag>;
}
