import { createHash } from 'node:crypto';
import { canonicalJson } from '@shared/domain/canonical-json';
import type { Rubric } from '@shared/scoring/rubric-schema';

/**
 * A rubric version is its human version number plus the SHA-256 of its canonical JSON: two files
 * with the same content but other key order or spacing have the same hash, and any change of an
 * item, a maximum or a guidance text gives another. Every score names the version it was given under.
 */
export interface RubricVersion {
  readonly id: string;
  readonly version: number;
  readonly hash: string;
}

export function rubricHash(rubric: Rubric): string {
  return createHash('sha256').update(canonicalJson(rubric), 'utf8').digest('hex');
}

export function rubricVersion(rubric: Rubric): RubricVersion {
  return { id: rubric.id, version: rubric.version, hash: rubricHash(rubric) };
}
