import type { EnumOption } from '../domain/enums';

/** An expert's overall verdict on a project (评审结论). */
export type Verdict = 'pass' | 'basic-pass' | 'fail';

export const VERDICT_IDS = ['pass', 'basic-pass', 'fail'] as const satisfies readonly Verdict[];

export const VERDICTS: readonly EnumOption<Verdict>[] = [
  { id: 'pass', label: '通过' },
  { id: 'basic-pass', label: '基本通过' },
  { id: 'fail', label: '不通过' },
];
