import { describe, expect, it } from 'vitest';
import { computeVerifiedInvestment, effectiveDecision, verifyProject, type InvoiceDecision, type VProject } from '@shared/verification';
import { cleanProject, context, XIAMEN } from './fixtures';

/**
 * The rules of 000_985b87a7ad46cc56.txt §五(一)(二) that no reviewer decision can set aside, and the
 * ones that need a reviewer's confirmation, through the whole computation: findings → what counts
 * (effectiveDecision) → verified investment. Figures worked by hand from the clean fixture:
 * HT-2024-001 设备 1,315,600.00 + HT-2024-002 软件 509,433.96 + HT-2024-003 咨询 188,679.25
 * (row 6, 200,000.00 including 6% tax) = 2,013,713.21.
 */
function total(project: VProject, stored: ReadonlyMap<number, InvoiceDecision> = new Map()): string {
  const findings = verifyProject(project, context());
  const decisions = new Map<number, InvoiceDecision>();
  for (const invoice of project.invoices) {
    const decision = effectiveDecision(findings.invoices.get(invoice.rowNo) ?? [], stored.get(invoice.rowNo));
    if (decision) decisions.set(invoice.rowNo, decision);
  }
  return computeVerifiedInvestment(project, decisions, XIAMEN).total;
}

const accepted = (project: VProject) => new Map<number, InvoiceDecision>(project.invoices.map((i) => [i.rowNo, { kind: 'accept' }]));

describe('statutory rules (000 §五(一)(二))', () => {
  it('the clean project counts 2,013,713.21', () => {
    expect(total(cleanProject())).toBe('2013713.21');
  });

  it('§五(二) 发票时间需在2024年1月1日至2026年12月31日之间: an invoice of 2023-12-31 counts 0 even when accepted', () => {
    const project = cleanProject();
    project.invoices[4]!.issuedOn = '2023-12-31';
    // 2,013,713.21 − 188,679.25 = 1,825,033.96
    expect(total(project, accepted(project))).toBe('1825033.96');
    const result = computeVerifiedInvestment(
      project,
      new Map([[6, effectiveDecision(verifyProject(project, context()).invoices.get(6) ?? [], { kind: 'accept' })!]]),
      XIAMEN,
    );
    expect(result.contracts[2]!.trace.join('\n')).toContain('第 6 行发票：依规不计入，不受评审决定影响：开票日期 2023-12-31 不在认定期间 2024-01-01 至 2026-12-31 内');
    // the period comes from the rule set, not the code: a rule set ending 2023-12-31 takes the same invoice
    const earlier = { ...XIAMEN, invoiceDateFrom: '2023-01-01', invoiceDateTo: '2023-12-31' };
    expect(
      verifyProject(project, { ...context(), spending: earlier })
        .invoices.get(6)
        ?.some((f) => f.statutory !== undefined),
    ).toBe(false);
  });

  it('§五(一) 不含土地、厂房建设投资: a 土建 contract counts 0 even when its invoice is accepted', () => {
    const project = cleanProject();
    project.contracts[2]!.category = '土建';
    expect(total(project, accepted(project))).toBe('1825033.96');
  });

  it('§五(二) 提供对应合同及付款凭证: no payment record for the contract → 0 even when accepted', () => {
    const project = cleanProject();
    project.payments = project.payments.filter((p) => p.contractNo !== 'HT-2024-003');
    expect(total(project, accepted(project))).toBe('1825033.96');
  });
});

describe('the open category list (§五(一) 设备、软件、工艺、平台、咨询、测试等费用)', () => {
  it('a contract in 其他 counts nothing until the reviewer accepts its invoices, then counts them', () => {
    const project = cleanProject();
    project.contracts[2]!.category = '其他';
    // undecided: row 6 waits for confirmation → 1,825,033.96
    expect(total(project)).toBe('1825033.96');
    // accepted: 188,679.25 counts again → 2,013,713.21
    expect(total(project, new Map([[6, { kind: 'accept' }]]))).toBe('2013713.21');
    const trace = computeVerifiedInvestment(project, new Map([[6, { kind: 'accept' }]]), XIAMEN).contracts[2]!.trace.join('\n');
    expect(trace).toContain('投资类别「其他」不在列举的 设备、软件、工艺、平台、咨询、测试 之中，按“等”费用由评审确认');
  });
});

describe('the tail only where the contract stipulates one (§五(二) 合同中有约定尾款部分的)', () => {
  it('HT-2024-002: 540,000.00 invoiced, 480,000.00 paid, 60,000.00 unpaid', () => {
    const project = cleanProject();
    // stipulated 10%: 60,000.00 ≤ 600,000.00 × 10% counts → 2,013,713.21
    expect(total(project)).toBe('2013713.21');
    // not stipulated: 480,000.00 × 509,433.96 / 540,000.00 = 452,830.19 → 1,315,600.00 + 452,830.19 + 188,679.25 = 1,957,109.44
    project.contracts[1]!.agreedTail = '';
    expect(total(project)).toBe('1957109.44');
    // 质保金 5%: 30,000.00 counts; (480,000.00 + 30,000.00) × 509,433.96 / 540,000.00 = 481,132.07 → 1,985,411.32
    project.contracts[1]!.agreedTail = '5%';
    expect(total(project)).toBe('1985411.32');
    // an amount of 45,000.00: (480,000.00 + 45,000.00) × 509,433.96 / 540,000.00 = 495,283.02 → 1,999,562.27
    project.contracts[1]!.agreedTail = '45000.00';
    expect(total(project)).toBe('1999562.27');
  });
});
