import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Col, Row, Spin } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { MaterialsPanel, type OpenAttachment } from './MaterialsPanel';
import { RecusalCard } from './RecusalCard';
import { ScoreSheet } from './ScoreSheet';

/** One project: the recusal first; then the score sheet beside the project's materials. */
export function ScoringWorkspace({ batchId, projectId }: { batchId: string; projectId: string }) {
  const sheet = useQuery({ queryKey: ['getScoringSheet', batchId, projectId], queryFn: () => api.getScoringSheet({ batchId, projectId }), staleTime: Infinity });
  const detail = useQuery({ queryKey: ['project', batchId, projectId], queryFn: () => api.getProject({ batchId, projectId }) });
  const [open, setOpen] = useState<OpenAttachment | null>(null);
  const [correcting, setCorrecting] = useState(false);
  if (sheet.error) return <Alert type="error" showIcon message={sheet.error.message} />;
  if (!sheet.data || !detail.data) return <Spin />;
  const s = sheet.data;
  const attachments = detail.data.attachments.map((a) => a.path);

  if (!s.recusalDeclared || s.recusal !== null || correcting) {
    return (
      <RecusalCard key={`${String(s.recusalDeclared)}-${s.recusal?.kind ?? ''}`} sheet={s} projectName={detail.data.project.name} onDone={() => setCorrecting(false)} />
    );
  }
  return (
    <Row gutter={12}>
      <Col span={13}>
        <ScoreSheet key={`${batchId}/${projectId}`} sheet={s} attachments={attachments} onOpenAttachment={(path, page) => setOpen({ path, page })} />
        <Button type="link" size="small" onClick={() => setCorrecting(true)} style={{ marginTop: 4 }}>
          与本项目有利害关系？更正回避声明
        </Button>
      </Col>
      <Col span={11}>
        <MaterialsPanel batchId={batchId} projectId={projectId} attachments={attachments} open={open} onOpen={setOpen} />
      </Col>
    </Row>
  );
}
