import { fail, ok, type Result } from '../domain/result';
import type { EInvoiceData } from '../verification/types';
import {
  compactData,
  hasNegativeAmount,
  invoiceIdentity,
  missingFieldsMessage,
  optionalDate,
  originalInvoiceKey,
  originalKeyFromRemark,
  readMoneyFields,
} from './fields';
import { linesOfXml } from './invoice-lines';
import { childOf, parseXml, pathOf, textOf, type XmlNode } from './xml';

/**
 * The 数电 invoice data file (DOMAIN.md §2 "Files"; structure of the Ministry of Finance sample,
 * test/fixtures/einvoice/shudian-special-official-sample.xml):
 *
 * EInvoice
 *   Header/EIid, Header/InherentLabel/InIssuType/LabelCode (Y = blue, N = red)
 *   EInvoiceData/SellerInformation/SellerIdNum, SellerName; BuyerInformation/BuyerIdNum, BuyerName
 *   EInvoiceData/BasicInformation/TotalAmWithoutTax, TotalTaxAm, TotalTax-includedAmount,
 *     TotalTax-includedAmountInChinese, RequestTime
 *   EInvoiceData/SpecificInformation/RedEInvoice (red invoices), AdditionalInformation/Remark
 *   TaxSupervisionInfo/InvoiceNumber, IssueTime
 *
 * The published sample is blue, so the children of RedEInvoice are not confirmed by an official
 * file: a real red file was reported with OriginalInvoiceCode (holding the 20-digit blue number) and
 * CreditNoteNumber (the 红字确认单), and the sample generator of this project writes
 * OriginalInvoiceNumber. All of these are read; the 备注 「被红冲蓝字数电票号码：…」 is the fallback.
 */

export const SHUDIAN_XML_SOURCE = '数电XML';

const WHAT = '数电发票数据文件';

/** Elements inside RedEInvoice that may hold the blue invoice's number; the first non-empty wins. */
const ORIGINAL_NUMBER_ELEMENTS = ['OriginalInvoiceNumber', 'OriginalEInvoiceNumber', 'OriginalInvoiceNo', 'BlueInvoiceNumber'];
const ORIGINAL_CODE_ELEMENTS = ['OriginalInvoiceCode', 'OriginalEInvoiceCode', 'BlueInvoiceCode'];

export function readShudianXml(fileName: string, xml: string): Result<EInvoiceData> {
  const parsed = parseXml(xml, WHAT);
  if (!parsed.ok) return parsed;
  const { name, node: root } = parsed.value;
  if (name.toLowerCase() !== 'einvoice') {
    return fail(`不是数电发票数据文件：根元素是「${name}」，应为 EInvoice`);
  }
  const text = (...path: string[]): string => textOf(pathOf(root, ...path));
  const data = childOf(root, 'EInvoiceData');
  const basic = childOf(data, 'BasicInformation');

  const numberText = text('TaxSupervisionInfo', 'InvoiceNumber') || text('Header', 'EIid');
  const dateText = text('TaxSupervisionInfo', 'IssueTime') || textOf(childOf(basic, 'RequestTime'));
  const moneyTexts = {
    amount: { text: textOf(childOf(basic, 'TotalAmWithoutTax')), label: '合计金额（TotalAmWithoutTax）' },
    tax: { text: textOf(childOf(basic, 'TotalTaxAm')), label: '合计税额（TotalTaxAm）' },
    total: { text: textOf(childOf(basic, 'TotalTax-includedAmount')), label: '价税合计（TotalTax-includedAmount）' },
  };

  const missing = [
    numberText === '' ? '发票号码（TaxSupervisionInfo/InvoiceNumber 或 Header/EIid）' : '',
    dateText === '' ? '开票日期（TaxSupervisionInfo/IssueTime 或 BasicInformation/RequestTime）' : '',
    moneyTexts.amount.text === '' ? moneyTexts.amount.label : '',
    moneyTexts.total.text === '' ? moneyTexts.total.label : '',
  ].filter((label) => label !== '');
  const missingMessage = missingFieldsMessage(WHAT, missing);
  if (missingMessage !== undefined) return fail(missingMessage);

  const id = invoiceIdentity('', numberText, '发票号码');
  if (!id.ok) return id;
  if (id.value.kind !== 'digital') return fail(`发票号码「${numberText}」不是 20 位数电发票号码`);
  const issuedOn = optionalDate(dateText, '开票日期');
  if (!issuedOn.ok) return issuedOn;
  const money = readMoneyFields(moneyTexts);
  if (!money.ok) return money;

  const redElement = pathOf(data, 'SpecificInformation', 'RedEInvoice');
  const red = isRed(text('Header', 'InherentLabel', 'InIssuType', 'LabelCode'), redElement, hasNegativeAmount(money.value));
  const seller = childOf(data, 'SellerInformation');
  const buyer = childOf(data, 'BuyerInformation');

  return ok(
    compactData<EInvoiceData>({
      source: SHUDIAN_XML_SOURCE,
      fileName,
      number: id.value.number,
      issuedOn: issuedOn.value,
      sellerName: textOf(childOf(seller, 'SellerName')),
      sellerTaxId: textOf(childOf(seller, 'SellerIdNum')),
      buyerName: textOf(childOf(buyer, 'BuyerName')),
      buyerTaxId: textOf(childOf(buyer, 'BuyerIdNum')),
      ...money.value,
      totalInWords: textOf(childOf(basic, 'TotalTax-includedAmountInChinese')),
      red,
      originalNumber: red ? originalNumberOf(redElement, textOf(pathOf(data, 'AdditionalInformation', 'Remark'))) : undefined,
      lines: linesOfXml(data),
    }),
  );
}

/** The label decides; without one (or with an unknown code) a RedEInvoice element or negative amounts do. */
function isRed(labelCode: string, redElement: XmlNode, negative: boolean): boolean {
  const code = labelCode.toUpperCase();
  if (code === 'Y') return false;
  if (code === 'N') return true;
  return redElement !== undefined || negative;
}

function originalNumberOf(redElement: XmlNode, remark: string): string | undefined {
  const first = (names: readonly string[]): string => names.map((name) => textOf(childOf(redElement, name))).find((value) => value !== '') ?? '';
  return originalInvoiceKey(first(ORIGINAL_CODE_ELEMENTS), first(ORIGINAL_NUMBER_ELEMENTS)) ?? originalKeyFromRemark(remark);
}
