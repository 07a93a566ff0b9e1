import { AppError } from '@shared/api/errors';
import { ITEMS, SUPPLIER_WORDS } from './catalog';
import { mistypedCreditCode } from './companies';
import { addDays, maxDate, minDate, randomDate } from './dates';
import { INVOICE_WINDOW, createInvoice, type SampleContext } from './build-data';
import { applyLines, repriceAtRate, wordsOf } from './invoice-math';
import { isDigital } from './invoice-numbers';
import type { Contract, Invoice, Payment, Project } from './model';
import type { Rng } from './prng';

/**
 * Review findings the sample generator can plant, each on one named row. A package with defects
 * still imports: every value stays readable, every listed file is present with its hash.
 */
export const DEFECT_NAMES = [
  'invoice-number-format',
  'duplicate-invoice',
  'date-outside-window',
  'date-before-contract',
  'amount-arithmetic',
  'tax-rate-unknown',
  'amount-in-words-mismatch',
  'buyer-not-applicant',
  'credit-code-check',
  'no-contract',
  'seller-not-contractor',
  'contract-overinvoiced',
  'unpaid-beyond-tail',
  'excluded-spending',
  'red-invoice',
  'third-party-payment',
  'related-party',
  'attachment-mismatch',
  'missing-attachment',
] as const;

export type DefectName = (typeof DEFECT_NAMES)[number];

export function isDefectName(value: string): value is DefectName {
  return (DEFECT_NAMES as readonly string[]).includes(value);
}

/** What each defect plants, in Chinese for the CLI help and reports. */
export const DEFECT_DESCRIPTIONS: Readonly<Record<DefectName, string>> = {
  'invoice-number-format': '发票号码位数不对（数电号码少一位，或税控号码只有 7 位）',
  'duplicate-invoice': '同一张发票在本项目中填报两次，并在另一个项目（同一申报单位的另一项目）中再次填报',
  'date-outside-window': '开票日期在 2024-01-01 至 2026-12-31 的认定期之外（2023 年 12 月）',
  'date-before-contract': '开票日期早于所属合同的签订日期',
  'amount-arithmetic': '价税合计不等于金额加税额（大写与填写的价税合计一致）',
  'tax-rate-unknown': '税率为已停用的 16%，税额、价税合计按 16% 计算',
  'amount-in-words-mismatch': '大写金额写成了不含税金额，与价税合计不符',
  'buyer-not-applicant': '购买方不是申报单位（另一家无关企业）',
  'credit-code-check': '一家供应商的统一社会信用代码未通过 GB 32100 校验（与有效代码相比两位颠倒），合同表和发票表中写法一致；报告其发票行和合同行',
  'no-contract': '发票没有对应合同：合同编号为空，销售方不是任何合同的供应商',
  'seller-not-contractor': '发票的销售方不是所填合同的供应商',
  'contract-overinvoiced': '合同项下发票价税合计超过合同金额',
  'unpaid-beyond-tail': '合同项下已开票未付款超过合同金额的 10%（付款不足已开票金额的 90%）',
  'excluded-spending': '土建合同项下的「*建筑服务*工程款」发票（技改投资不含建筑物）',
  'red-invoice': '一张红字发票冲销本项目的一张蓝字发票（金额为负，大写以「（负数）」开头）',
  'third-party-payment': '付款方不是申报单位（由第三方代付）',
  'related-party': '供应商与申报单位关联：字号相同、法定代表人相同、注册在同一区县',
  'attachment-mismatch': '发票的数电 XML 附件（及 PDF）金额与表中该行不符',
  'missing-attachment': '发票行填写的附件文件不在材料包中（也不在清单中）',
};

export type DefectTarget =
  { readonly sheet: '发票'; readonly invoice: Invoice } | { readonly sheet: '合同'; readonly contract: Contract } | { readonly sheet: '付款'; readonly payment: Payment };

/** A planted defect before the workbook is laid out (rows are known only then). */
export interface PendingDefect {
  readonly defect: DefectName;
  readonly project: Project;
  readonly target: DefectTarget;
  readonly detail: string;
}

function tooFew(defect: DefectName): AppError {
  return new AppError('BAD_INPUT', `发票或项目数量太少，无法注入缺陷「${defect}」（${DEFECT_DESCRIPTIONS[defect]}）；请增加 --invoices 或 --projects`);
}

/** Tries the projects in turn, starting at the defect's own, until one has a place for it. */
function inSomeProject<T>(projects: readonly Project[], start: number, defect: DefectName, attempt: (project: Project) => T | undefined): T {
  for (let k = 0; k < projects.length; k += 1) {
    const project = projects[(start + k) % projects.length];
    if (project === undefined) continue;
    const result = attempt(project);
    if (result !== undefined) return result;
  }
  throw tooFew(defect);
}

function isFree(invoice: Invoice): boolean {
  return !invoice.locked && invoice.totalFen > 0 && invoice.attachments.length === 0;
}

function freeInvoices(project: Project, filter: (invoice: Invoice) => boolean = () => true): Invoice[] {
  return project.invoices.filter((invoice) => isFree(invoice) && filter(invoice));
}

/** Free invoices whose contract keeps at least one other free invoice (so no contract is emptied). */
function detachable(project: Project): Invoice[] {
  const perContract = new Map<Contract, number>();
  for (const invoice of project.invoices) {
    if (invoice.contract && isFree(invoice)) perContract.set(invoice.contract, (perContract.get(invoice.contract) ?? 0) + 1);
  }
  return freeInvoices(project, (invoice) => invoice.contract !== null && !invoice.contract.locked && (perContract.get(invoice.contract) ?? 0) >= 2);
}

function lock(...items: (Invoice | Contract)[]): void {
  for (const item of items) item.locked = true;
}

function copyInvoice(target: Invoice, source: Invoice): void {
  target.code = source.code;
  target.number = source.number;
  target.issuedOn = source.issuedOn;
  target.issueSecond = source.issueSecond;
  target.type = source.type;
  target.seller = source.seller;
  target.buyer = source.buyer;
  target.item = source.item;
  target.ratePercent = source.ratePercent;
  target.lines = source.lines.map((line) => ({ ...line }));
  target.amountFen = source.amountFen;
  target.taxFen = source.taxFen;
  target.totalFen = source.totalFen;
  target.words = source.words;
  target.drawer = source.drawer;
}

/** Order in which defects are planted: ones that reshape a project first, single-cell edits last. */
const PLANT_ORDER: readonly DefectName[] = [
  'duplicate-invoice',
  'related-party',
  'excluded-spending',
  'red-invoice',
  'no-contract',
  'seller-not-contractor',
  'date-outside-window',
  'date-before-contract',
  'contract-overinvoiced',
  'unpaid-beyond-tail',
  'buyer-not-applicant',
  'credit-code-check',
  'invoice-number-format',
  'amount-arithmetic',
  'tax-rate-unknown',
  'amount-in-words-mismatch',
];

/** The defects that change invoices and contracts; planted before amounts and payments are derived. */
export function plantDataDefects(context: SampleContext, projects: readonly Project[], requested: readonly DefectName[]): PendingDefect[] {
  const pending: PendingDefect[] = [];
  const startOf = (defect: DefectName) => Math.max(0, requested.indexOf(defect)) % projects.length;
  for (const defect of PLANT_ORDER) {
    if (!requested.includes(defect)) continue;
    const rng = context.rng.fork(`defect/${defect}`);
    pending.push(...PLANTERS[defect](context, projects, startOf(defect), rng));
  }
  return pending;
}

type Planter = (context: SampleContext, projects: readonly Project[], start: number, rng: Rng) => PendingDefect[];

const one = (defect: DefectName, project: Project, target: DefectTarget, detail: string): PendingDefect[] => [{ defect, project, target, detail }];

/** Plants a defect on one free invoice, in the first project (from `start`) that has a candidate. */
function onInvoice(defect: DefectName, candidates: (project: Project) => Invoice[], describe: (invoice: Invoice, project: Project) => string): Planter {
  return (context, projects, start, rng) =>
    inSomeProject(projects, start, defect, (project) => {
      const options = candidates(project);
      if (options.length === 0) return undefined;
      const invoice = rng.pick(options);
      EDITS[defect]?.(context, invoice, project, rng);
      lock(invoice);
      return one(defect, project, { sheet: '发票', invoice }, describe(invoice, project));
    });
}

/** Business words that do not repeat the applicant's own, so the related company has a name of its own. */
function distinctWords(words: readonly string[], name: string): readonly string[] {
  const distinct = words.filter((word) => !name.includes(word));
  return distinct.length > 0 ? distinct : words;
}

function preferDigital(invoices: Invoice[]): Invoice[] {
  const digital = invoices.filter((invoice) => isDigital(invoice.type));
  return digital.length > 0 ? digital : invoices;
}

const PLANTERS: Readonly<Record<DefectName, Planter>> = {
  'duplicate-invoice': (context, projects, start, rng) =>
    inSomeProject(projects, start, 'duplicate-invoice', (project) => {
      const options = detachable(project);
      if (options.length === 0) return undefined;
      const original = rng.pick(options);
      const contract = original.contract;
      const partners = detachable(project).filter((i) => i !== original && i.contract === contract);
      if (contract === null || partners.length === 0) return undefined;
      const second = rng.pick(partners);
      lock(original);
      copyInvoice(second, original);
      // A fresh id sorts the copy after the original on the same day.
      second.id = context.nextInvoiceId();
      lock(second);
      const found: PendingDefect[] = one('duplicate-invoice', project, { sheet: '发票', invoice: second }, `与本项目另一行是同一张发票（${original.number}），重复填报`);

      // The same enterprise claims the invoice again in another of its projects.
      const other = projects.length > 1 ? projects[(project.index + 1) % projects.length] : undefined;
      const third = other ? detachable(other)[0] : undefined;
      if (other && third) {
        const previous = other.applicant;
        other.applicant = project.applicant;
        other.industry = project.industry;
        for (const invoice of other.invoices) if (invoice.buyer === previous) invoice.buyer = project.applicant;
        const copy: Contract = {
          ...contract,
          id: other.contracts.length,
          amountFrom: contract,
          attachments: [],
          overinvoiced: false,
          underpaid: false,
          locked: true,
          row: 0,
        };
        other.contracts.push(copy);
        copyInvoice(third, original);
        third.id = context.nextInvoiceId();
        third.contract = copy;
        lock(third);
        found.push(
          ...one(
            'duplicate-invoice',
            other,
            { sheet: '发票', invoice: third },
            `与项目 ${project.id} 中的发票 ${original.number} 是同一张发票，重复申报（两个项目同属 ${project.applicant.name}）`,
          ),
        );
      }
      return found;
    }),

  'related-party': (context, projects, start, rng) =>
    inSomeProject(projects, start, 'related-party', (project) => {
      const options = project.contracts.filter(
        (c) => !c.locked && project.invoices.some((i) => i.contract === c) && project.invoices.every((i) => i.contract !== c || !i.locked),
      );
      if (options.length === 0) return undefined;
      const contract = rng.pick(options);
      const { applicant } = project;
      const related = context.companies.company({
        city: applicant.city,
        words: distinctWords(SUPPLIER_WORDS[contract.category], applicant.name),
        tradeName: applicant.tradeName,
        district: [applicant.district, applicant.division],
        orgForm: '有限公司',
      });
      related.legalRep = applicant.legalRep;
      contract.supplier = related;
      for (const invoice of project.invoices) {
        if (invoice.contract !== contract) continue;
        invoice.seller = related;
        invoice.drawer = context.drawerOf(related);
        context.numbers.issue(invoice);
        lock(invoice);
      }
      lock(contract);
      return one(
        'related-party',
        project,
        { sheet: '合同', contract },
        `供应商「${related.name}」与申报单位字号同为「${applicant.tradeName}」，法定代表人同为${applicant.legalRep}，注册地同在${applicant.district}`,
      );
    }),

  'excluded-spending': (context, projects, start, rng) =>
    inSomeProject(projects, start, 'excluded-spending', (project) => {
      const options = detachable(project);
      if (options.length === 0) return undefined;
      const invoice = rng.pick(options);
      const { applicant } = project;
      const builder = context.companies.company({ city: applicant.city, words: SUPPLIER_WORDS.construction, orgForm: '有限公司' });
      const item = ITEMS.construction[0];
      if (item === undefined) return undefined;
      const signedOn = randomDate(rng, project.periodStart, addDays(context.batch.cutoff, -90));
      const contract: Contract = {
        id: project.contracts.length,
        no: context.nextContractNo(signedOn),
        name: item.contract,
        supplier: builder,
        signedOn,
        category: 'construction',
        domestic: true,
        items: [item],
        amountFen: 0,
        overinvoiced: false,
        underpaid: false,
        agreedTail: '',
        attachments: [],
        locked: true,
        row: 0,
      };
      project.contracts.push(contract);
      const issuedOn = randomDate(rng, addDays(signedOn, 7), context.batch.cutoff);
      const fresh = createInvoice(context, rng, {
        project,
        contract,
        seller: builder,
        item,
        issuedOn,
        quantity: 1,
        unitPriceFen: Math.round(rng.logUniform(item.price[0], item.price[1])) * 100,
        type: 'digital-special',
        ratePercent: 9,
      });
      Object.assign(invoice, { ...fresh, id: invoice.id, locked: true });
      return one('excluded-spending', project, { sheet: '发票', invoice }, `土建合同 ${contract.no}（${builder.name}）项下的「${item.name}」发票，属于建筑工程支出`);
    }),

  'red-invoice': (context, projects, start, rng) =>
    inSomeProject(projects, start, 'red-invoice', (project) => {
      const latest = addDays(context.batch.cutoff, -10);
      const options = preferDigital(detachable(project).filter((i) => i.issuedOn <= latest));
      for (const blue of rng.shuffled(options)) {
        const red = detachable(project).find((i) => i !== blue && i.contract === blue.contract);
        if (red === undefined) continue;
        copyInvoice(red, blue);
        red.issuedOn = randomDate(rng, addDays(blue.issuedOn, 5), minDate(addDays(blue.issuedOn, 60), context.batch.cutoff));
        red.issueSecond = rng.int(8 * 3600, 18 * 3600);
        red.reverses = blue;
        red.redFormNumber = `${blue.seller.division.slice(0, 4)}${red.issuedOn.replace(/-/gu, '')}${String(rng.int(0, 99999999)).padStart(8, '0')}`;
        applyLines(
          red,
          blue.lines.map((line) => ({ ...line, quantity: -line.quantity, amountFen: -line.amountFen, taxFen: -line.taxFen })),
          project.style.yuanChar,
        );
        context.numbers.issue(red);
        lock(blue, red);
        return one('red-invoice', project, { sheet: '发票', invoice: red }, `红字发票，冲销本项目蓝字发票 ${blue.number}（价税合计 ${wordsOf(blue.totalFen)}）`);
      }
      return undefined;
    }),

  'no-contract': onInvoice('no-contract', detachable, (invoice) => `合同编号为空，销售方 ${invoice.seller.name} 不是本项目任何合同的供应商`),

  'seller-not-contractor': onInvoice(
    'seller-not-contractor',
    (project) => freeInvoices(project, (i) => i.contract !== null && !i.contract.locked),
    (invoice) => `销售方 ${invoice.seller.name} 不是合同 ${invoice.contract?.no ?? ''} 的供应商 ${invoice.contract?.supplier.name ?? ''}`,
  ),

  'date-outside-window': onInvoice(
    'date-outside-window',
    (project) => freeInvoices(project, (i) => i.contract !== null && !i.contract.locked),
    (invoice) => `开票日期 ${invoice.issuedOn} 早于认定期起始日 ${INVOICE_WINDOW.start}`,
  ),

  'date-before-contract': onInvoice(
    'date-before-contract',
    (project) =>
      freeInvoices(project, (i) => i.contract !== null && !i.contract.locked && i.contract.signedOn >= addDays(maxDate(INVOICE_WINDOW.start, project.periodStart), 10)),
    (invoice) => `开票日期 ${invoice.issuedOn} 早于合同 ${invoice.contract?.no ?? ''} 的签订日期 ${invoice.contract?.signedOn ?? ''}`,
  ),

  'credit-code-check': (context, projects, start, rng) =>
    inSomeProject(projects, start, 'credit-code-check', (project) => {
      const options = detachable(project);
      if (options.length === 0) return undefined;
      const invoice = rng.pick(options);
      const previous = invoice.contract;
      if (previous === null) return undefined;
      // A small supplier whose registered code fails the check, written the same way on the
      // contract and the invoice: the only finding is the failed check (a warning for a person).
      const supplier = context.supplier(previous.category);
      supplier.code = mistypedCreditCode(supplier.code, rng);
      const signedOn = addDays(invoice.issuedOn, -rng.int(7, 60));
      const contract: Contract = {
        ...previous,
        id: project.contracts.length,
        no: context.nextContractNo(signedOn),
        name: invoice.item.contract,
        supplier,
        signedOn,
        items: [invoice.item],
        amountFen: 0,
        overinvoiced: false,
        underpaid: false,
        agreedTail: '',
        attachments: [],
        locked: true,
        row: 0,
      };
      project.contracts.push(contract);
      invoice.contract = contract;
      invoice.seller = supplier;
      invoice.drawer = context.drawerOf(supplier);
      context.numbers.issue(invoice);
      lock(invoice);
      const detail = `${supplier.name} 的统一社会信用代码「${supplier.code}」未通过 GB 32100 校验`;
      return [
        ...one('credit-code-check', project, { sheet: '发票', invoice }, `销售方纳税人识别号：${detail}`),
        ...one('credit-code-check', project, { sheet: '合同', contract }, `合同 ${contract.no} 供应商：${detail}`),
      ];
    }),

  'contract-overinvoiced': (_context, projects, start, rng) =>
    inSomeProject(projects, start, 'contract-overinvoiced', (project) => {
      const options = project.contracts.filter((c) => !c.locked && !c.amountFrom && project.invoices.some((i) => i.contract === c));
      if (options.length === 0) return undefined;
      const contract = rng.pick(options);
      contract.overinvoiced = true;
      lock(contract);
      return one('contract-overinvoiced', project, { sheet: '合同', contract }, `合同 ${contract.no} 项下发票价税合计超过合同金额`);
    }),

  'unpaid-beyond-tail': (_context, projects, start, rng) =>
    inSomeProject(projects, start, 'unpaid-beyond-tail', (project) => {
      const options = project.contracts.filter((c) => !c.locked && !c.amountFrom && project.invoices.some((i) => i.contract === c && i.totalFen > 0 && !i.locked));
      if (options.length === 0) return undefined;
      const contract = rng.pick(options);
      contract.underpaid = true;
      lock(contract);
      return one('unpaid-beyond-tail', project, { sheet: '合同', contract }, `合同 ${contract.no} 只付了已开票金额的约一半，未付部分超过合同金额的 10%`);
    }),

  'buyer-not-applicant': onInvoice(
    'buyer-not-applicant',
    (p) => freeInvoices(p),
    (invoice) => `购买方为 ${invoice.buyer.name}，不是申报单位`,
  ),
  'invoice-number-format': onInvoice(
    'invoice-number-format',
    (p) => preferDigital(freeInvoices(p)),
    (invoice) => `发票号码「${invoice.number}」有 ${String(invoice.number.length)} 位`,
  ),
  'amount-arithmetic': onInvoice(
    'amount-arithmetic',
    (p) => freeInvoices(p),
    () => '价税合计不等于金额 + 税额',
  ),
  'tax-rate-unknown': onInvoice(
    'tax-rate-unknown',
    (p) => freeInvoices(p, (i) => i.ratePercent === 13),
    () => '税率 16%（2019 年 4 月起已停用）',
  ),
  'amount-in-words-mismatch': onInvoice(
    'amount-in-words-mismatch',
    (p) => freeInvoices(p, (i) => i.taxFen !== 0),
    (invoice) => `大写金额「${invoice.words}」是不含税金额，与价税合计不符`,
  ),

  // Planted after payments exist, and on attachments; see plantPaymentDefects and attachments.ts.
  'third-party-payment': () => [],
  'attachment-mismatch': () => [],
  'missing-attachment': () => [],
};

/** What each single-invoice defect changes; onInvoice applies it to the chosen invoice. */
const EDITS: Partial<Record<DefectName, (context: SampleContext, invoice: Invoice, project: Project, rng: Rng) => void>> = {
  'no-contract': (context, invoice) => {
    invoice.seller = context.supplier(invoice.contract?.category ?? categoryOfItem(invoice));
    invoice.contract = null;
    invoice.drawer = context.drawerOf(invoice.seller);
    context.numbers.issue(invoice);
  },
  'seller-not-contractor': (context, invoice) => {
    invoice.seller = context.supplier(categoryOfItem(invoice));
    invoice.drawer = context.drawerOf(invoice.seller);
    context.numbers.issue(invoice);
  },
  'date-outside-window': (context, invoice, _project, rng) => {
    const contract = invoice.contract;
    if (contract === null) return;
    const date = randomDate(rng, '2023-12-04', '2023-12-28');
    if (contract.signedOn >= date) contract.signedOn = randomDate(rng, '2023-10-09', addDays(date, -12));
    contract.locked = true;
    invoice.issuedOn = date;
    context.numbers.issue(invoice);
  },
  'date-before-contract': (context, invoice, project, rng) => {
    const contract = invoice.contract;
    if (contract === null) return;
    const earliest = maxDate(INVOICE_WINDOW.start, project.periodStart, addDays(contract.signedOn, -40));
    invoice.issuedOn = randomDate(rng, earliest, addDays(contract.signedOn, -3));
    contract.locked = true;
    context.numbers.issue(invoice);
  },
  'buyer-not-applicant': (context, invoice, project) => {
    invoice.buyer = context.companies.company({ city: project.applicant.city, words: SUPPLIER_WORDS.other });
  },
  'invoice-number-format': (context, invoice, _project, rng) => {
    const digits = invoice.number;
    const at = digits.length === 20 ? rng.int(5, 19) : 0;
    invoice.number = `${digits.slice(0, at)}${digits.slice(at + 1)}`;
    context.numbers.reserve(invoice.code, invoice.number);
  },
  'amount-arithmetic': (_context, invoice, project, rng) => {
    const delta = rng.pick([1_000, 10_000, 100_000, -1_000, -10_000]);
    invoice.totalFen = invoice.amountFen + invoice.taxFen + delta;
    invoice.words = wordsOf(invoice.totalFen, project.style.yuanChar);
  },
  'tax-rate-unknown': (_context, invoice, project) => {
    invoice.ratePercent = 16;
    repriceAtRate(invoice, project.style.yuanChar);
  },
  'amount-in-words-mismatch': (_context, invoice, project) => {
    invoice.words = wordsOf(invoice.amountFen, project.style.yuanChar);
  },
};

function categoryOfItem(invoice: Invoice) {
  for (const [category, items] of Object.entries(ITEMS) as [keyof typeof ITEMS, (typeof ITEMS)[keyof typeof ITEMS]][]) {
    if (items.includes(invoice.item)) return category;
  }
  return 'equipment' as const;
}

/** third-party-payment, once payments exist. */
export function plantPaymentDefects(context: SampleContext, projects: readonly Project[], requested: readonly DefectName[]): PendingDefect[] {
  if (!requested.includes('third-party-payment')) return [];
  const rng = context.rng.fork('defect/third-party-payment');
  const start = Math.max(0, requested.indexOf('third-party-payment')) % projects.length;
  return inSomeProject(projects, start, 'third-party-payment', (project) => {
    const options = project.payments.filter((p) => !p.contract.locked && p.payer === project.applicant);
    if (options.length === 0) return undefined;
    const payment = rng.pick(options);
    payment.payer = context.companies.company({ city: project.applicant.city, words: SUPPLIER_WORDS.other });
    return one('third-party-payment', project, { sheet: '付款', payment }, `付款方为 ${payment.payer.name}，不是申报单位（第三方代付）`);
  });
}
