import { CheckCircleOutlined, ExclamationCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import type { AutosaveState } from './use-autosave';

const pad = (n: number) => String(n).padStart(2, '0');
const clock = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;

/** 「已保存 14:03:21」, 「正在保存…」 or why the last save failed: the reviewer always knows where their text stands. */
export function SaveIndicator({ state }: { state: AutosaveState }) {
  if (state.error) {
    return (
      <Typography.Text type="danger" data-testid="save-state">
        <ExclamationCircleOutlined /> 未能保存：{state.error}（修改任一处将重试）
      </Typography.Text>
    );
  }
  if (state.saving || state.pending) {
    return (
      <Typography.Text type="secondary" data-testid="save-state">
        <LoadingOutlined /> 正在保存…
      </Typography.Text>
    );
  }
  if (state.savedAt) {
    return (
      <Typography.Text type="success" data-testid="save-state">
        <CheckCircleOutlined /> 已保存 {clock(state.savedAt)}
      </Typography.Text>
    );
  }
  return (
    <Typography.Text type="secondary" data-testid="save-state">
      每次修改都会自动保存
    </Typography.Text>
  );
}
