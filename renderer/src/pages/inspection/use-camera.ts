import { useCallback, useEffect, useRef, useState } from 'react';
import { cameraErrorText } from './camera-capture';

const UNSUPPORTED = '此环境不能使用摄像头，请改用「从文件添加」';

/**
 * The laptop's camera for as long as the calling component is mounted: the live stream for the
 * preview, stopped (light off) when it unmounts. Video only: the app never asks for the microphone.
 */
export function useCamera() {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [error, setError] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement | null>(null);
  const supported = typeof navigator.mediaDevices?.getUserMedia === 'function';

  useEffect(() => {
    if (!supported) return undefined;
    let cancelled = false;
    let started: MediaStream | null = null;
    navigator.mediaDevices
      // The rear camera of a 2-in-1 where there is one; the largest frame it offers up to 1920 wide.
      .getUserMedia({ video: { facingMode: { ideal: 'environment' }, width: { ideal: 1920 } }, audio: false })
      .then((s) => {
        if (cancelled) return s.getTracks().forEach((t) => t.stop());
        started = s;
        setStream(s);
      })
      .catch((e: unknown) => !cancelled && setError(cameraErrorText(e)));
    return () => {
      cancelled = true;
      started?.getTracks().forEach((t) => t.stop());
    };
  }, [supported]);

  // The preview element may mount after the stream arrives, and the other way round.
  const attach = useCallback(
    (element: HTMLVideoElement | null) => {
      video.current = element;
      if (element && element.srcObject !== stream) element.srcObject = stream;
    },
    [stream],
  );
  const currentVideo = useCallback(() => video.current, []);
  return { error: supported ? error : UNSUPPORTED, attach, currentVideo };
}
