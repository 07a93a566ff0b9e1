import { CameraOutlined, PictureOutlined } from '@ant-design/icons';
import { Button, Space, Spin, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { InspectionPhoto } from '@shared/api/inspection-contract';
import { CameraDialog } from './CameraDialog';
import { PhotoThumb } from './PhotoThumb';
import { sizeText, usePhotoUpload } from './use-photo-upload';

interface Props {
  batchId: string;
  projectId: string;
  lineName: string;
  photos: InspectionPhoto[];
  disabled: boolean;
  onAdd: (photo: InspectionPhoto) => void;
  onRemove: (sha256: string) => void;
}

/** The line's photos: thumbnails, 拍照 with the laptop's camera, 从文件添加, and the ones on their way. */
export function PhotoStrip({ batchId, projectId, lineName, photos, disabled, onAdd, onRemove }: Props) {
  const [cameraOpen, setCameraOpen] = useState(false);
  const { upload, uploading } = usePhotoUpload(batchId, projectId, onAdd);
  const fileInput = useRef<HTMLInputElement>(null);

  return (
    <div data-testid="line-photos">
      <Space wrap size={12} align="center">
        <Button size="large" icon={<CameraOutlined />} disabled={disabled} onClick={() => setCameraOpen(true)} style={{ height: 56, minWidth: 120 }}>
          拍照
        </Button>
        <Button size="large" icon={<PictureOutlined />} disabled={disabled} onClick={() => fileInput.current?.click()} style={{ height: 56, minWidth: 120 }}>
          从文件添加
        </Button>
        {photos.map((photo, index) => (
          <PhotoThumb key={photo.sha256} photo={photo} index={index} size={72} onRemove={disabled ? undefined : () => onRemove(photo.sha256)} />
        ))}
        {uploading.map((u) => (
          <div
            key={u.id}
            style={{
              width: 72,
              height: 72,
              border: '1px dashed #d9d9d9',
              borderRadius: 6,
              display: 'flex',
              flexDirection: 'column',
              alignItems: 'center',
              justifyContent: 'center',
              gap: 4,
            }}
            data-testid="photo-uploading"
          >
            <Spin size="small" />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {sizeText(u.bytes)}
            </Typography.Text>
          </div>
        ))}
        {uploading.length > 0 && <Typography.Text type="secondary">正在保存照片…</Typography.Text>}
        {photos.length === 0 && uploading.length === 0 && <Typography.Text type="secondary">{disabled ? '选择核查结果后可拍照' : '尚无照片'}</Typography.Text>}
      </Space>
      <input
        ref={fileInput}
        type="file"
        accept="image/*"
        multiple
        hidden
        data-testid="photo-file"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          // One after another: the core stores each as it comes, and the order on screen is the order chosen.
          void files.reduce<Promise<unknown>>((chain, file) => chain.then(() => upload(file)), Promise.resolve());
        }}
      />
      <CameraDialog open={cameraOpen} lineName={lineName} onCapture={(file, capturedAt) => upload(file, capturedAt)} onClose={() => setCameraOpen(false)} />
    </div>
  );
}
