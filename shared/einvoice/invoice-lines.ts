import type { EInvoiceLine } from '../verification/types';
import { childOf, descendantsOf, textOf, type XmlNode } from './xml';

/**
 * The lines (明细) of an e-invoice, from whichever structure the file uses. Each format names the
 * same columns differently; a line is kept when it has a name.
 */

/** Element names of one line's columns, in order of preference, per format. */
const LINE_COLUMNS: Record<keyof EInvoiceLine, readonly string[]> = {
  // 数电 XML: IssuItemInformation/ItemName…; tax-control OFD: GoodsInfo/Item…; XBRL facts: the descriptive names.
  name: ['ItemName', 'Item', 'GoodsName', 'NameOfGoodsOrServices', 'ItemNameOfGoodsOrServices'],
  spec: ['SpecMod', 'Specification', 'SpecificationAndModel'],
  unit: ['MeaUnits', 'MeasurementDimension', 'Unit', 'UnitOfMeasurement'],
  quantity: ['Quantity'],
  unitPrice: ['UnPrice', 'Price', 'UnitPrice'],
  amount: ['Amount', 'AmountExcludingTax'],
  taxRate: ['TaxRate', 'TaxScheme'],
  tax: ['ComTaxAm', 'TaxAmount', 'Tax'],
};

/** Elements that hold one line each. */
const LINE_ELEMENTS = ['IssuItemInformation', 'GoodsInfo', 'InvoiceItem', 'ItemInformation', 'LineItem', 'DetailOfGoodsOrServices'];

/** Every line under `root`, in document order; undefined when there is none. */
export function linesOfXml(root: XmlNode): EInvoiceLine[] | undefined {
  for (const element of LINE_ELEMENTS) {
    const lines = descendantsOf(root, element).flatMap((node) => {
      const line = lineOf(node);
      return line === undefined ? [] : [line];
    });
    if (lines.length > 0) return lines;
  }
  return undefined;
}

function lineOf(node: XmlNode): EInvoiceLine | undefined {
  const value = (names: readonly string[]): string => names.map((name) => textOf(childOf(node, name))).find((text) => text !== '') ?? '';
  const name = value(LINE_COLUMNS.name);
  if (name === '') return undefined;
  const line: EInvoiceLine = { name };
  for (const key of ['spec', 'unit', 'quantity', 'unitPrice', 'amount', 'taxRate', 'tax'] as const) {
    const text = value(LINE_COLUMNS[key]);
    if (text !== '') line[key] = text;
  }
  return line;
}

/**
 * Names of the lines among the texts of a page: every issued VAT invoice prints a line's name as
 * `*税收分类简称*品名`, which nothing else on the page looks like. Used where the file keeps the lines
 * only on the page (数电 OFD, PDF).
 */
export function lineNamesInText(texts: readonly string[]): EInvoiceLine[] | undefined {
  const names: string[] = [];
  for (const text of texts) {
    for (const match of text.matchAll(/[*＊][\u4e00-\u9fff][^*＊\s]{0,29}[*＊][^\s*＊]{0,60}/gu)) names.push(match[0].replace(/＊/gu, '*'));
  }
  return names.length === 0 ? undefined : names.map((name) => ({ name }));
}
