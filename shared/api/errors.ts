import { EXPERT_FILE_REFUSAL_CODES } from '../expert-file/expert-file-refusal';

/**
 * Errors that cross a boundary (IPC, HTTP bridge, CLI) carry a stable code and a Chinese message
 * a reviewer can act on; the code lets callers decide (e.g. the CLI maps BAD_INPUT to exit 2).
 */
export const API_ERROR_CODES = [
  'BAD_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'DB_TOO_NEW',
  'FORBIDDEN',
  'UNKNOWN_METHOD',
  'INTERNAL',
  // The machine's own trouble, named so the reviewer knows what to do (see machine-errors.ts).
  'DISK_FULL',
  'DB_BUSY',
  'DB_FULL',
  'NO_PERMISSION',
  'READ_ONLY',
  // The core's worker thread stopped during the call and was restarted.
  'CORE_RESTARTED',
  // Deciding, scoring and signing need this data folder's own reviewer identity.
  'REVIEWER_REQUIRED',
  // The passphrase does not open the reviewer's key.
  'WRONG_PASSPHRASE',
  // A re-import of a batch would remove projects the user has not agreed to remove.
  'PROJECTS_REMOVED',
  // `jigai audit verify`: an entry of the 操作记录 was changed or removed.
  'AUDIT_CHAIN_BROKEN',
  // Why a chair's copy refuses an expert file.
  ...EXPERT_FILE_REFUSAL_CODES,
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  /** Located problems, e.g. every error of a rejected package. */
  details?: unknown;
}

export class AppError extends Error {
  readonly code: ApiErrorCode;
  readonly details: unknown;

  constructor(code: ApiErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toBody(): ApiErrorBody {
    return this.details === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, details: this.details };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
