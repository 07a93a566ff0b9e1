import { CameraOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { captureFrame } from './camera-capture';
import { useCamera } from './use-camera';

interface Props {
  open: boolean;
  lineName: string;
  /** Sends the photo to the line; true once stored (a failure is told by the sender). */
  onCapture: (file: File, capturedAt: string) => Promise<boolean>;
  onClose: () => void;
}

/** Live preview of the laptop's camera and a 拍照 button; several photos in a row, then 完成. */
export function CameraDialog({ open, lineName, onCapture, onClose }: Props) {
  return (
    <Modal open={open} title={`拍照：${lineName}`} width={760} onCancel={onClose} footer={null} destroyOnHidden>
      {/* Mounted only while open: the camera runs exactly as long as the dialog shows. */}
      {open && <CameraView onCapture={onCapture} onClose={onClose} />}
    </Modal>
  );
}

function CameraView({ onCapture, onClose }: Pick<Props, 'onCapture' | 'onClose'>) {
  const { error: cameraError, attach, currentVideo } = useCamera();
  const [ready, setReady] = useState(false);
  const [taken, setTaken] = useState(0);
  const [busy, setBusy] = useState(false);
  const [captureError, setCaptureError] = useState<string | null>(null);

  const take = async () => {
    const video = currentVideo();
    if (!video) return;
    setBusy(true);
    setCaptureError(null);
    try {
      const { file, capturedAt } = await captureFrame(video);
      if (await onCapture(file, capturedAt)) setTaken((n) => n + 1);
    } catch (error) {
      setCaptureError(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {cameraError ? (
        <Alert type="error" showIcon message={cameraError} />
      ) : (
        <div style={{ position: 'relative', background: '#000', borderRadius: 6, overflow: 'hidden', aspectRatio: '16 / 9', maxHeight: '58vh', margin: '0 auto' }}>
          <video
            ref={attach}
            autoPlay
            playsInline
            muted
            onPlaying={() => setReady(true)}
            style={{ width: '100%', height: '100%', objectFit: 'contain', display: 'block' }}
            data-testid="camera-preview"
          />
          {!ready && (
            <div style={{ position: 'absolute', inset: 0, display: 'flex', alignItems: 'center', justifyContent: 'center', gap: 8, color: '#fff' }}>
              <Spin /> 正在打开摄像头
            </div>
          )}
        </div>
      )}
      {captureError && <Alert style={{ marginTop: 8 }} type="error" showIcon message={captureError} />}
      <Space style={{ width: '100%', justifyContent: 'flex-end', marginTop: 12 }}>
        {busy && <Typography.Text>正在保存照片…</Typography.Text>}
        {taken > 0 && !busy && <Typography.Text type="success">已拍 {taken} 张，已加入本项</Typography.Text>}
        <Button size="large" onClick={onClose}>
          完成
        </Button>
        <Button
          type="primary"
          size="large"
          icon={<CameraOutlined />}
          loading={busy}
          disabled={!ready || busy || cameraError !== null}
          onClick={() => void take()}
          data-testid="camera-shoot"
        >
          拍照
        </Button>
      </Space>
    </>
  );
}
