import {
  INDICATOR_CATEGORIES,
  STAGES,
  type IndicatorCategory,
  type InvestmentCategory,
  type InvoiceType,
  type IsoDate,
  type ProjectType,
  type RegionType,
  type Stage,
} from '@shared/domain';
import {
  CITIES,
  CONTRACT_CATEGORY_WEIGHTS,
  INDICATORS,
  INDUSTRIES,
  ITEMS,
  PILOT_INDUSTRY_PREFIXES,
  PROJECT_NAME_PATTERNS,
  SUPPLIER_WORDS,
  policyProfile,
  type City,
  type ItemSpec,
  type PolicyProfile,
} from './catalog';
import { CompanyFactory } from './companies';
import { addDays, maxDate, minDate, randomDate } from './dates';
import { applyLines, makeLine, taxFen } from './invoice-math';
import { InvoiceNumbers } from './invoice-numbers';
import type { Batch, Company, Contract, Indicator, Invoice, InvoiceLine, Payment, Project, WorkbookStyle } from './model';
import type { Rng } from './prng';

/** Invoices must be dated inside this window (Xiamen 2024 pilot fund, DOMAIN.md §5). */
export const INVOICE_WINDOW = { start: '2024-01-01', end: '2026-12-31' } as const;

/** When the bureau makes the package at each stage, and the last day its documents may carry. */
export const STAGE_TIMELINE: Readonly<Record<Stage, { cutoff: IsoDate; createdAt: IsoDate; code: string; label: string }>> = {
  application: { cutoff: '2024-10-31', createdAt: '2024-11-15', code: 'LX', label: '立项评审' },
  midterm: { cutoff: '2025-09-30', createdAt: '2025-10-20', code: 'ZQ', label: '中期评估' },
  acceptance: { cutoff: '2026-09-30', createdAt: '2026-10-15', code: 'YS', label: '竣工验收' },
};

const CALL_NAMES: Readonly<Record<string, string>> = {
  XM: '新型技改重点项目',
  SY: '技术改造试点项目',
  JX: '中小企业数字化转型试点项目',
  QD: '技术改造项目',
  HG: '技术改造项目',
};

export interface BuildRequest {
  projects: number;
  invoices: number;
  policy: string;
  stage: Stage;
  batchId?: string;
}

/** Shared state of one generation: randomness, unique names and numbers, running counters. */
export class SampleContext {
  readonly companies: CompanyFactory;
  readonly numbers: InvoiceNumbers;
  readonly profile: PolicyProfile;
  readonly batch: Batch;
  private invoiceIds = 0;
  private contractSeq = 0;
  private readonly drawers = new Map<Company, string>();

  constructor(
    readonly rng: Rng,
    request: BuildRequest,
  ) {
    this.companies = new CompanyFactory(rng.fork('companies'));
    this.numbers = new InvoiceNumbers(rng.fork('numbers'));
    this.profile = policyProfile(request.policy);
    const timeline = STAGE_TIMELINE[request.stage];
    const year = timeline.createdAt.slice(0, 4);
    this.batch = {
      id: request.batchId ?? `${this.profile.prefix}-${year}-${timeline.code}-01`,
      name: `${year}年${CALL_NAMES[this.profile.prefix] ?? '技术改造项目'}${timeline.label}`,
      policy: request.policy,
      stage: request.stage,
      issuer: this.profile.issuer,
      createdAt: timeline.createdAt,
      cutoff: timeline.cutoff,
    };
  }

  nextInvoiceId(): number {
    this.invoiceIds += 1;
    return this.invoiceIds;
  }

  nextContractNo(signedOn: IsoDate): string {
    this.contractSeq += 1;
    return `HT-${signedOn.slice(0, 4)}-${String(this.contractSeq).padStart(4, '0')}`;
  }

  drawerOf(seller: Company): string {
    let drawer = this.drawers.get(seller);
    if (drawer === undefined) {
      drawer = this.companies.person();
      this.drawers.set(seller, drawer);
    }
    return drawer;
  }

  supplierCity(): City {
    return CITIES[this.rng.weighted(this.profile.supplierCities)];
  }

  supplier(category: InvestmentCategory, smallScale = false): Company {
    return this.companies.company({ city: this.supplierCity(), words: SUPPLIER_WORDS[category], smallScale });
  }
}

export function isStage(value: string): value is Stage {
  return STAGES.some((stage) => stage.id === value);
}

/** How many invoices each project gets: as even as possible, the first projects take the remainder. */
export function splitEvenly(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  return Array.from({ length: parts }, (_, i) => base + (i < total % parts ? 1 : 0));
}

function projectStyle(rng: Rng): WorkbookStyle {
  return {
    titleRow: rng.chance(0.3),
    headerVariant: rng.weighted([
      [0, 5],
      [1, 3],
      [2, 2],
    ] as const),
    plannedInWan: rng.chance(0.35),
    textAmountShare: rng.weighted([
      [0, 5],
      [0.05, 4],
      [1, 1],
    ] as const),
    textDateShare: rng.weighted([
      [0, 5],
      [0.08, 4],
      [1, 1],
    ] as const),
    ratesAsText: rng.chance(0.4),
    printedInvoiceTypes: rng.chance(0.25),
    yuanChar: rng.chance(0.2) ? '元' : '圆',
    numberFirst: rng.chance(0.25),
  };
}

/** Tax-control invoices only appear in the first half of 2024, while 数电 was being rolled out. */
export function chooseInvoiceType(rng: Rng, date: IsoDate, seller: Company): InvoiceType {
  const early = date < '2024-07-01';
  if (seller.smallScale) return early && rng.chance(0.3) ? 'e-ordinary' : 'digital-ordinary';
  if (early && rng.chance(0.35)) {
    return rng.weighted([
      ['e-special', 5],
      ['vat-special', 3.5],
      ['e-ordinary', 1],
      ['vat-ordinary', 0.5],
    ] as const);
  }
  return rng.chance(0.9) ? 'digital-special' : 'digital-ordinary';
}

export function rateFor(rng: Rng, item: ItemSpec, seller: Company): number {
  if (!seller.smallScale) return item.rate;
  // Small-scale taxpayers: 3% 征收率, reduced to 1% until 2027-12-31.
  return rng.chance(0.75) ? 1 : 3;
}

/**
 * Lines of one invoice: one line, or for goods bought in several units sometimes two lines of
 * different models, kept only when the line taxes add up to the tax of the total (so that the
 * row's tax is exactly amount × rate and a clean package raises no rounding warning).
 */
export function priceLines(rng: Rng, item: ItemSpec, quantity: number, unitPriceFen: number, ratePercent: number): InvoiceLine[] {
  const firstSpec = item.specs.length > 0 ? rng.pick(item.specs) : '';
  if (quantity >= 2 && item.specs.length >= 2 && rng.chance(0.35)) {
    const q1 = rng.int(1, quantity - 1);
    const otherSpec = item.specs.find((spec) => spec !== firstSpec) ?? firstSpec;
    const price2 = Math.max(100, Math.round((unitPriceFen * rng.int(80, 120)) / 100));
    const lines = [makeLine(firstSpec, q1, unitPriceFen, ratePercent), makeLine(otherSpec, quantity - q1, price2, ratePercent)];
    const amount = lines.reduce((sum, line) => sum + line.amountFen, 0);
    const tax = lines.reduce((sum, line) => sum + line.taxFen, 0);
    if (tax === taxFen(amount, ratePercent)) return lines;
  }
  return [makeLine(firstSpec, quantity, unitPriceFen, ratePercent)];
}

interface InvoiceDraw {
  contract: Contract;
  item: ItemSpec;
  quantity: number;
  /** Unit price in yuan before the project's scale is applied. */
  rawPrice: number;
}

function allocate(rng: Rng, total: number, weights: readonly number[]): number[] {
  const counts: number[] = weights.map(() => (total >= weights.length ? 1 : 0));
  let rest = total - counts.reduce((a, b) => a + b, 0);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (rest * w) / weightSum);
  exact.forEach((share, i) => {
    const whole = Math.floor(share);
    counts[i] = (counts[i] ?? 0) + whole;
  });
  rest = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((share, i) => [i, share - Math.floor(share)] as const).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  for (let k = 0; k < rest; k += 1) {
    const index = byRemainder[k % byRemainder.length]?.[0] ?? rng.int(0, weights.length - 1);
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts;
}

/** Builds clean projects: every invariant of a well-prepared application holds. */
export function buildProjects(context: SampleContext, invoicesPerProject: readonly number[]): Project[] {
  const { profile, batch } = context;
  const policyYear = /\d{4}/u.exec(batch.policy)?.[0] ?? batch.createdAt.slice(0, 4);
  const industries = profile.industries === 'pilot' ? INDUSTRIES.filter((i) => PILOT_INDUSTRY_PREFIXES.includes(i.code.slice(0, 3))) : INDUSTRIES;
  return invoicesPerProject.map((invoiceCount, index) => {
    const rng = context.rng.fork(`project/${String(index)}`);
    const industry = rng.pick(industries);
    const city = CITIES[rng.pick(profile.homeCities)];
    const applicant = context.companies.company({ city, words: industry.words, applicant: true });
    const chainLeader = rng.chance(0.2);
    const periodStart = addDays(INVOICE_WINDOW.start, rng.int(0, 45));
    const periodEnd = rng.pick(['2026-09-30', '2026-12-31']);
    const contact = context.companies.person();
    const project: Project = {
      index,
      id: `${profile.prefix}${policyYear}-${String(index + 1).padStart(3, '0')}`,
      name: rng.pick(PROJECT_NAME_PATTERNS)(industry, rng.pick([5, 10, 20, 30, 50, 100, 200])),
      applicant,
      industry,
      ...(profile.projectType
        ? {
            projectType: rng.weighted<ProjectType>([
              ['point', 6],
              ['line', 2.5],
              ['area', 1.5],
            ]),
          }
        : {}),
      ...(profile.regionType ? { regionType: rng.pick<RegionType>(['national-zone', 'provincial-zone', 'county-1', 'county-2', 'county-3']) } : {}),
      chainLeader,
      supportingEnterprises: chainLeader ? rng.int(10, 30) : rng.int(0, 6),
      periodStart,
      periodEnd,
      contact,
      contactPhone: rng.chance(0.6) ? context.companies.mobile() : context.companies.landline(city),
      plannedFen: 0,
      contracts: [],
      invoices: [],
      payments: [],
      indicators: [],
      style: projectStyle(rng),
    };
    buildContractsAndInvoices(context, project, invoiceCount, rng);
    project.indicators = buildIndicators(rng);
    return project;
  });
}

function buildContractsAndInvoices(context: SampleContext, project: Project, invoiceCount: number, rng: Rng): void {
  const { batch } = context;
  const contractCount = Math.max(1, Math.min(invoiceCount, 80, Math.max(invoiceCount >= 4 ? 2 : 1, Math.round(0.8 * Math.sqrt(invoiceCount)))));
  const latestSigning = addDays(batch.cutoff, -60);
  for (let i = 0; i < contractCount; i += 1) {
    const category = rng.weighted(CONTRACT_CATEGORY_WEIGHTS);
    const smallScale = (category === 'consulting' || category === 'testing') && rng.chance(0.35);
    const sameCategory = project.contracts.filter((c) => c.category === category && c.supplier.smallScale === smallScale);
    const supplier = sameCategory.length > 0 && rng.chance(0.15) ? rng.pick(sameCategory).supplier : context.supplier(category, smallScale);
    // The first contract is often signed before the construction period starts.
    const signedOn =
      i === 0 ? randomDate(rng, '2023-09-01', '2023-12-15') : randomDate(rng, addDays(project.periodStart, 20), maxDate(addDays(project.periodStart, 20), latestSigning));
    const candidates = ITEMS[category];
    const items = candidates.length > 1 && category === 'equipment' && rng.chance(0.3) ? rng.shuffled(candidates).slice(0, 2) : [rng.pick(candidates)];
    const first = items[0];
    if (first === undefined) throw new Error(`投资类别 ${category} 没有可用的品名`);
    project.contracts.push({
      id: i,
      no: context.nextContractNo(signedOn),
      name: first.contract,
      supplier,
      signedOn,
      category,
      domestic: category === 'equipment' ? rng.chance(0.88) : true,
      items,
      amountFen: 0,
      overinvoiced: false,
      underpaid: false,
      agreedTail: '',
      attachments: [],
      locked: false,
      row: 0,
    });
  }

  const weights = project.contracts.map((c) => (c.category === 'equipment' ? rng.logUniform(1, 8) : rng.logUniform(0.5, 3)));
  const counts = allocate(rng, invoiceCount, weights);
  const draws: InvoiceDraw[] = [];
  project.contracts.forEach((contract, i) => {
    for (let k = 0; k < (counts[i] ?? 0); k += 1) {
      const item = rng.pick(contract.items);
      draws.push({ contract, item, quantity: rng.int(item.quantity[0], item.quantity[1]), rawPrice: rng.logUniform(item.price[0], item.price[1]) });
    }
  });
  // Scale prices so that the project's investment lands near a drawn target (30 to 400 million
  // yuan), within a factor of four of the catalogue prices.
  const target = rng.logUniform(30e6, 400e6);
  const rawTotal = draws.reduce((sum, d) => sum + d.quantity * d.rawPrice, 0);
  const scale = rawTotal > 0 ? Math.min(4, Math.max(0.25, target / rawTotal)) : 1;

  for (const draw of draws) {
    const { contract } = draw;
    const from = maxDate(addDays(contract.signedOn, 7), project.periodStart, INVOICE_WINDOW.start);
    const issuedOn = randomDate(rng, from, minDate(batch.cutoff, project.periodEnd));
    const unitPriceFen = Math.max(100, Math.round(draw.rawPrice * scale) * 100 + (draw.item.specs.length > 0 ? 0 : rng.int(0, 99)));
    project.invoices.push(
      createInvoice(context, rng, {
        project,
        contract,
        seller: contract.supplier,
        item: draw.item,
        issuedOn,
        quantity: draw.quantity,
        unitPriceFen,
      }),
    );
  }
}

export interface InvoiceRequest {
  project: Project;
  contract: Contract | null;
  seller: Company;
  item: ItemSpec;
  issuedOn: IsoDate;
  quantity: number;
  unitPriceFen: number;
  type?: InvoiceType;
  ratePercent?: number;
}

/** A new blue invoice with a fresh number, correct arithmetic and words. */
export function createInvoice(context: SampleContext, rng: Rng, request: InvoiceRequest): Invoice {
  const { project, seller, item } = request;
  const ratePercent = request.ratePercent ?? rateFor(rng, item, seller);
  const invoice: Invoice = {
    id: context.nextInvoiceId(),
    code: '',
    number: '',
    issuedOn: request.issuedOn,
    issueSecond: rng.int(8 * 3600, 18 * 3600),
    type: request.type ?? chooseInvoiceType(rng, request.issuedOn, seller),
    seller,
    buyer: project.applicant,
    contract: request.contract,
    item,
    ratePercent,
    lines: [],
    amountFen: 0,
    taxFen: 0,
    totalFen: 0,
    words: '',
    drawer: context.drawerOf(seller),
    attachments: [],
    locked: false,
    row: 0,
  };
  applyLines(invoice, priceLines(rng, item, request.quantity, request.unitPriceFen, ratePercent), project.style.yuanChar);
  context.numbers.issue(invoice);
  return invoice;
}

function buildIndicators(rng: Rng): Indicator[] {
  const byCategory = (category: string) => INDICATORS.filter((i) => i.category === category);
  const chosen = [
    ...rng.shuffled(byCategory('建设指标')).slice(0, rng.int(1, 2)),
    ...rng.shuffled(byCategory('技术指标')).slice(0, rng.int(2, 4)),
    ...rng.shuffled(byCategory('经济指标')).slice(0, rng.int(1, 3)),
  ];
  const categoryOf = (label: string): IndicatorCategory => INDICATOR_CATEGORIES.find((o) => o.label === label)?.id ?? 'technical';
  const investment: Indicator = {
    category: 'construction',
    categoryLabel: '建设指标',
    name: '完成技改投资',
    unit: '万元',
    target: 0,
    achieved: null,
    evidence: '合同、发票及银行付款凭证',
    row: 0,
  };
  return [
    investment,
    ...chosen.map((spec) => {
      const raw = spec.target[0] + rng.next() * (spec.target[1] - spec.target[0]);
      return {
        category: categoryOf(spec.category),
        categoryLabel: spec.category,
        name: spec.name,
        unit: spec.unit,
        target: Math.round(raw),
        achieved: null,
        evidence: spec.evidence,
        row: 0,
      };
    }),
  ];
}

// --- Finishing: amounts that depend on the final invoices ---------------------------------------

/** Contract amounts, payments, planned investment and achieved indicators, after defects changed the invoices. */
export function finishProjects(context: SampleContext, projects: readonly Project[]): void {
  for (const project of projects) setContractAmounts(project, context.rng.fork(`amounts/${String(project.index)}`));
  // A contract copied into a second project takes the original's amount.
  for (const project of projects) {
    for (const contract of project.contracts) {
      if (contract.amountFrom) contract.amountFen = contract.amountFrom.amountFen;
    }
  }
  for (const project of projects) {
    const rng = context.rng.fork(`payments/${String(project.index)}`);
    project.payments = buildPayments(context, project, rng);
    const contractTotal = project.contracts.reduce((sum, c) => sum + c.amountFen, 0);
    const planned = contractTotal * (1.05 + rng.next() * 0.2);
    project.plannedFen = Math.ceil(planned / 1_000_000) * 1_000_000;
    finishIndicators(project, context.batch.stage, rng);
  }
}

function invoicedOf(project: Project, contract: Contract): number {
  let sum = 0;
  for (const invoice of project.invoices) if (invoice.contract === contract) sum += invoice.totalFen;
  return sum;
}

function setContractAmounts(project: Project, rng: Rng): void {
  for (const contract of project.contracts) {
    if (contract.amountFrom) continue;
    const invoiced = invoicedOf(project, contract);
    if (invoiced <= 0) {
      contract.amountFen = rng.int(5, 50) * 10_000_00;
    } else if (contract.overinvoiced) {
      // Invoiced 7% to 18% above the contract price.
      const amount = Math.floor((invoiced * (0.82 + rng.next() * 0.11)) / 100_000) * 100_000;
      contract.amountFen = amount > 0 && amount < invoiced ? amount : Math.floor(invoiced * 0.9);
    } else {
      // Contracts are signed at round prices; invoices so far stay at or below them.
      contract.amountFen = Math.ceil((invoiced * (1 + rng.next() * 0.12)) / 100_000) * 100_000;
    }
  }
}

/** Takes `amount` off the last payments: drops whole payments, then shortens one. */
function reduceTail(payments: Payment[], amount: number): void {
  let rest = amount;
  while (rest > 0 && payments.length > 0) {
    const last = payments[payments.length - 1];
    if (last === undefined) break;
    if (last.amountFen <= rest) {
      rest -= last.amountFen;
      payments.pop();
    } else {
      last.amountFen -= rest;
      rest = 0;
    }
  }
}

/**
 * Payments per contract: invoices are paid in batches some days after issue; red invoices reduce
 * what is paid. Under a policy with an unpaid-tail rule (Xiamen) a retention of up to 8% may stay
 * unpaid (paid ≥ 90% of invoiced) and the contract then stipulates it (约定尾款 10%); elsewhere clean
 * contracts are paid in full. A contract a defect marked as underpaid gets only about half.
 */
function buildPayments(context: SampleContext, project: Project, rng: Rng): Payment[] {
  const { batch } = context;
  const all: Payment[] = [];
  for (const contract of project.contracts) {
    const invoices = project.invoices
      .filter((invoice) => invoice.contract === contract)
      .sort((a, b) => (a.issuedOn < b.issuedOn ? -1 : a.issuedOn > b.issuedOn ? 1 : a.id - b.id));
    const blue = invoices.filter((invoice) => invoice.totalFen > 0);
    const net = invoices.reduce((sum, invoice) => sum + invoice.totalFen, 0);
    const payments: Payment[] = [];
    const maxGroup = Math.max(2, Math.min(6, Math.ceil(blue.length / 12)));
    for (let i = 0; i < blue.length;) {
      const group = blue.slice(i, i + rng.int(1, maxGroup));
      i += group.length;
      const last = group[group.length - 1];
      if (last === undefined) break;
      payments.push({
        voucherNo: '',
        paidOn: minDate(addDays(last.issuedOn, rng.int(3, 45)), batch.cutoff),
        payer: project.applicant,
        payee: contract.supplier,
        amountFen: group.reduce((sum, invoice) => sum + invoice.totalFen, 0),
        contract,
        purpose: `支付${contract.name.replace(/合同$/u, '')}款（合同号 ${contract.no}）`,
        attachments: [],
        row: 0,
      });
    }
    const gross = payments.reduce((sum, p) => sum + p.amountFen, 0);
    if (net <= 0) {
      payments.length = 0;
    } else {
      reduceTail(payments, gross - net);
      const retention = context.profile.unpaidTail && rng.chance(0.5);
      const target = contract.underpaid ? Math.floor(net * (0.45 + rng.next() * 0.25)) : retention ? net - Math.floor(net * (0.02 + rng.next() * 0.06)) : net;
      reduceTail(payments, net - target);
      // A contract that keeps a retention stipulates it (质保金 10%); of the others every second one
      // names a 5% tail and the rest none, so both spellings of the column occur. No random draw:
      // the rest of the sample stays as it was for a seed.
      contract.agreedTail = retention || contract.underpaid ? '10%' : contract.id % 2 === 0 ? '5%' : '';
    }
    all.push(...payments);
  }
  all.sort((a, b) => (a.paidOn < b.paidOn ? -1 : a.paidOn > b.paidOn ? 1 : a.contract.id - b.contract.id));
  const perMonth = new Map<string, number>();
  for (const payment of all) {
    const month = payment.paidOn.slice(0, 7).replace('-', '');
    const seq = (perMonth.get(month) ?? 0) + 1;
    perMonth.set(month, seq);
    payment.voucherNo = `FK-${month}-${String(seq).padStart(4, '0')}`;
  }
  return all;
}

function finishIndicators(project: Project, stage: Stage, rng: Rng): void {
  const amount = project.invoices.reduce((sum, invoice) => sum + (invoice.contract ? invoice.amountFen : 0), 0);
  for (const indicator of project.indicators) {
    if (indicator.name === '完成技改投资') {
      indicator.target = Math.round(project.plannedFen / 10_000) / 100;
      indicator.achieved = stage === 'application' ? null : Math.round(amount / 10_000) / 100;
      continue;
    }
    if (stage === 'application') {
      indicator.achieved = null;
      continue;
    }
    const factor = stage === 'midterm' ? 0.3 + rng.next() * 0.4 : rng.chance(0.7) ? 1 + rng.next() * 0.25 : 0.75 + rng.next() * 0.23;
    const value = indicator.target * factor;
    indicator.achieved = Number.isInteger(indicator.target) && indicator.unit !== '%' ? Math.round(value) : Math.round(value * 10) / 10;
  }
}
