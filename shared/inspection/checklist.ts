import type { Sha256Hex } from '../audit/audit-chain';
import type { InspectionLineSource } from '../codes/codes';
import { Dec } from '../domain/decimal';
import { roundMoney, type MoneyString } from '../domain/money';
import { extractTaxCategory } from '../domain/tax-category';
import { attachmentList, createAttachmentResolver } from '../verification/attachments';
import { normalizeContractNo } from '../verification/names';
import type { EInvoiceLine, VContract, VInvoice, VProject } from '../verification/types';
import { equipmentLineId, indicatorId } from './line-id';
import { quantityText, readDecimal } from './numbers';

/** One invoice behind an equipment line: the line's amount on it (excluding tax). */
export interface ChecklistInvoice {
  rowNo: number;
  key: string;
  number: string;
  amount: MoneyString;
}

/** An equipment line of the on-site checklist, before anyone observed it. */
export interface ChecklistLine {
  id: string;
  name: string;
  model: string | null;
  /** Invoiced quantity; null when some of it is known only as an invoice sheet row (one lot). */
  quantity: string | null;
  unit: string | null;
  /** Unit price excluding tax when every invoice line of it states the same one. */
  unitPrice: MoneyString | null;
  amount: MoneyString;
  supplier: string;
  contractNo: string;
  contractName: string;
  invoices: ChecklistInvoice[];
  source: InspectionLineSource;
}

/** A row of the package's 绩效指标 sheet. */
export interface IndicatorRow {
  category: string;
  name: string;
  unit: string;
  target: string;
  achieved: string;
}

export interface ChecklistIndicator {
  id: string;
  category: string;
  name: string;
  unit: string;
  target: string;
  claimed: string;
}

export interface Checklist {
  lines: ChecklistLine[];
  indicators: ChecklistIndicator[];
}

/** One purchase read from an invoice: an e-invoice line, or the sheet row itself. */
interface Item {
  name: string;
  model: string | null;
  unit: string | null;
  quantity: Dec | undefined;
  unitPrice: Dec | undefined;
  amount: Dec;
}

interface Accumulator {
  line: Omit<ChecklistLine, 'quantity' | 'unit' | 'unitPrice' | 'amount' | 'invoices'>;
  order: number;
  items: Item[];
  byInvoice: Map<number, { invoice: VInvoice; amount: Dec }>;
}

/**
 * The checklist of a project: its equipment lines and its indicators.
 *
 * Each invoice row contributes the lines (明细) of its attached e-invoice where the file lists them
 * with amounts (name, 规格型号, 单位, 数量, 单价, 金额), else the row itself as one lot (项目名称,
 * 金额). Purchases of the same equipment — same contract, name and model — on several invoices are
 * one line. Red invoices count with their sign, so an equipment line fully reversed nets to nothing
 * and is left out; a red invoice is never listed behind a line.
 */
export function buildChecklist(project: VProject, indicatorRows: readonly IndicatorRow[], sha256: Sha256Hex): Checklist {
  const resolve = createAttachmentResolver(project);
  const contracts = new Map<string, { contract: VContract; index: number }>();
  project.contracts.forEach((contract, index) => {
    const folded = normalizeContractNo(contract.contractNo);
    if (!contracts.has(folded)) contracts.set(folded, { contract, index });
  });
  const lines = new Map<string, Accumulator>();
  let appearance = 0;

  for (const invoice of project.invoices) {
    const found = invoice.contractNo.trim() === '' ? undefined : contracts.get(normalizeContractNo(invoice.contractNo));
    const contractNo = found?.contract.contractNo ?? invoice.contractNo.trim();
    const detailed = einvoiceLinesOf(invoice, resolve);
    const items = detailed ? detailed.map(itemOfLine) : [itemOfRow(invoice)];
    for (const item of items) {
      const id = equipmentLineId(sha256, contractNo, item.name, item.model);
      let acc = lines.get(id);
      if (!acc) {
        acc = {
          line: {
            id,
            name: item.name,
            model: item.model,
            supplier: found?.contract.supplierName ?? invoice.sellerName,
            contractNo,
            contractName: found?.contract.name ?? '',
            source: detailed ? 'einvoice-lines' : 'invoice-rows',
          },
          // Contract sheet order first, lines without a contract last; within, first appearance.
          order: (found?.index ?? project.contracts.length) * 1_000_000 + appearance++,
          items: [],
          byInvoice: new Map(),
        };
        lines.set(id, acc);
      }
      acc.items.push(item);
      const share = acc.byInvoice.get(invoice.rowNo);
      if (share) share.amount = share.amount.plus(item.amount);
      else acc.byInvoice.set(invoice.rowNo, { invoice, amount: item.amount });
    }
  }

  const built = [...lines.values()]
    .sort((a, b) => a.order - b.order)
    .flatMap((acc) => {
      const line = finishLine(acc);
      return line ? [line] : [];
    });
  const indicators = indicatorRows.map((row) => ({
    id: indicatorId(sha256, row.category, row.name),
    category: row.category,
    name: row.name,
    unit: row.unit,
    target: row.target,
    claimed: row.achieved,
  }));
  return { lines: built, indicators: uniqueIds(indicators) };
}

/** The structured lines of the row's first attached e-invoice that has them (amounts included). */
function einvoiceLinesOf(invoice: VInvoice, resolve: ReturnType<typeof createAttachmentResolver>): EInvoiceLine[] | undefined {
  for (const written of attachmentList(invoice.attachments)) {
    const lines = resolve(written).einvoice?.lines;
    // Lines read off a page's text carry only names (shared/einvoice/invoice-lines.ts): not enough to count.
    if (lines && lines.length > 0 && lines.every((line) => readDecimal(line.amount) !== undefined)) return lines;
  }
  return undefined;
}

const blankToNull = (text: string | undefined): string | null => (text === undefined || text.trim() === '' ? null : text.trim());

function productName(name: string): string {
  const product = extractTaxCategory(name)?.productName.trim();
  return product === undefined || product === '' ? name.trim() : product;
}

function itemOfLine(line: EInvoiceLine): Item {
  return {
    name: productName(line.name),
    model: blankToNull(line.spec),
    unit: blankToNull(line.unit),
    quantity: readDecimal(line.quantity),
    unitPrice: readDecimal(line.unitPrice),
    amount: readDecimal(line.amount) ?? new Dec(0),
  };
}

function itemOfRow(invoice: VInvoice): Item {
  return { name: productName(invoice.itemName), model: null, unit: null, quantity: undefined, unitPrice: undefined, amount: new Dec(invoice.amount) };
}

function finishLine(acc: Accumulator): ChecklistLine | undefined {
  const amount = acc.items.reduce((sum, item) => sum.plus(item.amount), new Dec(0));
  if (amount.lte(0)) return undefined;
  const counted = acc.items.every((item) => item.quantity !== undefined);
  const quantity = counted ? acc.items.reduce((sum, item) => sum.plus(item.quantity ?? 0), new Dec(0)) : undefined;
  const positive = acc.items.filter((item) => item.amount.gt(0));
  const prices = positive.map((item) => item.unitPrice);
  const firstPrice = prices[0];
  const samePrice = quantity !== undefined && firstPrice !== undefined && prices.every((price) => price?.eq(firstPrice) === true);
  const units = new Set(positive.map((item) => item.unit));
  return {
    ...acc.line,
    quantity: quantity !== undefined && quantity.gt(0) ? quantityText(quantity) : null,
    unit: units.size === 1 ? ([...units][0] ?? null) : null,
    unitPrice: samePrice ? roundMoney(firstPrice) : null,
    amount: roundMoney(amount),
    invoices: [...acc.byInvoice.values()]
      .filter((share) => share.amount.gt(0))
      .map(({ invoice, amount: share }) => ({ rowNo: invoice.rowNo, key: invoice.key, number: invoice.number, amount: roundMoney(share) })),
  };
}

/** Two indicator rows of the same category and name (a sheet listing one twice) keep distinct ids. */
function uniqueIds(indicators: ChecklistIndicator[]): ChecklistIndicator[] {
  const seen = new Map<string, number>();
  return indicators.map((indicator) => {
    const count = (seen.get(indicator.id) ?? 0) + 1;
    seen.set(indicator.id, count);
    return count === 1 ? indicator : { ...indicator, id: `${indicator.id}-${String(count)}` };
  });
}
