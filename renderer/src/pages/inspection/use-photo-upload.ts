import { App } from 'antd';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { InspectionPhoto } from '@shared/api/inspection-contract';
import { api } from '../../api/client';
import { fileToBase64 } from '../reports/download';

/** As the core: at most 25 MB per photo. */
const MAX_PHOTO_BYTES = 25 * 1024 * 1024;

export interface UploadInProgress {
  id: number;
  name: string;
  bytes: number;
}

/**
 * Sends photos to the core one by one (stored once by their content, never altered) and tells
 * which are on their way: a 10 MB photo takes seconds, and the reviewer must see that it is going.
 */
export function usePhotoUpload(batchId: string, projectId: string, onAdded: (photo: InspectionPhoto) => void) {
  const { message } = App.useApp();
  const [uploading, setUploading] = useState<UploadInProgress[]>([]);
  const next = useRef(0);
  const onAddedRef = useRef(onAdded);
  useLayoutEffect(() => {
    onAddedRef.current = onAdded;
  }, [onAdded]);

  const upload = useCallback(
    /** True once the photo is stored and on the line. */
    async (file: File, capturedAt?: string): Promise<boolean> => {
      if (file.size > MAX_PHOTO_BYTES) {
        void message.error(`照片「${file.name}」超过 25 MB，未添加`);
        return false;
      }
      if (!file.type.startsWith('image/')) {
        void message.error(`「${file.name}」不是图片文件，未添加`);
        return false;
      }
      const entry = { id: (next.current += 1), name: file.name, bytes: file.size };
      setUploading((list) => [...list, entry]);
      try {
        const base64 = await fileToBase64(file);
        const photo = await api.addInspectionPhoto({ batchId, projectId, fileName: file.name, base64, ...(capturedAt ? { capturedAt } : {}) });
        onAddedRef.current(photo);
        return true;
      } catch (error) {
        void message.error(`照片「${file.name}」未能保存：${error instanceof Error ? error.message : String(error)}`);
        return false;
      } finally {
        setUploading((list) => list.filter((u) => u.id !== entry.id));
      }
    },
    [batchId, projectId, message],
  );
  return { upload, uploading };
}

export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${String(Math.max(1, Math.round(bytes / 1024)))} KB`;
}
