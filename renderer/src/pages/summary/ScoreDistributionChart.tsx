import { useMemo } from 'react';
import { EChart } from '../../components/EChart';

export interface ProjectDistribution {
  /** What the axis shows: the project's name, shortened. */
  readonly label: string;
  /** Each counted expert's total. */
  readonly totals: readonly { readonly expert: string; readonly total: string; readonly divergent: boolean }[];
}

/** Five-number summary for the box (drawing only: the figures the panel reads are computed exactly elsewhere). */
function boxOf(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => {
    const position = (sorted.length - 1) * q;
    const low = Math.floor(position);
    const high = Math.ceil(position);
    return (sorted[low] ?? 0) + ((sorted[high] ?? 0) - (sorted[low] ?? 0)) * (position - low);
  };
  return [at(0), at(0.25), at(0.5), at(0.75), at(1)];
}

/** Each project's totals as a box with every expert's score as a dot; a flagged score is drawn red. */
export function ScoreDistributionChart({ projects }: { projects: readonly ProjectDistribution[] }) {
  const option = useMemo(() => {
    const labels = projects.map((p) => p.label);
    const dots = (divergent: boolean) =>
      projects.flatMap((p, index) => p.totals.filter((t) => t.divergent === divergent).map((t) => ({ value: [Number(t.total), index], name: t.expert })));
    return {
      grid: { left: 8, right: 24, top: 28, bottom: 28, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (params: { seriesType: string; name: string; value: number[] }) =>
          params.seriesType === 'scatter' ? `${params.name}：${String(params.value[0])} 分` : '',
      },
      legend: { top: 0, data: ['分布', '专家评分', '偏离较大'] },
      xAxis: { type: 'value', min: 0, max: 100, name: '分', splitLine: { show: true } },
      yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 180, overflow: 'truncate' } },
      series: [
        {
          name: '分布',
          type: 'boxplot',
          itemStyle: { color: '#e6f4ff', borderColor: '#4096ff' },
          data: projects.map((p) => (p.totals.length > 0 ? boxOf(p.totals.map((t) => Number(t.total))) : [])),
          tooltip: { show: false },
        },
        { name: '专家评分', type: 'scatter', symbolSize: 10, itemStyle: { color: '#1677ff' }, data: dots(false) },
        { name: '偏离较大', type: 'scatter', symbolSize: 12, itemStyle: { color: '#cf1322' }, data: dots(true) },
      ],
    };
  }, [projects]);
  return <EChart option={option} height={Math.max(200, 60 + projects.length * 48)} testId="score-distribution" />;
}
