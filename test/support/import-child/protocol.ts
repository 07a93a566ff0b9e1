import type { PackageProblem } from '@shared/package/problem';
import type { DataFingerprint } from './data-fingerprint';

export interface ChildRequest {
  packagePath: string;
  dataDir: string;
  resourcesDir: string;
  /** After a successful import, also verify the batch (reads every e-invoice attachment). */
  verify: boolean;
}

interface Common {
  before: DataFingerprint;
  after: DataFingerprint;
  maxRssBytes: number;
}

export type ChildReport = Common &
  (
    | { outcome: 'imported'; projects: number; invoices: number; verifiedProjects?: number }
    /** `refused` is a package error (BAD_INPUT) with its located problems; `failed` any other error. */
    | { outcome: 'refused' | 'failed'; code: string; message: string; errors: PackageProblem[] }
  );

/** The serving child's first line: it has loaded and takes requests. */
export const READY_LINE = 'ready';
