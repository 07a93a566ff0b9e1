import { Dec } from '../domain/decimal';
import type { Spending } from '../rules/rule-set-schema';
import { unpaidTailAllowance } from '../rules/spending';
import type { FindingSink } from './findings';
import { normalizeCode, normalizeContractNo, normalizeName } from './names';
import { money, yuan, ZERO, type ContractLedger, type IndexedInvoice, type ProjectIndex } from './project-index';

/**
 * Invoices against their contracts (contract + invoice + payment must agree, DOMAIN.md §1):
 * - NO_CONTRACT: no contract number, or one that is not on the 合同 sheet; statutory when the
 *   rule set requires a contract as evidence (Xiamen §五(二) 提供对应合同及付款凭证).
 * - NO_PAYMENT: an invoice on a contract without any payment record, statutory when the rule set
 *   requires a payment voucher.
 * - SELLER_NOT_CONTRACTOR: the invoice's seller is not the contract's supplier (name or code).
 * - CONTRACT_OVERINVOICED: invoices (价税合计, red ones netted) above the contract amount
 *   (which includes tax). The contract gets an error; walking its invoices by date, an
 *   invoice wholly beyond the amount gets an error and the one that crosses it a warning
 *   naming the part within the contract.
 * - UNPAID_BEYOND_TAIL: invoiced but unpaid more than the tail that may count: the tail the
 *   contract stipulates (约定尾款), at most the rule set's share of the contract amount (Xiamen
 *   §五(二): 合同中有约定尾款部分的…最高不超过对应合同金额的10%); none when the rule set names none.
 * - TAIL_NOT_STIPULATED: invoiced but unpaid on a contract whose 约定尾款 is empty, under a rule
 *   set that allows a tail: nothing unpaid counts until a reviewer confirms the clause by a
 *   correction of 约定尾款 citing the contract page. Neither checked without spending rules.
 * - DUPLICATE_CONTRACT, CONTRACT_OVERPAID: the same number twice on the sheet; payments above the amount.
 */
export function checkContracts(index: ProjectIndex, sink: FindingSink, spending: Spending | undefined): void {
  const needsContract = requires(spending, '合同');
  const needsPayment = requires(spending, '付款凭证');
  for (const row of index.invoices) {
    const { invoice, rowNo, ledger } = row;
    if (!ledger) {
      const message =
        row.contractKey === ''
          ? '未填写合同编号，无法与合同和付款凭证对应（核定投资额须有对应合同）'
          : `合同编号「${invoice.contractNo.trim()}」不在合同表中，无法与合同和付款凭证对应`;
      sink.invoice(rowNo, 'NO_CONTRACT', 'error', needsContract ? `${message}（${needsContract}）` : message, needsContract ? { statutory: needsContract } : {});
      continue;
    }
    if (needsPayment && ledger.payments.length === 0 && (row.total?.gt(0) ?? false)) {
      sink.invoice(rowNo, 'NO_PAYMENT', 'error', `所属合同「${ledger.contract.contractNo}」没有任何付款记录，发票缺少付款凭证佐证，依规不计入（${needsPayment}）`, {
        statutory: needsPayment,
      });
    }
    const { contract } = ledger;
    const differences: string[] = [];
    if (normalizeName(invoice.sellerName) !== normalizeName(contract.supplierName)) {
      differences.push(`销售方「${invoice.sellerName.trim()}」与合同「${contract.contractNo}」的供应商「${contract.supplierName.trim()}」不一致`);
    }
    const sellerCode = normalizeCode(invoice.sellerTaxId);
    const supplierCode = normalizeCode(contract.supplierCode);
    if (sellerCode !== '' && supplierCode !== '' && sellerCode !== supplierCode) {
      differences.push(`销售方纳税人识别号「${sellerCode}」与合同供应商统一社会信用代码「${supplierCode}」不一致`);
    }
    if (differences.length > 0) sink.invoice(rowNo, 'SELLER_NOT_CONTRACTOR', 'error', differences.join('；'));
  }

  for (const duplicate of index.duplicateContracts) {
    const first = index.ledgers.get(normalizeContractNo(duplicate.contractNo));
    const firstRow = first ? `第 ${first.contract.rowNo} 行` : '前面';
    sink.contract(
      duplicate.contractNo,
      'DUPLICATE_CONTRACT',
      'error',
      `合同编号「${duplicate.contractNo}」在合同表第 ${duplicate.rowNo} 行再次出现（首次在${firstRow}），发票和付款按首次出现的合同核对`,
    );
  }

  for (const ledger of index.ledgers.values()) {
    const no = ledger.contract.contractNo;
    if (ledger.amount === undefined) {
      sink.contract(no, 'CONTRACT_OVERINVOICED', 'warning', `合同金额「${ledger.contract.amount}」无法读取，未能核对开票和付款是否超出合同金额`);
      continue;
    }
    checkOverinvoiced(ledger, ledger.amount, sink);
    if (ledger.paid.gt(ledger.amount)) {
      sink.contract(
        no,
        'CONTRACT_OVERPAID',
        'warning',
        `合同「${no}」已付款合计 ${yuan(ledger.paid)}，超过合同金额 ${yuan(ledger.amount)}（超出 ${yuan(ledger.paid.minus(ledger.amount))}），请核对付款是否属于本合同`,
      );
    }
    if (spending) checkUnpaidTail(ledger, ledger.amount, spending, sink);
  }
}

/** The rule set's source when it names this evidence as required, else undefined. */
function requires(spending: Spending | undefined, evidence: string): string | undefined {
  return spending?.requiredEvidence.includes(evidence) === true ? spending.source : undefined;
}

/** Invoices in the order they were issued (then by row), so "the ones that push it over" are the later ones. */
export function byIssueOrder(invoices: readonly IndexedInvoice[]): IndexedInvoice[] {
  return [...invoices].sort((a, b) => (a.invoice.issuedOn < b.invoice.issuedOn ? -1 : a.invoice.issuedOn > b.invoice.issuedOn ? 1 : a.rowNo - b.rowNo));
}

function checkOverinvoiced(ledger: ContractLedger, amount: Dec, sink: FindingSink): void {
  if (!ledger.invoicedTotal.gt(amount)) return;
  const no = ledger.contract.contractNo;
  const excess = ledger.invoicedTotal.minus(amount);
  sink.contract(
    no,
    'CONTRACT_OVERINVOICED',
    'error',
    `合同「${no}」金额 ${yuan(amount)}（含税），其发票价税合计 ${yuan(ledger.invoicedTotal)}（${ledger.invoices.length} 张），超出合同金额 ${yuan(excess)}；超出部分不予认定，请核实是否有补充协议`,
  );
  let cumulative = ZERO;
  for (const row of byIssueOrder(ledger.invoices)) {
    if (row.total === undefined) continue;
    const before = cumulative;
    cumulative = cumulative.plus(row.total);
    if (!row.total.gt(0) || !cumulative.gt(amount)) continue;
    if (before.gte(amount)) {
      sink.invoice(
        row.rowNo,
        'CONTRACT_OVERINVOICED',
        'error',
        `合同「${no}」金额 ${yuan(amount)}（含税），本张之前的发票已开 ${yuan(before)}，本张价税合计 ${yuan(row.total)} 全部超出合同金额`,
      );
    } else {
      const within = amount.minus(before);
      sink.invoice(
        row.rowNo,
        'CONTRACT_OVERINVOICED',
        'warning',
        `合同「${no}」金额 ${yuan(amount)}（含税），本张之前的发票已开 ${yuan(before)}，本张价税合计 ${yuan(row.total)} 使累计达到 ${yuan(cumulative)}；合同内仅余 ${yuan(within)}，超出 ${yuan(cumulative.minus(amount))}`,
      );
    }
  }
}

function checkUnpaidTail(ledger: ContractLedger, amount: Dec, spending: Spending, sink: FindingSink): void {
  const unpaid = Dec.max(ZERO, ledger.invoicedTotal.minus(ledger.paid));
  if (unpaid.isZero()) return;
  const tail = unpaidTailAllowance(spending, money(amount), money(unpaid), ledger.contract.agreedTail);
  if (new Dec(tail.excluded).lte(0)) return;
  const no = ledger.contract.contractNo;
  const facts = `合同「${no}」金额 ${yuan(amount)}，已开票（含税）${yuan(ledger.invoicedTotal)}，已付款 ${yuan(ledger.paid)}，未付 ${yuan(unpaid)}`;
  if (tail.unstipulated) {
    const message = `${facts}；合同表未填写约定尾款，未付部分暂不计入。如合同约定了尾款或质保金，请登记更正「约定尾款」并注明合同所在页（${spending.source}）`;
    sink.contract(no, 'TAIL_NOT_STIPULATED', 'warning', message);
    for (const row of ledger.invoices) sink.invoice(row.rowNo, 'TAIL_NOT_STIPULATED', 'warning', message);
    return;
  }
  const message = `${facts}；${tail.text}，超出部分 ${yuan(tail.excluded)}不计入核定投资额（${spending.source}）`;
  sink.contract(no, 'UNPAID_BEYOND_TAIL', 'warning', message);
  for (const row of ledger.invoices) sink.invoice(row.rowNo, 'UNPAID_BEYOND_TAIL', 'warning', message);
}
