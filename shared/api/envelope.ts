import type { ApiErrorBody } from './errors';

/** What every transport answers: IPC, the HTTP bridge and the CLI's --json output. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };
