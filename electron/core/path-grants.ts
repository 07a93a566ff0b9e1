import path from 'node:path';
import type { ApiErrorBody } from '../../shared/api/errors';
import type { ApiInvoker } from './dispatch';

export type PathAccess = 'read' | 'write';

/** The API methods whose input names a file on this computer, and what the core does with it. */
export const PATH_INPUTS: Readonly<Record<string, PathAccess>> = {
  importPackage: 'read',
  startImport: 'read',
  exportVerificationWorkbook: 'write',
  exportExpertFile: 'write',
  previewExpertFileImport: 'read',
  makeReport: 'write',
  countersignReport: 'write',
  exportBatchWorkbook: 'write',
};

const MAX_GRANTS = 200;

export interface PathGrants {
  /** Records a path the user chose: in a file dialog (desktop), by dropping it, or by uploading it. */
  grant(file: string, access: PathAccess): void;
  /** Null when the call may go ahead; otherwise the refusal to answer. */
  refusal(method: string, input: unknown): ApiErrorBody | null;
}

/**
 * Paths the window may hand to the core. The window is the least trusted part of the app (it shows
 * content from untrusted packages), so it never names a file the user did not pick: the desktop
 * shell grants what a dialog or a drop returned, browser mode what was uploaded. The CLI, where
 * the user types the path, calls the core directly without this gate.
 */
export function createPathGrants(): PathGrants {
  const granted = new Map<string, Set<PathAccess>>();
  return {
    grant(file, access) {
      const key = path.resolve(file);
      const accesses = granted.get(key) ?? new Set<PathAccess>();
      accesses.add(access);
      granted.delete(key);
      granted.set(key, accesses);
      while (granted.size > MAX_GRANTS) granted.delete(granted.keys().next().value as string);
    },
    refusal(method, input) {
      const access = PATH_INPUTS[method];
      const file = (input as { path?: unknown } | null | undefined)?.path;
      if (!access || typeof file !== 'string' || file === '') return null;
      if (granted.get(path.resolve(file))?.has(access)) return null;
      return {
        code: 'FORBIDDEN',
        message: access === 'read' ? '拒绝访问：只能导入在对话框中选择、拖入或上传的文件' : '拒绝访问：只能保存到在对话框中选择的位置',
      };
    },
  };
}

/** The API with the path gate in front of it: what the window's transports (IPC, HTTP bridge) call. */
export function gatePaths(invoke: ApiInvoker, grants: PathGrants): ApiInvoker {
  return (method, input) => {
    const refused = grants.refusal(method, input);
    return refused ? Promise.resolve({ ok: false, error: refused }) : invoke(method, input);
  };
}
