import { parseDate } from '../domain/dates';
import { attachmentList, createAttachmentResolver } from './attachments';
import type { FindingSink } from './findings';
import { compareWithRow } from './compare-attachment';
import type { IndexedInvoice, ProjectIndex } from './project-index';
import type { EInvoiceData } from './types';

/**
 * MISSING_ATTACHMENT: a 附件 cell names a file the package does not hold.
 * ATTACHMENT_MISMATCH: an attached e-invoice (数电 XML, OFD, QR payload) says
 * something else than its row. The file carries the tax bureau's data, so a
 * different number, date, amount or tax id is an error; names that differ while
 * the tax ids agree are a warning (abbreviations, an old company name).
 */
export function checkAttachments(index: ProjectIndex, sink: FindingSink): void {
  const resolve = createAttachmentResolver(index.project);
  const dates = new Map<string, string | undefined>();
  const isoOf = (raw: string): string | undefined => {
    if (!dates.has(raw)) {
      const parsed = parseDate(raw);
      dates.set(raw, parsed.ok ? parsed.value : undefined);
    }
    return dates.get(raw);
  };

  for (const row of index.invoices) {
    for (const written of attachmentList(row.invoice.attachments)) {
      const found = resolve(written);
      if (found.fileName === undefined) {
        sink.invoice(row.rowNo, 'MISSING_ATTACHMENT', 'warning', `附件「${written}」不在项目附件目录中，无法查看发票原件`);
      }
      if (found.einvoice) {
        compare(row, found.einvoice, isoOf, sink);
        if (found.einvoice.documentKind !== undefined) {
          sink.invoice(
            row.rowNo,
            'ATTACHMENT_MISMATCH',
            'info',
            `附件「${found.einvoice.fileName}」是${found.einvoice.documentKind}，不是增值税发票，通常属于差旅等费用，请核对是否应计入技改投资`,
          );
        }
      } else if (found.fileName !== undefined && (/\.(?:xml|ofd)$/iu.test(found.fileName) || index.project.einvoiceErrors?.has(found.fileName) === true)) {
        // A PDF is only an e-invoice file when its text says so: a contract attached here is not flagged.
        const reason = index.project.einvoiceErrors?.get(found.fileName);
        sink.invoice(
          row.rowNo,
          'ATTACHMENT_MISMATCH',
          'info',
          `附件「${found.fileName}」未能读取出发票数据${reason === undefined ? '' : `（${reason}）`}，未与本行比对，请人工查看`,
        );
      }
    }
  }
  for (const contract of index.project.contracts) {
    for (const written of attachmentList(contract.attachments)) {
      if (resolve(written).fileName === undefined) {
        sink.contract(contract.contractNo, 'MISSING_ATTACHMENT', 'warning', `合同附件「${written}」不在项目附件目录中`);
      }
    }
  }
  for (const payment of index.project.payments) {
    for (const written of attachmentList(payment.attachments)) {
      if (resolve(written).fileName === undefined) {
        sink.payment(payment.rowNo, 'MISSING_ATTACHMENT', 'warning', `付款凭证附件「${written}」不在项目附件目录中`);
      }
    }
  }
}

function compare(row: IndexedInvoice, data: EInvoiceData, isoOf: (raw: string) => string | undefined, sink: FindingSink): void {
  const fields = compareWithRow(row.invoice, data, row, isoOf).filter((field) => !field.match);
  const hard = fields.filter((field) => field.strict).map((field) => field.message);
  const soft = fields.filter((field) => !field.strict).map((field) => field.message);
  if (data.qrMismatch !== undefined) hard.push(`附件二维码与票面文字不符（${data.qrMismatch}），票面可能被改动`);
  if (hard.length === 0 && soft.length === 0) return;
  sink.invoice(
    row.rowNo,
    'ATTACHMENT_MISMATCH',
    hard.length > 0 ? 'error' : 'warning',
    `附件「${data.fileName}」（${data.documentKind ?? data.source}）与本行不一致：${[...hard, ...soft].join('；')}`,
  );
}
