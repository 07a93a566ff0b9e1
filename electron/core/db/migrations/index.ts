import type { Migration } from '../migration';
import { migration0001 } from './0001-settings-and-audit-log';
import { migration0002 } from './0002-review-data';
import { migration0003 } from './0003-imported-rule-sets';
import { migration0004 } from './0004-invoice-decisions';
import { migration0005 } from './0005-decision-fingerprint-version';
import { migration0006 } from './0006-reviewers-and-audit-chain';
import { migration0007 } from './0007-scores-and-recusals';
import { migration0008 } from './0008-advances-and-condition-checks';
import { migration0009 } from './0009-corrections-and-agreed-tail';
import { migration0010 } from './0010-site-inspection';

/** Every migration in order; versions are 1..n without gaps (checked by a test). */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
];

/** The last version. */
export const LATEST_SCHEMA_VERSION = migrations.at(-1)?.version ?? 0;
