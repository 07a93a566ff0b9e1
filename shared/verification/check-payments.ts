import type { FindingSink } from './findings';
import { normalizeCode, normalizeName } from './names';
import { yuan, type ContractLedger, type ProjectIndex } from './project-index';

/**
 * Payments (付款凭证), the third leg of contract + invoice + payment (DOMAIN.md §1):
 * - THIRD_PARTY_PAYMENT: paid by someone other than the applicant — the money flow
 *   does not show the applicant spent it; a warning on the payment and on the invoices
 *   of its contract. (The payment still counts as paid in the verified investment; the
 *   reviewer decides.)
 * - PAYEE_NOT_CONTRACTOR: paid to someone other than the contract's supplier.
 * - NO_CONTRACT: a payment without a contract, or with a number not on the 合同 sheet.
 * - DUPLICATE_PAYMENT: one voucher entered twice (same number, date, amount and payee),
 *   which would inflate what counts as paid.
 */
export function checkPayments(index: ProjectIndex, sink: FindingSink): void {
  const thirdParty = new Map<ContractLedger, string[]>();
  const seen = new Map<string, number[]>();
  for (const { payment, rowNo, ledger, contractKey, amount } of index.payments) {
    const payer = normalizeName(payment.payer);
    if (payer === '') {
      sink.payment(rowNo, 'THIRD_PARTY_PAYMENT', 'warning', `付款方为空，无法核对是否由申报单位「${index.project.applicant.trim()}」支付`);
    } else if (index.applicantName !== '' && payer !== index.applicantName) {
      sink.payment(
        rowNo,
        'THIRD_PARTY_PAYMENT',
        'warning',
        `付款方「${payment.payer.trim()}」不是申报单位「${index.project.applicant.trim()}」，属第三方代付，资金流与发票、合同不一致，请核实`,
      );
      if (ledger) {
        const list = thirdParty.get(ledger);
        const entry = `凭证「${payment.voucherNo.trim()}」${amount ? ` ${yuan(amount)}` : ''}由「${payment.payer.trim()}」支付`;
        if (list) list.push(entry);
        else thirdParty.set(ledger, [entry]);
      }
    }

    if (!ledger) {
      sink.payment(
        rowNo,
        'NO_CONTRACT',
        'warning',
        contractKey === ''
          ? '付款记录未填写合同编号，无法计入任何合同的已付款'
          : `付款记录的合同编号「${payment.contractNo.trim()}」不在合同表中，无法计入任何合同的已付款`,
      );
    } else if (normalizeName(payment.payee) !== normalizeName(ledger.contract.supplierName)) {
      sink.payment(
        rowNo,
        'PAYEE_NOT_CONTRACTOR',
        'warning',
        `收款方「${payment.payee.trim()}」与合同「${ledger.contract.contractNo}」的供应商「${ledger.contract.supplierName.trim()}」不一致，请核实款项去向`,
      );
    }

    const voucher = normalizeCode(payment.voucherNo);
    if (voucher !== '') {
      const key = `${voucher}|${payment.paidOn.trim()}|${amount?.toFixed(2) ?? payment.amount}|${normalizeName(payment.payee)}`;
      const rows = seen.get(key);
      if (rows) rows.push(rowNo);
      else seen.set(key, [rowNo]);
    }
  }

  for (const [ledger, entries] of thirdParty) {
    const message = `所属合同「${ledger.contract.contractNo}」有第三方代付：${entries.slice(0, 5).join('；')}${entries.length > 5 ? ` 等 ${entries.length} 笔` : ''}`;
    for (const row of ledger.invoices) sink.invoice(row.rowNo, 'THIRD_PARTY_PAYMENT', 'warning', message);
  }
  for (const rows of seen.values()) {
    if (rows.length < 2) continue;
    for (const rowNo of rows) {
      const others = rows
        .filter((r) => r !== rowNo)
        .slice(0, 5)
        .map((r) => `第 ${r} 行`)
        .join('、');
      sink.payment(rowNo, 'DUPLICATE_PAYMENT', 'warning', `与付款表${others}的凭证号、日期、金额和收款方均相同，疑似同一笔付款重复录入，重复部分会虚增已付款`);
    }
  }
}
