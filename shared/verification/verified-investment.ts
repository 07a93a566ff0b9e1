import { Dec } from '../domain/decimal';
import type { Spending } from '../rules/rule-set-schema';
import { unpaidTailAllowance } from '../rules/spending';
import { indexProject, money, readDecimal, yuan, ZERO, type ContractLedger, type IndexedInvoice, type ProjectIndex } from './project-index';
import { linkRedInvoices } from './red-links';
import type { ContractReconciliation, InvoiceDecision, VerifiedInvestment, VProject } from './types';

/**
 * The verified investment (核定投资额) of a project, per the rule set's spending
 * rules (Xiamen §五(一)(二): amounts excluding tax; equipment, software, process,
 * platform, consulting and testing; no land or buildings; contract and payment
 * record; an invoiced but unpaid tail up to 10% of the contract amount).
 *
 * Per contract, in the order of the 合同 sheet:
 * 1. 认定额 A: each blue invoice's decision — accept: its amount; reduce (核减): the
 *    amount given, within 0..its amount; reject or no decision yet: 0; excluded by the policy
 *    text (`statutory`: outside the invoice window, land or buildings, no contract or payment): 0
 *    whatever was decided.
 *    Red invoices (negative amounts) always count negatively, whatever their own
 *    decision: a reversal cannot be left out of a claim. A red invoice whose blue
 *    original is on the same contract nets with it: the pair counts
 *    max(0, blue's counted amount + the red amounts), and nothing when the blue is
 *    not counted. So rejecting any invoice never increases the result.
 * 2. 上限一 (contract amount): contract amounts include tax, counted amounts do not.
 *    The contract amount is converted with the contract's own invoices' ratio
 *    不含税合计 / 价税合计 (at most 1; 1 when nothing is invoiced), rounded half-up to
 *    the fen. Under an including-tax rule set the contract amount is used as is.
 * 3. 上限二 (payments, only with spending rules): what may count including tax is
 *    min(价税合计, 已付款 + the allowed unpaid tail), the tail from unpaidTailAllowance
 *    (only the tail the contract stipulates, 约定尾款; none when the rule set names no tail);
 *    converted with the same ratio.
 * 4. Counted = max(0, min(A, 上限一, 上限二)) unless the contract's 投资类别 is excluded (土建、土地),
 *    then 0. A category outside the listed ones (其他) counts: the list is open (“等”费用), and
 *    its invoices count only when a reviewer accepted them. Without spending rules every category counts
 *    and only 上限一 applies — the trace says so.
 * Invoices without a (known) contract count 0 and are listed. All figures are
 * decimal.js, rounded half-up to the fen at the end of each step, and the total is
 * exactly the sum of the contracts' counted amounts.
 */
export function computeVerifiedInvestment(project: VProject, decisions: ReadonlyMap<number, InvoiceDecision>, spending: Spending | undefined): VerifiedInvestment {
  return createInvestmentCalculator(project, spending).compute(decisions);
}

/**
 * The same computation, kept for one project so a decision is applied incrementally: the project is
 * indexed and its red invoices linked once, and `compute` with the rows whose decision changed
 * reconciles only their contracts again (a decision affects nothing outside its own contract; the
 * red invoices netted with a blue one are on the same contract). The result equals a full compute.
 */
export function createInvestmentCalculator(project: VProject, spending: Spending | undefined, index: ProjectIndex = indexProject(project)) {
  const includingTax = spending?.amountBasis === 'including-tax';
  const valueOf = (row: IndexedInvoice): Dec | undefined => (includingTax ? row.total : row.amount);
  const isNegative = (row: IndexedInvoice): boolean => {
    const v = valueOf(row);
    return v !== undefined && v.isNegative() && !v.isZero();
  };

  // Red invoices netted with their blue original on the same contract.
  const redsOfBlue = new Map<IndexedInvoice, IndexedInvoice[]>();
  const pairedReds = new Set<IndexedInvoice>();
  for (const link of linkRedInvoices(index).values()) {
    const { red, blue } = link;
    if (!blue || !isNegative(red) || isNegative(blue) || blue.ledger === undefined || blue.ledger !== red.ledger) continue;
    const list = redsOfBlue.get(blue);
    if (list) list.push(red);
    else redsOfBlue.set(blue, [red]);
    pairedReds.add(red);
  }
  const ledgers = [...index.ledgers.values()];
  const invoiceByRow = new Map(index.invoices.map((row) => [row.rowNo, row]));
  let contracts: ContractReconciliation[] = [];
  let withoutContract: VerifiedInvestment['withoutContract'] = [];
  let computed = false;

  function listWithoutContract(decisions: ReadonlyMap<number, InvoiceDecision>): VerifiedInvestment['withoutContract'] {
    const list: VerifiedInvestment['withoutContract'] = [];
    for (const row of index.invoices) {
      if (row.ledger) continue;
      const value = valueOf(row);
      if (value === undefined) continue;
      if (isNegative(row)) {
        list.push({ rowNo: row.rowNo, key: row.key, amount: money(value) });
        continue;
      }
      const decided = decide(value, decisions.get(row.rowNo));
      if (decided.state === 'accepted' || decided.state === 'reduced') {
        list.push({ rowNo: row.rowNo, key: row.key, amount: money(decided.counted) });
      }
    }
    return list;
  }

  /** All contracts, or (after a first full run) only those of `changedRows`. */
  function compute(decisions: ReadonlyMap<number, InvoiceDecision>, changedRows?: Iterable<number>): VerifiedInvestment {
    const ctx: ContractContext = { spending, includingTax, decisions, valueOf, isNegative, redsOfBlue, pairedReds };
    if (changedRows === undefined || !computed) {
      contracts = ledgers.map((ledger) => reconcile(ledger, ctx));
      withoutContract = listWithoutContract(decisions);
      computed = true;
    } else {
      const touched = new Set<ContractLedger>();
      let outside = false;
      for (const rowNo of changedRows) {
        const ledger = invoiceByRow.get(rowNo)?.ledger;
        if (ledger) touched.add(ledger);
        else outside = true;
      }
      contracts = ledgers.map((ledger, i) => (touched.has(ledger) ? reconcile(ledger, ctx) : (contracts[i] as ContractReconciliation)));
      if (outside) withoutContract = listWithoutContract(decisions);
    }
    return summarise(contracts, withoutContract);
  }

  function summarise(contracts: ContractReconciliation[], withoutContract: VerifiedInvestment['withoutContract']): VerifiedInvestment {
    let total = ZERO;
    for (const c of contracts) total = total.plus(c.counted);
    const trace: string[] = [basisLine(spending)];
    trace.push('红字发票按负数冲减，不受评审决定影响；其蓝字原票在同一合同中时两者合并计算，原票不予认定时一并不计');
    if (index.duplicateContracts.length > 0) {
      trace.push(`合同表中重复的合同编号：${index.duplicateContracts.map((c) => `第 ${c.rowNo} 行「${c.contractNo}」`).join('、')}，按首次出现的合同计算，重复行不另计`);
    }
    for (const c of contracts) trace.push(`合同 ${c.contractNo} 计入 ${yuan(c.counted)}`);
    if (withoutContract.length > 0) {
      let sum = ZERO;
      for (const w of withoutContract) sum = sum.plus(w.amount);
      trace.push(
        `无对应合同的发票 ${withoutContract.length} 张（第 ${withoutContract
          .slice(0, 10)
          .map((w) => w.rowNo)
          .join('、')}${withoutContract.length > 10 ? ' 等' : ''} 行），${includingTax ? '价税合计' : '不含税'} ${yuan(sum)}，不计入（核定投资额须有对应合同）`,
      );
    }
    const addends = contracts.length === 0 ? '0.00' : contracts.map((c) => formatPlain(c.counted)).join(' + ');
    trace.push(`核定投资额 = ${addends} = ${yuan(total)}`);
    return { total: money(total), contracts, withoutContract, trace };
  }

  return { compute };
}

export type InvestmentCalculator = ReturnType<typeof createInvestmentCalculator>;

interface ContractContext {
  readonly spending: Spending | undefined;
  readonly includingTax: boolean;
  readonly decisions: ReadonlyMap<number, InvoiceDecision>;
  readonly valueOf: (row: IndexedInvoice) => Dec | undefined;
  readonly isNegative: (row: IndexedInvoice) => boolean;
  readonly redsOfBlue: ReadonlyMap<IndexedInvoice, IndexedInvoice[]>;
  readonly pairedReds: ReadonlySet<IndexedInvoice>;
}

type Decided = { state: 'accepted' | 'reduced' | 'rejected' | 'pending' | 'statutory'; counted: Dec; note?: string };

/** A blue invoice's counted amount under its decision, within 0..its amount; 0 when the policy text excludes it. */
function decide(value: Dec, decision: InvoiceDecision | undefined): Decided {
  if (decision === undefined) return { state: 'pending', counted: ZERO };
  if (decision.statutory !== undefined) return { state: 'statutory', counted: ZERO, note: `依规不计入，不受评审决定影响：${decision.statutory}` };
  if (decision.kind === 'reject') return { state: 'rejected', counted: ZERO };
  if (decision.kind === 'accept') return { state: 'accepted', counted: value };
  const given = readDecimal(decision.amount);
  if (given === undefined) return { state: 'reduced', counted: ZERO, note: `核减金额「${decision.amount ?? ''}」无法读取，按 0.00 元计` };
  const rounded = given.toDecimalPlaces(2, Dec.ROUND_HALF_UP);
  if (rounded.isNegative()) return { state: 'reduced', counted: ZERO, note: `核减金额 ${yuan(rounded)} 为负数，按 0.00 元计` };
  if (rounded.gt(value)) {
    return { state: 'reduced', counted: value, note: `核减后金额 ${yuan(rounded)} 超过发票金额 ${yuan(value)}，按发票金额计` };
  }
  return { state: 'reduced', counted: rounded };
}

function reconcile(ledger: ContractLedger, ctx: ContractContext): ContractReconciliation {
  const { contract } = ledger;
  const { spending, includingTax } = ctx;
  const basisWord = includingTax ? '价税合计' : '不含税';
  const category = contract.category.trim();
  const counts = { accepted: 0, reduced: 0, rejected: 0, pending: 0, statutory: 0, red: 0, unreadable: 0 };
  const notes: string[] = [];
  let accepted = ZERO;

  for (const row of ledger.invoices) {
    const value = ctx.valueOf(row);
    if (value === undefined) {
      counts.unreadable += 1;
      continue;
    }
    if (ctx.isNegative(row)) {
      counts.red += 1;
      if (!ctx.pairedReds.has(row)) accepted = accepted.plus(value);
      continue;
    }
    const decided = decide(value, ctx.decisions.get(row.rowNo));
    counts[decided.state] += 1;
    if (decided.note !== undefined) notes.push(`第 ${row.rowNo} 行发票：${decided.note}`);
    const reds = ctx.redsOfBlue.get(row);
    if (!reds) {
      accepted = accepted.plus(decided.counted);
      continue;
    }
    let reversed = ZERO;
    for (const red of reds) reversed = reversed.plus(ctx.valueOf(red) ?? ZERO);
    const pair = decided.counted.gt(0) ? Dec.max(ZERO, decided.counted.plus(reversed)) : ZERO;
    accepted = accepted.plus(pair);
    notes.push(
      `第 ${row.rowNo} 行发票与红字发票${reds.map((r) => `第 ${r.rowNo} 行`).join('、')}冲销：认定 ${yuan(decided.counted)} + 红字 ${yuan(reversed)}，合计计入 ${yuan(pair)}`,
    );
  }

  const paid = ledger.paid;
  const unpaid = Dec.max(ZERO, ledger.invoicedTotal.minus(paid));
  const amount = ledger.amount;
  const header = `合同 ${contract.contractNo}（${category || '未填类别'}，合同金额 ${amount ? yuan(amount) : `「${contract.amount}」无法读取`}）`;
  const trace: string[] = [];
  trace.push(
    `「${contract.name.trim()}」，供应商 ${contract.supplierName.trim()}：发票 ${ledger.invoices.length} 张，不含税合计 ${yuan(ledger.invoicedAmount)}，价税合计 ${yuan(ledger.invoicedTotal)}`,
  );
  const decidedText = [
    `认定 ${counts.accepted + counts.reduced} 张${counts.reduced > 0 ? `（其中核减 ${counts.reduced} 张）` : ''}`,
    counts.rejected > 0 ? `不予认定 ${counts.rejected} 张` : '',
    counts.statutory > 0 ? `依规不计入 ${counts.statutory} 张` : '',
    counts.pending > 0 ? `尚未决定 ${counts.pending} 张（不计入）` : '',
    counts.red > 0 ? `红字发票 ${counts.red} 张按负数冲减` : '',
    counts.unreadable > 0 ? `金额无法读取 ${counts.unreadable} 张（不计入）` : '',
  ]
    .filter((s) => s !== '')
    .join('，');
  trace.push(`${decidedText}；认定${basisWord} ${yuan(accepted)}`);
  trace.push(...notes);

  let eligible = true;
  if (spending) {
    if (spending.excludedCategories.includes(category)) {
      eligible = false;
      trace.push(`投资类别「${category}」不予认定（不予认定：${spending.excludedCategories.join('、')}；${spending.source}）`);
    } else if (!spending.eligibleCategories.includes(category)) {
      // The list is open (设备、软件……测试等费用): such a contract counts what a reviewer confirmed invoice by invoice.
      trace.push(
        `投资类别「${category || '未填'}」不在列举的 ${spending.eligibleCategories.join('、')} 之中，按“等”费用由评审确认：仅计入评审逐张认定的发票（${spending.source}）`,
      );
    } else {
      trace.push(`投资类别「${category}」属可认定范围（${spending.source}）`);
    }
  } else {
    trace.push('本政策未规定投资认定口径：不核对投资类别、付款和尾款，按认定的发票金额计入，仅以合同金额为上限');
  }

  const result = (counted: Dec, summary: string): ContractReconciliation => {
    trace.unshift(`${header}：认定发票 ${counts.accepted + counts.reduced} 张，${basisWord} ${yuan(accepted)}；已付款 ${yuan(paid)}；${summary}计入 ${yuan(counted)}`);
    return {
      contractNo: contract.contractNo,
      supplierName: contract.supplierName,
      category: contract.category,
      contractAmount: amount ? money(amount) : '0.00',
      invoiced: money(ledger.invoicedAmount),
      accepted: money(accepted),
      paid: money(paid),
      unpaid: money(unpaid),
      counted: money(counted),
      eligible,
      trace,
    };
  };

  if (!eligible) return result(ZERO, '类别不可认定，');
  if (amount === undefined) {
    trace.push('合同金额无法读取，无法确定上限，计入 0.00 元');
    return result(ZERO, '合同金额无法读取，');
  }

  // 上限一: the contract amount in the basis of the counted amounts. Multiplying before
  // dividing keeps x × 不含税 / 价税合计 exact whenever x is the 价税合计 itself.
  const convertible = !includingTax && ledger.invoicedTotal.gt(0) && ledger.invoicedAmount.gte(0) && ledger.invoicedAmount.lt(ledger.invoicedTotal);
  const toBasis = (inclusive: Dec): Dec =>
    convertible ? inclusive.times(ledger.invoicedAmount).div(ledger.invoicedTotal).toDecimalPlaces(2, Dec.ROUND_HALF_UP) : inclusive;
  const capContract = toBasis(amount);
  if (convertible) {
    trace.push(
      `上限一（合同金额）：合同金额 ${yuan(amount)}为含税金额，按本合同发票不含税合计 / 价税合计 = ${formatPlain(ledger.invoicedAmount)} / ${formatPlain(ledger.invoicedTotal)} 折合不含税 ${yuan(capContract)}`,
    );
  } else if (includingTax) {
    trace.push(`上限一（合同金额）：${yuan(amount)}`);
  } else {
    trace.push(`上限一（合同金额）：合同金额 ${yuan(amount)}（本合同发票无法折算不含税比例，按合同金额计）`);
  }

  let capPayment: Dec | undefined;
  if (spending) {
    const tail = unpaidTailAllowance(spending, money(amount), money(unpaid), contract.agreedTail);
    const payable = Dec.min(Dec.max(ZERO, ledger.invoicedTotal), paid.plus(tail.counted));
    capPayment = toBasis(payable);
    const converted = convertible ? `，折合不含税 ${yuan(capPayment)}` : '';
    trace.push(
      `上限二（付款）：已付款 ${yuan(paid)}，已开票未付 ${yuan(unpaid)}；${unpaid.isZero() ? '无未付尾款' : tail.text}；可认定含税 min(价税合计 ${yuan(Dec.max(ZERO, ledger.invoicedTotal))}，已付款 + 可认定尾款 ${yuan(paid.plus(tail.counted))}) = ${yuan(payable)}${converted}`,
    );
  }

  let counted = accepted;
  const terms = [`认定 ${formatPlain(accepted)}`, `上限一 ${formatPlain(capContract)}`];
  counted = Dec.min(counted, capContract);
  if (capPayment !== undefined) {
    terms.push(`上限二 ${formatPlain(capPayment)}`);
    counted = Dec.min(counted, capPayment);
  }
  counted = Dec.max(ZERO, counted);
  const floor = accepted.lt(0) ? '，不低于 0' : '';
  trace.push(`计入 min(${terms.join('，')})${floor} = ${yuan(counted)}`);
  const capped = counted.lt(accepted) ? '受上限限制，' : '';
  return result(counted, capped);
}

function basisLine(spending: Spending | undefined): string {
  if (!spending) {
    return '认定口径：本政策未规定投资认定规则，按评审认定的发票不含税金额逐合同计入，每个合同以合同金额（按发票不含税比例折算）为上限，不核对投资类别、付款与尾款';
  }
  const basis = spending.amountBasis === 'including-tax' ? '发票价税合计（含税）' : '发票金额（不含税）';
  const tail = spending.unpaidTailMaxPercent === undefined ? '未付款部分不予认定' : `已开票未付尾款最高认定合同金额的 ${spending.unpaidTailMaxPercent}%`;
  const window =
    spending.invoiceDateFrom !== undefined || spending.invoiceDateTo !== undefined
      ? `；发票日期 ${spending.invoiceDateFrom ?? '不限'} 至 ${spending.invoiceDateTo ?? '不限'}`
      : '';
  return `认定口径（${spending.source}）：以${basis}为准；可认定类别 ${spending.eligibleCategories.join('、')}${spending.excludedCategories.length > 0 ? `，不含 ${spending.excludedCategories.join('、')}` : ''}${window}；每个合同计入额不超过合同金额（合同金额含税，按本合同发票不含税/价税合计比例折算）及已付款加可认定尾款（同比例折算），${tail}`;
}

/** 1315600 → 1,315,600.00 (no unit), for formulas. */
function formatPlain(value: Dec | string): string {
  return yuan(value).replace(/ 元$/u, '');
}
