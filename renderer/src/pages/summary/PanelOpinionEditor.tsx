import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Radio, Space, Spin, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { z } from 'zod';
import type { panelOpinionSchema } from '@shared/api/panel-contract';
import { VERDICTS, type Verdict } from '@shared/scoring/verdict';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/use-api-mutation';
import { SaveIndicator } from '../scoring/SaveIndicator';
import { useAutosave } from '../scoring/use-autosave';

type PanelOpinion = z.infer<typeof panelOpinionSchema>;

function Editor({ opinion }: { opinion: PanelOpinion }) {
  // Until the chair edits, the draft follows the experts' files as they are imported.
  const [edited, setEdited] = useState<{ verdict: Verdict | null; text: string } | null>(null);
  const start = opinion.saved ?? opinion.draft;
  const verdict = edited ? edited.verdict : start.verdict;
  const text = edited ? edited.text : start.opinion;
  const [saved, setSaved] = useState(opinion.saved !== null);
  const latest = useRef({ verdict, text });
  const save = useApiMutation('savePanelOpinion', { onSuccess: () => setSaved(true) });
  const ref = { batchId: opinion.batchId, projectId: opinion.projectId };
  const autosave = useAutosave<null>(() => {
    const { verdict: v, text: t } = latest.current;
    // The record needs both; until then the chair's typing stays on screen and nothing half is stored.
    return v && t.trim() ? save.mutateAsync({ ...ref, verdict: v, opinion: t }) : Promise.resolve();
  });
  const change = (v: Verdict | null, t: string) => {
    setEdited({ verdict: v, text: t });
    latest.current = { verdict: v, text: t };
    autosave.change('opinion', null);
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Space>
          <Radio.Group
            value={verdict}
            optionType="button"
            buttonStyle="solid"
            options={VERDICTS.map((v) => ({ value: v.id, label: v.label }))}
            onChange={(e) => change(e.target.value as Verdict, text)}
          />
          {saved ? <Tag color="green">已保存为专家组意见</Tag> : <Tag>根据各位专家意见起草，尚未保存</Tag>}
        </Space>
        <SaveIndicator state={autosave.state} />
      </Space>
      <Input.TextArea
        rows={7}
        maxLength={5000}
        value={text}
        onChange={(e) => change(verdict, e.target.value)}
        onBlur={() => void autosave.flush('opinion')}
        data-testid="panel-opinion"
        data-project={opinion.projectId}
      />
      {(!verdict || !text.trim()) && <Typography.Text type="warning">请选择专家组结论并填写意见，填好后自动保存。</Typography.Text>}
      {!saved && verdict && text.trim() && (
        <Button type="primary" onClick={() => change(verdict, text)}>
          采用此草稿
        </Button>
      )}
      {save.error && <Alert type="error" showIcon message={save.error.message} />}
    </Space>
  );
}

/** 专家组意见: drafted from the experts' verdicts and opinions, edited by the chair, saved as typed. */
export function PanelOpinionEditor({ batchId, projectId, projectName }: { batchId: string; projectId: string; projectName: string }) {
  const opinion = useQuery({ queryKey: ['getPanelOpinion', batchId, projectId], queryFn: () => api.getPanelOpinion({ batchId, projectId }), staleTime: Infinity });
  return (
    <Card size="small" title={`专家组意见：${projectName}`}>
      {opinion.error && <Alert type="error" showIcon message={opinion.error.message} />}
      {opinion.data ? <Editor key={`${batchId}/${projectId}`} opinion={opinion.data} /> : !opinion.error && <Spin />}
    </Card>
  );
}
