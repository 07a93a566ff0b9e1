import type { ExpertFile } from './expert-file-schema';

/** Why a chair's copy refuses an expert file; nothing of a refused file is stored. */
export const EXPERT_FILE_REFUSAL_CODES = ['MALFORMED', 'SIGNATURE_INVALID', 'SIGNER_NOT_TRUSTED', 'OTHER_BATCH', 'OLDER_VERSION'] as const;
export type ExpertFileRefusalCode = (typeof EXPERT_FILE_REFUSAL_CODES)[number];

export interface ExpertFileRefusal {
  readonly ok: false;
  readonly code: ExpertFileRefusalCode;
  /** One Chinese sentence for the chair. */
  readonly message: string;
  /** For MALFORMED: every problem with its place in the file (`$.content.projects[2].scores.a1：…`). */
  readonly problems: readonly string[];
}

export interface AcceptedExpertFile {
  readonly ok: true;
  readonly file: ExpertFile;
}

export type ReadExpertFileResult = AcceptedExpertFile | ExpertFileRefusal;

export function refuse(code: ExpertFileRefusalCode, message: string, problems: readonly string[] = []): ExpertFileRefusal {
  return { ok: false, code, message, problems };
}
