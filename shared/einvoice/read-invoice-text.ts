import { moneyEquals } from '../domain/money';
import { fail, ok, type Result } from '../domain/result';
import type { EInvoiceData } from '../verification/types';
import { compactData, hasNegativeAmount, invoiceIdentity, missingFieldsMessage, optionalDate, originalKeyFromRemark, readMoneyFields } from './fields';
import { lineNamesInText } from './invoice-lines';
import { readQrPayload } from './read-qr-payload';

/**
 * The printed text of an e-invoice (the text layer of its PDF, lines as printed) → EInvoiceData.
 * The labels are those every issued invoice prints, in both layouts:
 *
 * - 数电 (电子发票（增值税专用发票）/（普通发票）): 发票号码 (20 digits), 开票日期, 购买方信息 and
 *   销售方信息 side by side, each 「名称：」 and 「统一社会信用代码/纳税人识别号：」, the lines, 「合计
 *   ¥金额 ¥税额」, 「价税合计（大写） ⊗… （小写）¥…」;
 * - 税控 (增值税电子普通发票/电子专用发票): 发票代码 and 发票号码 (8 digits), 开票日期, 校验码, the
 *   buyer's block above the lines and the seller's below, labelled 「名 称：」 (ideographic spaces) and 「纳税人识别号：」.
 *
 * Either way the buyer's name and tax number come first on the page, the seller's second.
 * Documents that carry other labels are recognised and named: a railway e-ticket (电子发票（铁路
 * 电子客票）) is read as such; a bank receipt (回单) is named and refused as an invoice.
 */

export const PDF_SOURCE = 'PDF';
export const RAILWAY_TICKET = '铁路电子客票';

export interface PrintedDocument {
  /** Lines of text in reading order, all pages. */
  readonly lines: readonly string[];
  /** Texts of QR codes found on the first page. */
  readonly qrCodes?: readonly string[];
}

const MONEY = String.raw`-?\d[\d,]*\.\d{2}`;
const YUAN = String.raw`[¥￥]\s*(${MONEY})`;
const DATE = String.raw`(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}-\d{2}-\d{2})`;

/** What kind of document the printed text is, by its title words; undefined when none is recognised. */
export function printedDocumentKind(text: string): 'railway-ticket' | 'bank-receipt' | 'invoice' | undefined {
  const folded = text.replace(/\s+/gu, '');
  if (folded.includes('铁路电子客票')) return 'railway-ticket';
  if (/回单/u.test(folded) && !/发票号码/u.test(folded)) return 'bank-receipt';
  if (/发票号码/u.test(folded) && /(电子发票|增值税电子(?:普通|专用)发票|增值税(?:专用|普通)发票)/u.test(folded)) return 'invoice';
  return undefined;
}

/**
 * Reads the invoice a printed document shows; null when the text is neither an invoice nor a
 * document recognised as something else (a contract, a delivery note: not an e-invoice file).
 */
export function readInvoiceText(fileName: string, printed: PrintedDocument): Result<EInvoiceData> | null {
  const text = printed.lines.join('\n');
  const kind = printedDocumentKind(text);
  if (kind === 'bank-receipt') return fail('此文件是银行回单（付款凭证），不是增值税发票，没有发票数据可与本行比对');
  if (kind === undefined) return null;
  return kind === 'railway-ticket' ? readRailwayTicket(fileName, text) : readPrintedInvoice(fileName, text, printed.qrCodes ?? []);
}

function first(text: string, pattern: RegExp): string {
  return pattern.exec(text)?.[1]?.trim() ?? '';
}

function all(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((match) => (match[1] ?? '').trim());
}

function readPrintedInvoice(fileName: string, text: string, qrCodes: readonly string[]): Result<EInvoiceData> {
  const number = first(text, /发票号码\s*[:：]\s*(\d{20}|\d{8})(?!\d)/u);
  const code = first(text, /发票代码\s*[:：]\s*(\d{10,12})(?!\d)/u);
  const date = first(text, new RegExp(`开票日期\\s*[:：]\\s*${DATE}`, 'u')).replace(/\s+/gu, '');
  // 「名称：」 on the 数电 layout, 「名 称：」 (with ideographic spaces) on the tax-control one; buyer first, seller second.
  // A company name is one run of text without spaces; what follows on the line is another box.
  const names = all(text, /名\s*称\s*[:：]\s*([^\s:：]+)/gu);
  const taxIds = all(text, /(?:统一社会信用代码\/纳税人识别号|纳税人识别号)\s*[:：]\s*([0-9A-Z]{15,20})/gu);
  const sums = new RegExp(`合\\s*计\\s*${YUAN}\\s*(?:${YUAN}|([*＊]+))`, 'u').exec(text);
  const totalMatch = new RegExp(`价税合计[\\s\\S]{0,80}?[（(]\\s*小写\\s*[)）]\\s*${YUAN}`, 'u').exec(text);
  const words = first(text, /价税合计\s*[（(]\s*大写\s*[)）]\s*[⊗ⓧ]?\s*(\S+?)\s*[（(]\s*小写/u);
  const moneyTexts = {
    amount: { text: (sums?.[1] ?? '').replace(/,/gu, ''), label: '合计金额' },
    tax: { text: (sums?.[2] ?? sums?.[3] ?? '').replace(/,/gu, ''), label: '合计税额' },
    total: { text: (totalMatch?.[1] ?? '').replace(/,/gu, ''), label: '价税合计（小写）' },
  };
  const missing = missingFieldsMessage(
    'PDF 发票的文字',
    [number === '' ? '发票号码' : '', date === '' ? '开票日期' : '', moneyTexts.amount.text === '' ? '合计金额' : ''].filter((label) => label !== ''),
  );
  if (missing !== undefined) return fail(missing);
  const id = invoiceIdentity(code, number, '发票号码');
  if (!id.ok) return id;
  const issuedOn = optionalDate(date, '开票日期');
  if (!issuedOn.ok) return issuedOn;
  const money = readMoneyFields(moneyTexts);
  if (!money.ok) return money;
  const red = hasNegativeAmount(money.value) || /（\s*红字\s*）|红字发票/u.test(text);
  const data = compactData<EInvoiceData>({
    source: PDF_SOURCE,
    fileName,
    number: id.value.number,
    code: id.value.kind === 'tax-control' ? id.value.code : undefined,
    issuedOn: issuedOn.value,
    buyerName: names[0],
    buyerTaxId: taxIds[0],
    sellerName: names[1],
    sellerTaxId: taxIds[1],
    ...money.value,
    totalInWords: words,
    red,
    originalNumber: red ? originalKeyFromRemark(text) : undefined,
    lines: lineNamesInText(text.split('\n')),
  });
  return ok(withQrCheck(data, qrCodes));
}

/**
 * The QR code is the tax bureau's own summary (number, amount, date); a page whose text says
 * otherwise has been edited. The disagreement is kept in `qrMismatch` for the row check.
 */
function withQrCheck(data: EInvoiceData, qrCodes: readonly string[]): EInvoiceData {
  for (const payload of qrCodes) {
    const qr = readQrPayload(payload, data.fileName);
    if (!qr.ok) continue;
    const differences: string[] = [];
    if (qr.value.number !== data.number) differences.push(`发票号码：文字「${data.number}」，二维码「${qr.value.number}」`);
    if (qr.value.issuedOn !== undefined && qr.value.issuedOn !== data.issuedOn) differences.push(`开票日期：文字 ${data.issuedOn ?? ''}，二维码 ${qr.value.issuedOn}`);
    // On 数电 codes it is open whether the amount includes tax (read-qr-payload.ts): either sum agrees.
    const qrAmount = qr.value.amount ?? qr.value.qrAmount;
    const printed = qr.value.amount !== undefined ? [data.amount] : [data.amount, data.total];
    if (qrAmount !== undefined && !printed.some((value) => value !== undefined && moneyEquals(value, qrAmount))) {
      differences.push(`金额：文字 ${data.amount ?? ''}，二维码 ${qrAmount}`);
    }
    return { ...data, qrChecked: true, ...(differences.length > 0 ? { qrMismatch: differences.join('；') } : {}) };
  }
  return data;
}

function readRailwayTicket(fileName: string, text: string): Result<EInvoiceData> {
  const number = first(text, /发票号码\s*[:：]\s*(\d{20})(?!\d)/u);
  const date = first(text, new RegExp(`开票日期\\s*[:：]\\s*${DATE}`, 'u')).replace(/\s+/gu, '');
  const fare = first(text, new RegExp(`票\\s*价\\s*[:：]?\\s*${YUAN}`, 'u')).replace(/,/gu, '');
  const missing = missingFieldsMessage(
    '铁路电子客票的文字',
    [number === '' ? '发票号码' : '', date === '' ? '开票日期' : '', fare === '' ? '票价' : ''].filter((label) => label !== ''),
  );
  if (missing !== undefined) return fail(missing);
  const issuedOn = optionalDate(date, '开票日期');
  if (!issuedOn.ok) return issuedOn;
  const money = readMoneyFields({ amount: { text: '', label: '' }, tax: { text: '', label: '' }, total: { text: fare, label: '票价' } });
  if (!money.ok) return money;
  return ok(
    compactData<EInvoiceData>({
      source: PDF_SOURCE,
      documentKind: RAILWAY_TICKET,
      fileName,
      number,
      issuedOn: issuedOn.value,
      buyerName: first(text, /购买方名称\s*[:：]\s*(\S+)/u),
      buyerTaxId: first(text, /统一社会信用代码\s*[:：]\s*([0-9A-Z]{15,20})/u),
      ...money.value,
      red: money.value.total?.startsWith('-') ?? false,
    }),
  );
}
