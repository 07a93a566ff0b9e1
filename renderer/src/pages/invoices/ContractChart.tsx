import { useMemo } from 'react';
import type { ProjectVerification } from '@shared/api/verification-contract';
import { formatYuan } from '@shared/domain/money';
import { EChart } from '../../components/EChart';

/**
 * Per contract, side by side: contract amount, invoiced, paid and what counts. A contract whose
 * counted bar falls short of its invoiced bar is where the reviewer should look first.
 */
export function ContractChart({ v }: { v: ProjectVerification }) {
  const option = useMemo(() => {
    // Bars in 万元 so the axis stays readable; tooltips give the exact yuan amounts.
    const wan = (amount: string) => Number(amount) / 10_000;
    const series = [
      { name: '合同金额', key: 'contractAmount' },
      { name: '开票（不含税）', key: 'invoiced' },
      { name: '已付款', key: 'paid' },
      { name: '计入核定投资额', key: 'counted' },
    ] as const;
    return {
      tooltip: {
        trigger: 'axis',
        formatter: (items: { axisValue: string; seriesName: string; dataIndex: number; marker: string }[]) => {
          const first = items[0];
          if (!first) return '';
          const contract = v.contracts[first.dataIndex];
          if (!contract) return '';
          return [
            `${first.axisValue}（${contract.category}）`,
            ...items.map((i) => `${i.marker}${i.seriesName}：${formatYuan(contract[series.find((s) => s.name === i.seriesName)?.key ?? 'counted'])} 元`),
          ].join('<br/>');
        },
      },
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 36, bottom: 40 },
      xAxis: { type: 'category', data: v.contracts.map((c) => c.contractNo), axisLabel: { interval: 0, rotate: v.contracts.length > 8 ? 30 : 0 } },
      yAxis: { type: 'value', name: '万元' },
      series: series.map((s) => ({ name: s.name, type: 'bar', data: v.contracts.map((c) => wan(c[s.key])) })),
    };
  }, [v]);
  return <EChart option={option} testId="contract-chart" />;
}
