import { App, InputNumber, Select, Space, Typography } from 'antd';
import type { ConsolidationDto } from '@shared/api/panel-contract';
import { CONSOLIDATION_METHODS, type ConsolidationMethod } from '@shared/scoring/consolidate';
import { useApiMutation } from '../../api/use-api-mutation';

/** The method that counts for the batch (stated in reports) and how far from the median a score is flagged. */
export function MethodChooser({ data }: { data: ConsolidationDto }) {
  const { message } = App.useApp();
  const set = useApiMutation('setConsolidationMethod', { onError: (e) => void message.error(e.message) });
  const save = (method: ConsolidationMethod, divergencePoints: string) => set.mutate({ batchId: data.batchId, method, divergencePoints });
  return (
    <Space wrap>
      <Typography.Text>计分方法：</Typography.Text>
      <Select<ConsolidationMethod>
        style={{ width: 300 }}
        value={data.method}
        loading={set.isPending}
        options={CONSOLIDATION_METHODS.map((m) => ({ value: m.id, label: m.label }))}
        onChange={(method) => save(method, data.divergencePoints)}
        aria-label="计分方法"
        data-testid="consolidation-method"
      />
      <Typography.Text>与中位数相差超过</Typography.Text>
      <InputNumber
        min="1"
        max="100"
        stringMode
        style={{ width: 80 }}
        defaultValue={data.divergencePoints}
        onBlur={(e) => {
          const value = e.target.value.trim();
          if (value && value !== data.divergencePoints) save(data.method, value);
        }}
        aria-label="偏离提示分差"
      />
      <Typography.Text>分的评分予以提示</Typography.Text>
    </Space>
  );
}
