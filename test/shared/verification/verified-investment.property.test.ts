import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '@shared/domain/decimal';
import { computeVerifiedInvestment, type InvoiceDecision, type VContract, type VInvoice, type VPayment, type VProject } from '@shared/verification';
import { APPLICANT, APPLICANT_CODE, MACHINE_CODE, MACHINE_SUPPLIER, XIAMEN, invoice, priced } from './fixtures';

const fen = (n: number): string => new Dec(n).div(100).toFixed(2);

const contractArb = fc.record({
  amount: fc.integer({ min: 0, max: 300_000_000 }),
  category: fc.constantFrom('设备', '软件', '咨询', '土建', '其他'),
  paid: fc.integer({ min: 0, max: 300_000_000 }),
});

const decisionArb: fc.Arbitrary<InvoiceDecision | undefined> = fc.oneof(
  fc.constant<InvoiceDecision>({ kind: 'accept' }),
  fc.constant<InvoiceDecision>({ kind: 'reject' }),
  fc.integer({ min: -1000, max: 200_000_000 }).map<InvoiceDecision>((n) => ({ kind: 'reduce', amount: fen(n) })),
  fc.constant(undefined),
);

const invoiceArb = fc.record({
  contract: fc.integer({ min: -1, max: 3 }),
  amount: fc.integer({ min: 1, max: 100_000_000 }),
  rate: fc.constantFrom('0.13', '0.09', '0.06', '0.01'),
  /** blue; red reversing the previous invoice; or a red of its own amount. */
  kind: fc.constantFrom('blue', 'blue', 'blue', 'red-copy', 'red'),
  decision: decisionArb,
});

interface Case {
  project: VProject;
  decisions: Map<number, InvoiceDecision>;
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({ contracts: fc.array(contractArb, { minLength: 1, maxLength: 4 }), invoices: fc.array(invoiceArb, { maxLength: 14 }) })
  .map(({ contracts: cs, invoices: is }) => {
    const contracts: VContract[] = cs.map((c, i) => ({
      rowNo: i + 2,
      contractNo: `HT-2024-${String(i + 1).padStart(3, '0')}`,
      name: '采购合同',
      supplierName: MACHINE_SUPPLIER,
      supplierCode: MACHINE_CODE,
      signedOn: '2024-02-01',
      amount: fen(c.amount),
      category: c.category,
      // Every other contract stipulates a 10% tail, so both tail paths are exercised.
      agreedTail: i % 2 === 0 ? '10%' : '',
    }));
    const payments: VPayment[] = cs.map((c, i) => ({
      rowNo: i + 2,
      voucherNo: `记-${i}`,
      paidOn: '2024-06-01',
      payer: APPLICANT,
      payee: MACHINE_SUPPLIER,
      amount: fen(c.paid),
      contractNo: contracts[i]!.contractNo,
    }));
    const invoices: VInvoice[] = [];
    const decisions = new Map<number, InvoiceDecision>();
    is.forEach((spec, i) => {
      const rowNo = i + 2;
      const previous = invoices.at(-1);
      let amount = fen(spec.amount);
      let contractNo = spec.contract < 0 ? '' : `HT-2024-${String((spec.contract % cs.length) + 1).padStart(3, '0')}`;
      let rate: string = spec.rate;
      if (spec.kind === 'red-copy' && previous && !previous.amount.startsWith('-')) {
        amount = `-${previous.amount}`;
        contractNo = previous.contractNo;
        rate = previous.taxRate;
      } else if (spec.kind === 'red') {
        amount = `-${amount}`;
      }
      const number = `24442000000${String(100000000 + rowNo)}`;
      invoices.push(
        invoice({
          rowNo,
          number,
          issuedOn: '2024-07-01',
          sellerName: MACHINE_SUPPLIER,
          sellerTaxId: MACHINE_CODE,
          itemName: '*金属加工机械*加工中心',
          taxRate: rate,
          ...priced(amount, rate),
          contractNo,
        }),
      );
      if (spec.decision) decisions.set(rowNo, spec.decision);
    });
    const project: VProject = {
      batchId: 'B1',
      projectId: 'P1',
      applicant: APPLICANT,
      applicantCode: APPLICANT_CODE,
      invoices,
      contracts,
      payments,
      attachmentNames: new Set(),
      einvoices: new Map(),
    };
    return { project, decisions };
  });

/** What the reviewer accepted: an accepted blue invoice's amount, or its 核减 amount (within 0..amount). */
function sumAccepted({ project, decisions }: Case): Dec {
  let sum = new Dec(0);
  for (const inv of project.invoices) {
    const amount = new Dec(inv.amount);
    if (amount.isNegative()) continue;
    const d = decisions.get(inv.rowNo);
    if (d?.kind === 'accept') sum = sum.plus(amount);
    if (d?.kind === 'reduce') sum = sum.plus(Dec.max(0, Dec.min(amount, new Dec(d.amount ?? '0'))));
  }
  return sum;
}

const policies = fc.constantFrom(XIAMEN, undefined);

describe('verified investment properties', () => {
  it('generates cases that count something, with red pairs and caps', () => {
    let positive = 0;
    let capped = 0;
    let pairs = 0;
    for (const [c] of fc.sample(fc.tuple(caseArb), { numRuns: 300, seed: 7 })) {
      const result = computeVerifiedInvestment(c.project, c.decisions, XIAMEN);
      if (new Dec(result.total).gt(0)) positive += 1;
      if (result.contracts.some((k) => new Dec(k.counted).lt(k.accepted))) capped += 1;
      if (result.contracts.some((k) => k.trace.some((t) => t.includes('冲销')))) pairs += 1;
    }
    expect(positive).toBeGreaterThan(50);
    expect(capped).toBeGreaterThan(20);
    expect(pairs).toBeGreaterThan(10);
  });

  it('never exceeds the sum of accepted amounts nor the sum of contract amounts, and re-adds exactly', () => {
    fc.assert(
      fc.property(caseArb, policies, (c, spending) => {
        const result = computeVerifiedInvestment(c.project, c.decisions, spending);
        const total = new Dec(result.total);
        expect(total.lte(sumAccepted(c))).toBe(true);
        const contractSum = c.project.contracts.reduce((s, k) => s.plus(k.amount), new Dec(0));
        expect(total.lte(contractSum)).toBe(true);
        expect(result.contracts.reduce((s, k) => s.plus(k.counted), new Dec(0)).eq(total)).toBe(true);
        for (const k of result.contracts) {
          expect(new Dec(k.counted).gte(0)).toBe(true);
          expect(new Dec(k.counted).lte(k.contractAmount)).toBe(true);
          expect(k.counted).toMatch(/^\d+\.\d{2}$/u);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('never increases when an invoice is rejected', () => {
    fc.assert(
      fc.property(caseArb, policies, fc.nat(), (c, spending, pick) => {
        fc.pre(c.project.invoices.length > 0);
        const before = new Dec(computeVerifiedInvestment(c.project, c.decisions, spending).total);
        const row = c.project.invoices[pick % c.project.invoices.length]!.rowNo;
        const decisions = new Map(c.decisions);
        decisions.set(row, { kind: 'reject' });
        const after = new Dec(computeVerifiedInvestment(c.project, decisions, spending).total);
        expect(after.lte(before)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
