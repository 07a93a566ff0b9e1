import { CloseOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Modal, Spin, Typography } from 'antd';
import { useState } from 'react';
import type { InspectionPhoto } from '@shared/api/inspection-contract';
import { api } from '../../api/client';
import { dateTime } from '../../format';

/** A photo's bytes never change (stored by content), so each size is fetched once. */
function usePhotoSrc(sha256: string, size: 'thumbnail' | 'original', enabled = true) {
  const query = useQuery({
    queryKey: ['getInspectionPhoto', sha256, size],
    queryFn: () => api.getInspectionPhoto({ sha256, size }),
    staleTime: Infinity,
    enabled,
  });
  return { src: query.data ? `data:${query.data.mime};base64,${query.data.base64}` : null, error: query.error };
}

export function photoCaption(photo: InspectionPhoto): string {
  return photo.takenAt ? `拍摄于 ${dateTime(photo.takenAt)}` : `添加于 ${dateTime(photo.addedAt)}（照片未记录拍摄时间）`;
}

/** A thumbnail; a click shows the original. `onRemove` takes it off the line (it stays stored). */
export function PhotoThumb({ photo, index, size = 96, onRemove }: { photo: InspectionPhoto; index: number; size?: number; onRemove?: () => void }) {
  const [open, setOpen] = useState(false);
  const thumb = usePhotoSrc(photo.sha256, 'thumbnail');
  const original = usePhotoSrc(photo.sha256, 'original', open);
  const label = `照片 ${String(index + 1)}`;
  return (
    <div style={{ position: 'relative', width: size, height: size }} data-testid="photo-thumb">
      <button
        type="button"
        onClick={() => setOpen(true)}
        title={`${label}：${photoCaption(photo)}`}
        style={{ width: size, height: size, padding: 0, border: '1px solid #d9d9d9', borderRadius: 6, overflow: 'hidden', cursor: 'zoom-in', background: '#fafafa' }}
      >
        {thumb.src ? (
          <img src={thumb.src} alt={label} style={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }} />
        ) : thumb.error ? (
          <Typography.Text type="danger">未能读取</Typography.Text>
        ) : (
          <Spin size="small" />
        )}
      </button>
      {onRemove && (
        <Button
          size="small"
          shape="circle"
          icon={<CloseOutlined />}
          onClick={onRemove}
          aria-label={`从本条移除${label}`}
          title={`从本条移除${label}`}
          style={{ position: 'absolute', top: -8, right: -8 }}
        />
      )}
      <Modal open={open} title={`${label}　${photoCaption(photo)}`} footer={null} width={900} onCancel={() => setOpen(false)} destroyOnHidden>
        {original.src ? <img src={original.src} alt={label} style={{ maxWidth: '100%', maxHeight: '70vh', display: 'block', margin: '0 auto' }} /> : <Spin />}
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {photo.fileName}，{String(photo.width)}×{String(photo.height)} 像素
        </Typography.Paragraph>
      </Modal>
    </div>
  );
}
