import { Alert, Col, Progress, Row, Segmented, Space, Spin, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { InspectionLine } from '@shared/api/inspection-contract';
import type { InspectionStatus } from '@shared/codes/codes';
import { useMyReviewer } from '../identity/use-my-reviewer';
import { useFillHeight } from '../invoices/use-fill-height';
import { useAutosave } from '../scoring/use-autosave';
import { IndicatorPanel } from './IndicatorPanel';
import { draftOf, recordInputOf, type LineDraft } from './line-draft';
import { LineEditor } from './LineEditor';
import { LineList } from './LineList';
import { useInspection } from './use-inspection';
import { useInspectionKeys } from './use-inspection-keys';

type Part = 'lines' | 'indicators';

function draftIn(drafts: Record<string, LineDraft>, line: InspectionLine): LineDraft | null {
  return drafts[line.id] ?? (line.mine ? draftOf(line.mine) : null);
}

interface Props {
  batchId: string;
  projectId: string;
  /** The line shown, kept in the address so that coming back from 发票核验 returns to it. */
  lineId: string | null;
  onLine: (lineId: string) => void;
}

/** One project on site: the equipment lines one at a time beside the list, then the indicators. */
export function InspectionWorkspace({ batchId, projectId, lineId, onLine }: Props) {
  const { query, recordLine, clearLine, recordIndicator } = useInspection(batchId, projectId);
  const me = useMyReviewer().data?.reviewer?.id;
  const [part, setPart] = useState<Part>('lines');
  // What the reviewer set, per line, until the page closes: the screen shows it at once while the
  // save is on its way, and a line visited again shows what was typed even if the save failed.
  const [drafts, setDrafts] = useState<Record<string, LineDraft>>({});
  const latestDrafts = useRef(drafts);
  const autosave = useAutosave<LineDraft>((id, draft) => recordLine(recordInputOf(id, draft)));
  const [listRef, listHeight] = useFillHeight<HTMLDivElement>(28, 280);

  const inspection = query.data;
  const lines = inspection?.lines ?? [];
  const index = Math.max(
    0,
    lines.findIndex((l) => l.id === lineId),
  );
  const line: InspectionLine | undefined = lines[index];
  // On screen the drafts state; in handlers the ref, which a quick second change already sees.
  const shownDraft = (l: InspectionLine) => draftIn(drafts, l);
  const latestDraft = (l: InspectionLine) => draftIn(latestDrafts.current, l);

  const update = (target: InspectionLine, next: LineDraft, now: boolean) => {
    latestDrafts.current = { ...latestDrafts.current, [target.id]: next };
    setDrafts(latestDrafts.current);
    autosave.change(target.id, next);
    if (now) void autosave.flush(target.id);
  };
  const setStatus = (target: InspectionLine, status: InspectionStatus) => {
    const current = latestDraft(target);
    update(target, current ? { ...current, status } : { status, quantitySeen: '', modelSeen: '', serialNumber: '', note: '', photos: [] }, true);
  };
  const clear = async (target: InspectionLine) => {
    // A save still on its way must land before the withdrawal, not after it.
    await autosave.flush(target.id);
    const { [target.id]: _dropped, ...rest } = latestDrafts.current;
    latestDrafts.current = rest;
    setDrafts(rest);
    await clearLine(target.id);
  };
  const move = (step: 1 | -1) => {
    const next = lines[index + step];
    if (next) onLine(next.id);
  };

  useInspectionKeys(part === 'lines' && line !== undefined, (action) => {
    if ('move' in action) return move(action.move);
    if (line) setStatus(line, action.status);
  });

  if (query.error) return <Alert type="error" showIcon message="未能读取现场核查清单" description={query.error.message} />;
  if (!inspection) return <Spin tip="正在生成核查清单" />;
  const { done, total } = inspection.progress;
  const linesDone = lines.filter((l) => shownDraft(l) !== null).length;
  const indicatorsDone = inspection.indicators.filter((i) => i.mine !== null).length;

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Space wrap size={16} style={{ width: '100%', justifyContent: 'space-between' }}>
        <Segmented<Part>
          size="large"
          value={part}
          onChange={setPart}
          options={[
            { value: 'lines', label: `设备（${String(linesDone)} / ${String(lines.length)}）` },
            { value: 'indicators', label: `绩效指标（${String(indicatorsDone)} / ${String(inspection.indicators.length)}）` },
          ]}
          data-testid="inspection-part"
        />
        <Space size={8} style={{ minWidth: 300 }}>
          <Typography.Text strong data-testid="inspection-progress">
            已核查 {done} / {total}
          </Typography.Text>
          <Progress percent={total === 0 ? 0 : Math.round((done / total) * 100)} showInfo={false} style={{ width: 180, margin: 0 }} />
        </Space>
      </Space>
      {part === 'indicators' ? (
        <IndicatorPanel indicators={inspection.indicators} myReviewerId={me} record={recordIndicator} />
      ) : !line ? (
        <Alert type="info" showIcon message="本项目的合同和发票中没有可核查的设备" />
      ) : (
        <Row gutter={12} ref={listRef}>
          {/* A fixed width: a long status tag shortens the name, it does not push the line aside. */}
          <Col flex="280px" style={{ maxWidth: 280, minWidth: 0 }}>
            <LineList lines={lines} statusOf={(l) => shownDraft(l)?.status ?? null} current={index} height={listHeight} onJump={(i) => lines[i] && onLine(lines[i].id)} />
          </Col>
          <Col flex="1" style={{ minWidth: 0, height: listHeight, overflow: 'auto' }}>
            <LineEditor
              key={line.id}
              batchId={batchId}
              projectId={projectId}
              line={line}
              position={{ index, count: lines.length }}
              draft={shownDraft(line)}
              myReviewerId={me}
              saveState={autosave.state}
              onStatus={(status) => setStatus(line, status)}
              onChange={(change, now) => {
                const current = latestDraft(line);
                if (current) update(line, change(current), now);
              }}
              onLeaveField={() => void autosave.flush(line.id)}
              onClear={() => void clear(line)}
              onMove={move}
            />
          </Col>
        </Row>
      )}
    </Space>
  );
}
