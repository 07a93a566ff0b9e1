import { methodNames } from '@shared/api/contract';
import type { ApiBridge } from '@shared/api/bridge';
import type { Envelope } from '@shared/api/envelope';

const TOKEN_KEY = 'jigai.bridgeToken';

/**
 * Browser mode: the page is opened with ?token=… printed by the local server. The token is kept for
 * the tab's lifetime and removed from the address bar so it is not bookmarked or shared by accident.
 */
function takeToken(): string | null {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const query = params.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export function createHttpBridge(): ApiBridge {
  const token = takeToken();
  const bridge: Record<string, (input: unknown) => Promise<Envelope<unknown>>> = {};
  for (const method of methodNames) {
    bridge[method] = async (input: unknown) => {
      if (!token) {
        return { ok: false, error: { code: 'FORBIDDEN', message: '缺少访问令牌：请使用启动时显示的完整网址打开本页面' } };
      }
      try {
        const response = await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
        });
        return (await response.json()) as Envelope<unknown>;
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: '无法连接本机服务：请确认启动它的命令行窗口仍在运行' } };
      }
    };
  }
  return bridge as ApiBridge;
}

/** Browser mode: sends a file to the local service, which answers the path it was saved under. */
export async function uploadToLocalService(file: File, onProgress?: (fraction: number) => void): Promise<string> {
  const token = takeToken();
  if (!token) throw new Error('缺少访问令牌：请使用启动时显示的完整网址打开本页面');
  // XMLHttpRequest rather than fetch: it reports upload progress for large packages.
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/upload');
    request.setRequestHeader('authorization', `Bearer ${token}`);
    request.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    };
    request.onload = () => {
      try {
        const envelope = JSON.parse(request.responseText) as Envelope<{ path: string }>;
        if (envelope.ok) resolve(envelope.value.path);
        else reject(new Error(envelope.error.message));
      } catch {
        reject(new Error('上传失败：本机服务的回答无法识别'));
      }
    };
    request.onerror = () => reject(new Error('上传失败：无法连接本机服务'));
    request.send(file);
  });
}
