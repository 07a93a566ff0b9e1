import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '@shared/domain/decimal';
import { computeAward, sumTrace, type AwardResult } from '@shared/rules';
import { ruleSet } from './helpers';

// Property tests for every rule set with a formula: the award never decreases
// as the amount grows, never exceeds its caps, the schedule sums to the award,
// and the trace re-adds to it, whatever the stage and acceptance verdict.

const fen = (value: bigint): string => `${String(value / 100n)}.${(value % 100n).toString().padStart(2, '0')}`;

/** Yuan amounts, biased towards band edges (an edge ± a few fen is where rounding and caps bite). */
function money(max: bigint, edges: readonly bigint[] = []): fc.Arbitrary<string> {
  const uniform = fc.bigInt({ min: 0n, max: max * 100n }).map(fen);
  if (edges.length === 0) return uniform;
  const nearEdge = fc
    .tuple(fc.constantFrom(...edges), fc.bigInt({ min: -300n, max: 300n }))
    .map(([edge, delta]) => edge * 100n + delta)
    .filter((value) => value >= 0n)
    .map(fen);
  return fc.oneof({ arbitrary: uniform, weight: 2 }, { arbitrary: nearEdge, weight: 1 });
}

const stage = fc.constantFrom(undefined, 'application', 'midterm', 'acceptance');
const verdict = fc.constantFrom(undefined, true, false);

function run(policy: string, facts: Record<string, unknown>): AwardResult {
  return computeAward(ruleSet(policy), { policy, ...facts });
}

const d = (value: string): Dec => new Dec(value);

function expectInvariants(result: AwardResult, withPaidSoFar = false): void {
  expect(d(result.award).gte(0)).toBe(true);
  expect(result.award).toMatch(/^\d+\.\d{2}$/u);
  expect(sumTrace(result.trace)).toBe(result.award);
  if (result.schedule.length > 0) {
    const total = result.schedule.reduce((sum, entry) => sum.plus(entry.amount), new Dec(0));
    expect(total.toFixed(2)).toBe(result.award);
  }
  const position = result.disbursement;
  if (position && !withPaidSoFar) {
    expect(d(position.paidThroughStage).plus(position.remaining).toFixed(2)).toBe(result.award);
    expect(d(position.paidThroughStage).eq(d(position.paidBefore).plus(position.dueAtStage).minus(position.refund))).toBe(true);
  }
}

interface Scenario {
  readonly policy: string;
  /** The fact that grows. */
  readonly grows: string;
  readonly amount: fc.Arbitrary<string | number>;
  /** The other facts, held fixed while `grows` varies. */
  readonly others: fc.Arbitrary<Record<string, unknown>>;
  /** The most the award may be for these facts. */
  readonly maxAward: (facts: Record<string, unknown>) => Dec;
}

const Y = 100_000_000n; // 1亿

const scenarios: Scenario[] = [
  {
    policy: 'xiamen-2024',
    grows: 'investment',
    amount: money(50n * Y, [80_000_000n, 125_000_000n, 2n * Y, 350_000_000n, 5n * Y, 6n * Y, 10n * Y, 30n * Y]),
    others: fc.record({ chainLeader: fc.boolean(), supportingEnterprises: fc.integer({ min: 0, max: 30 }) }),
    maxAward: (facts) => {
      const investment = d(String(facts.investment));
      const bonus = facts.chainLeader === true && Number(facts.supportingEnterprises) >= 10 ? 2_000_000 : 0;
      const bandCap = investment.lt(80_000_000)
        ? 0
        : investment.lt(200_000_000)
          ? 10_000_000
          : investment.lt(500_000_000)
            ? 16_000_000
            : investment.lt(1_000_000_000)
              ? 18_000_000
              : investment.lt(3_000_000_000)
                ? 20_000_000
                : 25_000_000;
      return new Dec(bandCap + (bandCap > 0 ? bonus : 0));
    },
  },
  {
    policy: 'shenyang-2025',
    grows: 'investment',
    amount: money(2n * Y, [25_000_000n, 66_666_666n, 66_666_667n, 75_000_000n]),
    others: fc.record({
      tier: fc.constantFrom('point', 'line', 'area'),
      chainLeader: fc.boolean(),
      strongDemonstration: fc.boolean(),
      majorManufacturingProject: fc.boolean(),
      industryCode: fc.constantFrom('C3484', 'C3520', 'C3731', 'C3811', 'C3610', 'C2911', 'I6510'),
    }),
    maxAward: (facts) => {
      const investment = d(String(facts.investment));
      if (facts.tier === 'point') return Dec.min(10_000_000, investment.times('0.15').toDecimalPlaces(2));
      const cap = facts.chainLeader === true ? 15_000_000 : 5_000_000;
      return Dec.min(cap, investment.times('0.2').toDecimalPlaces(2));
    },
  },
  {
    policy: 'jiangxi-2023',
    grows: 'investment',
    amount: money(Y),
    others: fc.record({
      regionKind: fc.constantFrom('national-zone', 'provincial-zone', 'county-1', 'county-2', 'county-3'),
    }),
    maxAward: (facts) => new Dec(facts.regionKind === 'provincial-zone' || facts.regionKind === 'county-3' ? 8_000_000 : 10_000_000),
  },
  {
    policy: 'xiamen-2024-fixed-asset',
    grows: 'investment',
    amount: money(10n * Y, [300_000_000n, 600_000_000n]),
    others: fc.record({
      projectTotalInvestment: money(10n * Y, [10_000_000n, 5n * Y]),
      equipmentInvestment: money(Y, [5_000_000n]),
      doublingPlan: fc.boolean(),
      priorAwarded: money(70_000_000n),
    }),
    maxAward: (facts) => {
      const big = facts.doublingPlan === true && d(String(facts.projectTotalInvestment)).gte(500_000_000);
      const left = Dec.max(0, d(big ? '60000000' : '30000000').minus(String(facts.priorAwarded)));
      return Dec.min(left, d(String(facts.investment)).times('0.1').toDecimalPlaces(2));
    },
  },
  {
    policy: 'xiamen-2024-financing-interest',
    grows: 'investment',
    amount: money(20n * Y, [10n * Y]),
    others: fc.record({
      loanRatePercent: fc.integer({ min: 0, max: 1000 }).map((hundredths) => (hundredths / 100).toFixed(2)),
      years: fc.integer({ min: 0, max: 100 }).map((tenths) => (tenths / 10).toFixed(1)),
    }),
    maxAward: (facts) => {
      const rate = Dec.max(0, d(String(facts.loanRatePercent)).minus(2));
      const years = Dec.min(5, d(String(facts.years)));
      return Dec.min(1_000_000_000, d(String(facts.investment)))
        .times(rate)
        .div(100)
        .times(years)
        .toDecimalPlaces(2);
    },
  },
  {
    policy: 'xiamen-2024-demonstration',
    grows: 'investment',
    amount: money(Y),
    others: fc.record({
      nationalTitle: fc.constantFrom('none', 'integration-pilot', 'iiot-pilot', 'platform-case', 'smart-factory'),
    }),
    maxAward: () => new Dec(1_000_000),
  },
  {
    policy: 'xiamen-2024-cloud',
    grows: 'investment',
    amount: money(5_000_000n, [1_000_000n]),
    others: fc.record({ firstCloudUse: fc.boolean(), industryCode: fc.constantFrom('C3989', 'C13', 'I6510') }),
    maxAward: () => new Dec(300_000),
  },
  {
    policy: 'xiamen-2024-chain-leader',
    grows: 'supportingEnterprises',
    amount: fc.integer({ min: 0, max: 60 }),
    others: fc.record({ chainLeader: fc.boolean(), priorAwarded: money(1_200_000n) }),
    maxAward: (facts) => Dec.max(0, d('1000000').minus(String(facts.priorAwarded))),
  },
  {
    policy: 'xiamen-2024-diagnosis',
    grows: 'investment',
    amount: money(500_000n, [100_000n]),
    others: fc.record({ industryCode: fc.constantFrom('C3484', 'J6310'), priorAwarded: money(80_000n) }),
    maxAward: (facts) => Dec.max(0, d('60000').minus(String(facts.priorAwarded))),
  },
  {
    policy: 'xiamen-2024-platform',
    grows: 'investment',
    amount: money(5n * Y, [100_000_000n, 200_000_000n]),
    others: fc.record({ nationalCrossIndustryPlatform: fc.boolean(), renownedPlatform: fc.boolean(), priorAwarded: money(12_000_000n) }),
    // §四(七): the national platform's 1000万 is a plain ceiling; the 500万 is cumulative (每家累计).
    maxAward: (facts) => (facts.nationalCrossIndustryPlatform === true ? d('10000000') : Dec.max(0, d('5000000').minus(String(facts.priorAwarded)))),
  },
];

describe.each(scenarios)('$policy', (scenario) => {
  it(`never decreases as ${scenario.grows} grows`, () => {
    fc.assert(
      fc.property(scenario.others, scenario.amount, scenario.amount, (others, a, b) => {
        const [low, high] = d(String(a)).lte(String(b)) ? [a, b] : [b, a];
        const lower = run(scenario.policy, { ...others, [scenario.grows]: low });
        const higher = run(scenario.policy, { ...others, [scenario.grows]: high });
        expect(d(lower.award).lte(higher.award)).toBe(true);
      }),
    );
  });

  it('never exceeds its caps', () => {
    fc.assert(
      fc.property(scenario.others, scenario.amount, (others, amount) => {
        const facts = { ...others, [scenario.grows]: amount };
        const result = run(scenario.policy, facts);
        expect(d(result.award).lte(scenario.maxAward(facts))).toBe(true);
      }),
    );
  });

  it('keeps schedule, disbursement and trace consistent with the award at every stage', () => {
    fc.assert(
      fc.property(scenario.others, scenario.amount, stage, verdict, (others, amount, atStage, accepted) => {
        const facts: Record<string, unknown> = { ...others, [scenario.grows]: amount };
        if (atStage !== undefined) facts.stage = atStage;
        if (accepted !== undefined) facts.accepted = accepted;
        expectInvariants(run(scenario.policy, facts));
      }),
    );
  });

  it('keeps the trace and schedule consistent when advances were paid', () => {
    fc.assert(
      fc.property(scenario.others, scenario.amount, money(30_000_000n), verdict, (others, amount, paid, accepted) => {
        const facts: Record<string, unknown> = { ...others, [scenario.grows]: amount, stage: 'acceptance', paidSoFar: paid };
        if (accepted !== undefined) facts.accepted = accepted;
        expectInvariants(run(scenario.policy, facts), true);
      }),
    );
  });
});

describe('xiamen-2024 schedule shares', () => {
  it('pays 30% and 20% of the band award, rounded half-up to the fen, before acceptance', () => {
    fc.assert(
      fc.property(money(50n * Y, [80_000_000n, 2n * Y]), (investment) => {
        const result = run('xiamen-2024', { investment });
        const [application, midterm] = result.schedule;
        expect(application?.amount).toBe(d(result.award).times('0.3').toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2));
        expect(midterm?.amount).toBe(d(result.award).times('0.2').toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2));
      }),
    );
  });

  it('refunds exactly what was paid before a failed acceptance', () => {
    fc.assert(
      fc.property(money(50n * Y, [80_000_000n]), fc.boolean(), (investment, chainLeader) => {
        const expected = run('xiamen-2024', { investment, chainLeader, supportingEnterprises: 10 });
        const failed = run('xiamen-2024', { investment, chainLeader, supportingEnterprises: 10, stage: 'acceptance', accepted: false });
        expect(failed.award).toBe('0.00');
        const paid = d(expected.schedule[0]?.amount ?? '0').plus(expected.schedule[1]?.amount ?? '0');
        expect(failed.disbursement?.refund).toBe(paid.toFixed(2));
      }),
    );
  });
});
