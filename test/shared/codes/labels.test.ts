import { describe, expect, it } from 'vitest';
import { DECISION_KINDS, FINDING_CODES, REVIEW_STATES, SEVERITIES, STAGES, SUGGESTION_KINDS } from '@shared/codes/codes';
import {
  DECISION_LABEL,
  FINDING_LABEL,
  PACKAGE_PROBLEM_LABEL,
  findingLine,
  INSTALMENT_STAGE_LABEL,
  REVIEW_STATE_LABEL,
  SEVERITY_LABEL,
  STAGE_LABEL,
  SUGGESTION_LABEL,
} from '@shared/codes/labels';

const tables: [string, readonly string[], Readonly<Record<string, string>>][] = [
  ['stage', STAGES, STAGE_LABEL],
  ['instalment stage', STAGES, INSTALMENT_STAGE_LABEL],
  ['severity', SEVERITIES, SEVERITY_LABEL],
  ['finding', FINDING_CODES, FINDING_LABEL],
  ['decision', DECISION_KINDS, DECISION_LABEL],
  ['suggestion', SUGGESTION_KINDS, SUGGESTION_LABEL],
  ['review state', REVIEW_STATES, REVIEW_STATE_LABEL],
  ['package problem', ['error', 'warning'], PACKAGE_PROBLEM_LABEL],
];

describe('the label table', () => {
  it.each(tables)('gives every %s code a Chinese label, and labels nothing else', (_, codes, labels) => {
    for (const code of codes) expect({ code, label: labels[code] }).toEqual({ code, label: expect.stringMatching(/^[\u3400-\u9fff（）·]+$/u) });
    expect(Object.keys(labels).sort()).toEqual([...codes].sort());
  });

  it.each(tables.filter(([name]) => name !== 'suggestion'))('tells %s codes apart: no two share a label', (_, codes, labels) => {
    expect(new Set(codes.map((code) => labels[code])).size).toBe(codes.length);
  });

  it('writes a finding as one line a reviewer reads, without its code', () => {
    const line = findingLine({ code: 'PAYEE_NOT_CONTRACTOR', severity: 'warning', message: '收款方「甲」与合同「HT-1」的供应商「乙」不一致' });
    expect(line).toBe('[警告] 收款方非合同供应商：收款方「甲」与合同「HT-1」的供应商「乙」不一致');
  });
});
