import { Col, List, Row, Typography } from 'antd';
import { useState } from 'react';
import type { ProjectDetail } from '@shared/api/batches-contract';
import { AttachmentView } from '../../components/AttachmentView';

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
            <List.Item onClick={() => setSelected(a.path)} style={{ cursor: 'pointer', background: a.path === selected ? '#e6f4ff' : undefined }}>
              <Typography.Text ellipsis>{a.path}</Typography.Text>
            </List.Item>
          )}
        />
      </Col>
      <Col span={18}>{selected && <AttachmentView batchId={detail.batch.id} projectId={detail.project.id} path={selected} />}</Col>
    </Row>
  );
}
