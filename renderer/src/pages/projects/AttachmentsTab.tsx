import { useQuery } from '@tanstack/react-query';
import { Alert, Col, List, Row, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { ProjectDetail } from '../../../../shared/api/batches-contract';
import { api } from '../../api/client';
import { PdfViewer } from './PdfViewer';

function decodeBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function AttachmentView({ batchId, projectId, path }: { batchId: string; projectId: string; path: string }) {
  const file = useQuery({ queryKey: ['attachment', batchId, projectId, path], queryFn: () => api.getAttachment({ batchId, projectId, path }) });
  const bytes = useMemo(() => (file.data ? decodeBase64(file.data.base64) : null), [file.data]);
  if (file.error) return <Alert type="error" showIcon message={file.error.message} />;
  if (!file.data || !bytes) return <Spin />;
  const { mediaType } = file.data;
  if (mediaType === 'application/pdf') return <PdfViewer data={bytes} />;
  if (mediaType.startsWith('image/')) return <img alt={path} style={{ maxWidth: '100%' }} src={`data:${mediaType};base64,${file.data.base64}`} />;
  if (mediaType === 'application/xml') {
    return <pre style={{ maxHeight: 600, overflow: 'auto', background: '#fafafa', padding: 12 }}>{new TextDecoder().decode(bytes)}</pre>;
  }
  return <Typography.Text type="secondary">此类文件（{mediaType}）不能在此预览，大小 {bytes.length} 字节。</Typography.Text>;
}

export function AttachmentsTab({ detail }: { detail: ProjectDetail }) {
  const [selected, setSelected] = useState<string | undefined>(detail.attachments[0]?.path);
  if (detail.attachments.length === 0) return <Typography.Text type="secondary">此项目没有附件。</Typography.Text>;
  return (
    <Row gutter={16}>
      <Col span={6}>
        <List
          size="small"
          bordered
          dataSource={detail.attachments}
          renderItem={(a) => (
            <List.Item
              onClick={() => setSelected(a.path)}
              style={{ cursor: 'pointer', background: a.path === selected ? '#e6f4ff' : undefined }}
            >
              <Typography.Text ellipsis>{a.path}</Typography.Text>
            </List.Item>
          )}
        />
      </Col>
      <Col span={18}>{selected && <AttachmentView batchId={detail.batch.id} projectId={detail.project.id} path={selected} />}</Col>
    </Row>
  );
}
