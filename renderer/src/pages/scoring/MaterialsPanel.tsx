import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Select, Spin, Tabs } from 'antd';
import { api } from '../../api/client';
import { AttachmentView } from '../../components/AttachmentView';
import { VerificationSummary } from '../invoices/VerificationSummary';

export interface OpenAttachment {
  path: string;
  page: number | null;
}

/** The project's materials beside the score sheet: the verification summary and the attachments. */
export function MaterialsPanel({
  batchId,
  projectId,
  attachments,
  open,
  onOpen,
}: {
  batchId: string;
  projectId: string;
  attachments: readonly string[];
  open: OpenAttachment | null;
  onOpen: (attachment: OpenAttachment | null) => void;
}) {
  const verification = useQuery({ queryKey: ['getProjectVerification', batchId, projectId], queryFn: () => api.getProjectVerification({ batchId, projectId }) });
  const tab = open ? 'attachments' : 'summary';
  return (
    <Card size="small" style={{ position: 'sticky', top: -24 }} data-testid="materials">
      <Tabs
        size="small"
        activeKey={tab}
        onChange={(key) => onOpen(key === 'attachments' ? { path: attachments[0] ?? '', page: null } : null)}
        items={[
          {
            key: 'summary',
            label: '核验摘要',
            children: verification.error ? (
              <Alert type="error" showIcon message={verification.error.message} />
            ) : verification.data ? (
              <>
                <VerificationSummary v={verification.data} compact />
                {verification.data.trace.length > 0 && (
                  <ul style={{ marginTop: 12, paddingInlineStart: 18, color: '#595959' }}>
                    {verification.data.trace.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                )}
              </>
            ) : (
              <Spin />
            ),
          },
          {
            key: 'attachments',
            label: `附件（${String(attachments.length)}）`,
            children:
              attachments.length === 0 ? (
                <Empty description="此项目没有附件" />
              ) : (
                <>
                  <Select
                    style={{ width: '100%', marginBottom: 8 }}
                    value={open?.path || undefined}
                    options={attachments.map((a) => ({ value: a, label: a }))}
                    onChange={(path: string) => onOpen({ path, page: null })}
                    aria-label="附件"
                  />
                  <div style={{ maxHeight: 'calc(100vh - 260px)', overflow: 'auto' }}>
                    {open?.path && <AttachmentView key={`${open.path}#${String(open.page)}`} batchId={batchId} projectId={projectId} path={open.path} page={open.page} />}
                  </div>
                </>
              ),
          },
        ]}
      />
    </Card>
  );
}
