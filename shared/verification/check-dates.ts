import type { Spending } from '../rules/rule-set-schema';
import type { FindingSink } from './findings';
import { isValidDate, type ProjectIndex } from './project-index';

/**
 * DATE_OUTSIDE_WINDOW: the rule set's invoice window (Xiamen §五(二):
 * 2024-01-01..2026-12-31), read from the rule set so each policy brings its own period; statutory:
 * the text says such an invoice is no investment, so no decision counts it (a correction may).
 * Not checked when the policy has no spending rules.
 * DATE_BEFORE_CONTRACT: an invoice (or a payment) dated before its contract was
 * signed — an invoice for something else, or a contract signed afterwards to
 * fit the invoice (补签); a warning for the reviewer to ask about.
 */
export function checkDates(index: ProjectIndex, sink: FindingSink, spending: Spending | undefined): void {
  const from = spending?.invoiceDateFrom;
  const to = spending?.invoiceDateTo;
  const window = `${from ?? '不限'} 至 ${to ?? '不限'}`;
  const source = spending === undefined ? '' : `（${spending.source}）`;
  for (const { invoice, rowNo, ledger } of index.invoices) {
    const date = invoice.issuedOn.trim();
    if (!isValidDate(date)) {
      sink.invoice(rowNo, 'DATE_OUTSIDE_WINDOW', 'warning', `开票日期「${invoice.issuedOn}」无法识别，未能核对是否在认定期间内`);
      continue;
    }
    if ((from !== undefined && date < from) || (to !== undefined && date > to)) {
      const statutory = spending === undefined ? {} : { statutory: spending.source };
      sink.invoice(rowNo, 'DATE_OUTSIDE_WINDOW', 'error', `开票日期 ${date} 不在认定期间 ${window} 内${source}`, statutory);
    }
    const signedOn = ledger?.contract.signedOn?.trim();
    if (ledger && signedOn && isValidDate(signedOn) && date < signedOn) {
      sink.invoice(
        rowNo,
        'DATE_BEFORE_CONTRACT',
        'warning',
        `开票日期 ${date} 早于合同「${ledger.contract.contractNo}」签订日期 ${signedOn}，请核实是否先开票后补签合同`,
      );
    }
  }
  for (const { payment, rowNo, ledger } of index.payments) {
    const date = payment.paidOn.trim();
    const signedOn = ledger?.contract.signedOn?.trim();
    if (ledger && signedOn && isValidDate(signedOn) && isValidDate(date) && date < signedOn) {
      sink.payment(
        rowNo,
        'DATE_BEFORE_CONTRACT',
        'warning',
        `付款日期 ${date} 早于合同「${ledger.contract.contractNo}」签订日期 ${signedOn}，请核实该笔付款是否属于本合同`,
      );
    }
  }
}
