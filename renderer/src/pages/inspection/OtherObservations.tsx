import { Space, Tag, Typography } from 'antd';
import type { LineObservation } from '@shared/api/inspection-contract';
import { INSPECTION_STATUS_LABEL } from '@shared/codes/labels';
import { dateTime } from '../../format';
import { PhotoThumb } from './PhotoThumb';
import { STATUS_COLOR } from './status-style';

/** What the other experts saw on this line, each under their name (the chair merges their files). */
export function OtherObservations({ observations }: { observations: LineObservation[] }) {
  if (observations.length === 0) return null;
  return (
    <div data-testid="other-observations">
      <Typography.Text strong>其他专家的核查</Typography.Text>
      {observations.map((o) => (
        <div key={o.reviewerId} style={{ borderTop: '1px solid #f0f0f0', padding: '8px 0' }}>
          <Space wrap size={8}>
            <Typography.Text strong>{o.reviewerName}</Typography.Text>
            <Tag color={STATUS_COLOR[o.status]}>{INSPECTION_STATUS_LABEL[o.status]}</Tag>
            {o.quantitySeen !== null && <span>现场数量 {o.quantitySeen}</span>}
            {o.modelSeen !== null && <span>现场型号 {o.modelSeen}</span>}
            {o.serialNumber !== null && <span>铭牌编号 {o.serialNumber}</span>}
            <Typography.Text type="secondary">{dateTime(o.observedAt)}</Typography.Text>
          </Space>
          {o.note && <Typography.Paragraph style={{ margin: '4px 0 0' }}>{o.note}</Typography.Paragraph>}
          {o.photos.length > 0 && (
            <Space wrap size={8} style={{ marginTop: 6 }}>
              {o.photos.map((photo, index) => (
                <PhotoThumb key={photo.sha256} photo={photo} index={index} size={64} />
              ))}
            </Space>
          )}
        </div>
      ))}
    </div>
  );
}
