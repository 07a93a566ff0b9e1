import { checkExcludedSpending, extractTaxCategory } from '../domain/tax-category';
import type { Spending } from '../rules/rule-set-schema';
import { attachmentList, createAttachmentResolver } from './attachments';
import type { FindingSink } from './findings';
import { normalizeName } from './names';
import type { ProjectIndex } from './project-index';
import type { EInvoiceLine } from './types';

/**
 * The lines (明细) of an attached e-invoice against its row:
 * - ATTACHMENT_MISMATCH (warning): no line of the file is the row's 项目名称 — the sheet may
 *   describe another purchase than the invoice;
 * - EXCLUDED_SPENDING: a line whose tax category is 建筑服务, 不动产, 土地… while the row's
 *   项目名称 does not show it (a sheet that names only the first line, or a summary name such as
 *   「设备一批」, hides a construction line). Error when the policy has spending rules, as for the
 *   row's own name (check-spending.ts); the reviewer judges installation work invoiced as 建筑服务.
 */
export function checkEInvoiceLines(index: ProjectIndex, sink: FindingSink, spending: Spending | undefined): void {
  const resolve = createAttachmentResolver(index.project);
  for (const row of index.invoices) {
    const seen = new Set<string>();
    for (const written of attachmentList(row.invoice.attachments)) {
      const data = resolve(written).einvoice;
      const lines = data?.lines;
      if (data === undefined || lines === undefined || lines.length === 0 || seen.has(data.fileName)) continue;
      seen.add(data.fileName);
      const itemName = row.invoice.itemName.trim();
      if (itemName !== '' && !lines.some((line) => sameItem(line.name, itemName))) {
        sink.invoice(
          row.rowNo,
          'ATTACHMENT_MISMATCH',
          'warning',
          `附件「${data.fileName}」的明细中没有本行的项目名称「${itemName}」：明细为 ${lineList(lines)}，请核对登记的是否为这张发票所购内容`,
        );
      }
      if (checkExcludedSpending(itemName).excluded) continue; // the row's own name is flagged by check-spending
      for (const line of lines) {
        const check = checkExcludedSpending(line.name);
        if (!check.excluded) continue;
        const severity = check.rule.where === 'category' && spending !== undefined ? 'error' : 'warning';
        sink.invoice(
          row.rowNo,
          'EXCLUDED_SPENDING',
          severity,
          `附件「${data.fileName}」的明细「${line.name}」${line.amount === undefined ? '' : `（金额 ${line.amount}）`}${check.rule.reason}；表中项目名称「${itemName}」未显示这一点，请核对该部分是否应计入`,
        );
      }
    }
  }
}

/** Same purchase: equal names, or one product name contains the other (「服务器」 in 「*计算机配套产品*服务器」). */
function sameItem(lineName: string, itemName: string): boolean {
  const product = (name: string): string => normalizeName(extractTaxCategory(name)?.productName ?? name);
  const a = normalizeName(lineName);
  const b = normalizeName(itemName);
  if (a === b) return true;
  const pa = product(lineName);
  const pb = product(itemName);
  return pa !== '' && pb !== '' && (pa.includes(pb) || pb.includes(pa));
}

function lineList(lines: readonly EInvoiceLine[]): string {
  const shown = lines.slice(0, 5).map((line) => `「${line.name}」`);
  return lines.length > 5 ? `${shown.join('、')} 等 ${String(lines.length)} 行` : shown.join('、');
}
