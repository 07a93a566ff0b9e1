import type { ApiErrorBody } from '@shared/api/errors';
import type { Envelope } from '@shared/api/envelope';

/** What the host hands the worker when it starts it. */
export interface CoreWorkerData {
  dataDir: string;
  resourcesDir: string;
  nativeBinding?: string | undefined;
}

export type HostToWorker = { kind: 'call'; id: number; method: string; input: unknown } | { kind: 'close' };

export type WorkerToHost =
  | { kind: 'ready' }
  | { kind: 'failed'; error: ApiErrorBody }
  | { kind: 'reply'; id: number; envelope: Envelope<unknown> }
  | { kind: 'log'; level: 'info' | 'warn' | 'error'; message: string; fields?: Record<string, unknown> };
