import { describe, expect, it } from 'vitest';
import { suggestDecision, type VerificationFinding } from '@shared/verification';

const f = (severity: VerificationFinding['severity'], message: string): VerificationFinding => ({ code: 'AMOUNT_ARITHMETIC', severity, message });

describe('suggestDecision', () => {
  it('accepts an invoice without findings, or with notices only', () => {
    expect(suggestDecision([])).toEqual({ kind: 'accept', reason: '未发现问题，予以认定' });
    expect(suggestDecision([f('info', '红字发票…')])).toEqual({ kind: 'accept', reason: '未发现问题，予以认定（提示：红字发票…）' });
  });

  it('asks for review when there are warnings', () => {
    expect(suggestDecision([f('warning', '税额相差 0.03 元'), f('info', 'x')])).toEqual({ kind: 'review', reason: '需人工核实：税额相差 0.03 元' });
  });

  it('rejects on any error, naming up to three problems', () => {
    const result = suggestDecision([f('warning', 'w'), f('error', 'a'), f('error', 'b'), f('error', 'c'), f('error', 'd')]);
    expect(result).toEqual({ kind: 'reject', reason: '不予认定：a；b；c（等 4 项）' });
  });
});
