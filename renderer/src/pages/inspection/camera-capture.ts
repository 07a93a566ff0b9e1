/** The camera's clock as local time, "2026-11-26T10:32:05" (the form EXIF capture times take). */
export function localTimestamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** 「拍摄 2026-11-26 10:32:05.jpg」: the name a photo taken in the app is listed under. */
export function capturedFileName(capturedAt: string): string {
  return `拍摄 ${capturedAt.replace('T', ' ')}.jpg`;
}

/** The frame the camera shows now, as a JPEG file (full sensor size: the core keeps the original and makes the thumbnail). */
export async function captureFrame(video: HTMLVideoElement): Promise<{ file: File; capturedAt: string }> {
  const capturedAt = localTimestamp(new Date());
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const context = canvas.getContext('2d');
  if (!context || canvas.width === 0) throw new Error('摄像头画面尚未就绪，请稍候再拍');
  context.drawImage(video, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.92));
  if (!blob) throw new Error('未能生成照片，请重拍');
  return { file: new File([blob], capturedFileName(capturedAt), { type: 'image/jpeg' }), capturedAt };
}

/** Why the camera could not start, in words a reviewer can act on. */
export function cameraErrorText(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return '未获准使用摄像头：请在系统设置中允许本程序使用摄像头，或改用「从文件添加」';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return '未找到摄像头：请改用「从文件添加」';
  if (name === 'NotReadableError' || name === 'AbortError') return '摄像头正被其他程序使用，请关闭该程序后重试';
  return `摄像头无法启动${error instanceof Error && error.message ? `：${error.message}` : ''}`;
}
