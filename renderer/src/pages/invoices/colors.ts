import type { DecisionKind, Severity } from '@shared/codes/codes';

/** Tag colours by code; the words come from shared/codes/labels.ts. */
export const SEVERITY_COLOR: Readonly<Record<Severity, string>> = { error: 'red', warning: 'orange', info: 'blue' };
export const DECISION_COLOR: Readonly<Record<DecisionKind, string>> = { accept: 'green', reduce: 'gold', reject: 'red' };
