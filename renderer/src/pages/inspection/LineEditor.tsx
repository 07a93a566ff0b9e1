import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Divider, Space, Typography } from 'antd';
import type { InspectionLine, InspectionPhoto } from '@shared/api/inspection-contract';
import type { InspectionStatus } from '@shared/codes/codes';
import { SaveIndicator } from '../scoring/SaveIndicator';
import type { AutosaveState } from '../scoring/use-autosave';
import type { LineDraft } from './line-draft';
import { LineFacts } from './LineFacts';
import { ObservationFields } from './ObservationFields';
import { OtherObservations } from './OtherObservations';
import { PhotoStrip } from './PhotoStrip';
import { ProposedReduction } from './ProposedReduction';
import { StatusButtons } from './StatusButtons';

interface Props {
  batchId: string;
  projectId: string;
  line: InspectionLine;
  position: { index: number; count: number };
  /** The acting reviewer's observation as on screen (saved or on its way); null before a status is chosen. */
  draft: LineDraft | null;
  myReviewerId: string | undefined;
  saveState: AutosaveState;
  onStatus: (status: InspectionStatus) => void;
  /** `now`: a click (status, photo) is saved at once; typing after a short pause. */
  onChange: (update: (draft: LineDraft) => LineDraft, now: boolean) => void;
  onLeaveField: () => void;
  onClear: () => void;
  onMove: (step: 1 | -1) => void;
}

/** One equipment line on site: what is claimed, what was seen, the photos, and what that proposes. */
export function LineEditor({ batchId, projectId, line, position, draft, myReviewerId, saveState, onStatus, onChange, onLeaveField, onClear, onMove }: Props) {
  const others = line.observations.filter((o) => o.reviewerId !== myReviewerId);
  const addPhoto = (photo: InspectionPhoto) => onChange((d) => (d.photos.some((p) => p.sha256 === photo.sha256) ? d : { ...d, photos: [...d.photos, photo] }), true);
  return (
    <Card
      size="small"
      data-testid="inspection-line"
      title={
        <Space size={12}>
          <Typography.Text type="secondary">
            第 {position.index + 1} / {position.count} 项
          </Typography.Text>
          <Typography.Text strong style={{ fontSize: 18 }} data-testid="line-name">
            {line.name}
          </Typography.Text>
        </Space>
      }
      extra={
        <Space>
          <Button size="large" icon={<LeftOutlined />} disabled={position.index === 0} onClick={() => onMove(-1)} title="上一项（← 或 K）">
            上一项
          </Button>
          <Button size="large" type="primary" disabled={position.index + 1 >= position.count} onClick={() => onMove(1)} title="下一项（→ 或 J）" data-testid="next-line">
            下一项 <RightOutlined />
          </Button>
        </Space>
      }
    >
      <LineFacts line={line} />
      <Divider style={{ margin: '8px 0 12px' }} />
      <StatusButtons value={draft?.status ?? null} onChoose={onStatus} />
      <div style={{ marginTop: 12 }}>
        <ObservationFields line={line} draft={draft} onChange={(change) => onChange((d) => ({ ...d, ...change }), false)} onLeave={onLeaveField} />
      </div>
      <div style={{ marginTop: 12 }}>
        <PhotoStrip
          key={line.id}
          batchId={batchId}
          projectId={projectId}
          lineName={line.name}
          photos={draft?.photos ?? []}
          disabled={draft === null}
          onAdd={addPhoto}
          onRemove={(sha256) => onChange((d) => ({ ...d, photos: d.photos.filter((p) => p.sha256 !== sha256) }), true)}
        />
      </div>
      <div style={{ marginTop: 12 }}>
        <ProposedReduction batchId={batchId} projectId={projectId} line={line} />
      </div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginTop: 8 }}>
        <SaveIndicator state={saveState} />
        {line.mine && (
          <Button type="link" onClick={onClear} data-testid="clear-line">
            撤销本项核查
          </Button>
        )}
      </Space>
      {others.length > 0 && <Divider style={{ margin: '8px 0' }} />}
      <OtherObservations observations={others} />
    </Card>
  );
}
