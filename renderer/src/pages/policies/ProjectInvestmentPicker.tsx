import { useQuery } from '@tanstack/react-query';
import { App, Button, Select, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { yuan } from '../../format';

/**
 * 「带入本项目核定投资额」: picks an imported project and hands its verified investment (核定投资额,
 * after the reviewers' decisions) to the calculator.
 */
export function ProjectInvestmentPicker({ onPick }: { onPick: (investment: string) => void }) {
  const { message } = App.useApp();
  const projects = useQuery({ queryKey: ['projects', 'all'], queryFn: () => api.listProjects({}) });
  const batches = useQuery({ queryKey: ['batches'], queryFn: () => api.listBatches({}) });
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const batchName = (id: string) => batches.data?.find((b) => b.id === id)?.name ?? '';
  const options = (projects.data ?? []).map((p) => ({ value: `${p.batchId}\u0000${p.id}`, label: `${p.name}（${batchName(p.batchId)}）` }));

  const bringIn = async () => {
    if (!chosen) return;
    const [batchId = '', projectId = ''] = chosen.split('\u0000');
    setBusy(true);
    try {
      const verification = await api.getProjectVerification({ batchId, projectId });
      onPick(verification.summary.verifiedInvestment);
      void message.success(`已带入核定投资额 ${yuan(verification.summary.verifiedInvestment)} 元`);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  if (options.length === 0) return null;
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }} size={4}>
      <Select
        aria-label="选择项目"
        placeholder="选择已导入的项目"
        options={options}
        value={chosen}
        onChange={setChosen}
        showSearch
        optionFilterProp="label"
        style={{ width: '100%' }}
        loading={projects.isLoading}
      />
      <Button onClick={() => void bringIn()} disabled={!chosen} loading={busy} block>
        带入本项目核定投资额
      </Button>
    </Space>
  );
}
