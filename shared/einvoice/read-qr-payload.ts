import { parseDate } from '../domain/dates';
import { parseMoney } from '../domain/money';
import { fail, ok, type Result } from '../domain/result';
import type { EInvoiceData } from '../verification/types';
import { compactData, invoiceIdentity } from './fields';

/**
 * The text of the QR code printed on an invoice (DOMAIN.md §2 "QR code on invoices"):
 *
 *   版本,种类代码,发票代码,发票号码,金额,开票日期(YYYYMMDD),校验码,CRC
 *
 * `01,20,052002100113,00008006,24519.05,20220505,18001801513030862041,88CD,` — a tax-control
 * invoice, with a trailing comma; `01,32,,24312000000136634917,0.01,20240514,,1DD6` — a 数电
 * invoice, with empty code and check code.
 *
 * The amount is excluding tax on tax-control invoices [checked]. On 数电 invoices it is [open]
 * whether it includes tax (the example's 0.01 fits either), so there it is NOT put in `amount`,
 * which means excluding tax everywhere else in the product: it is kept in `qrAmount` with
 * `qrAmountBasis: 'unknown'`, for a person to compare, until a real invoice settles the question.
 */

export const QR_SOURCE = '二维码';

/** What the QR says beyond EInvoiceData. */
export interface QrInvoiceData extends EInvoiceData {
  /** 版本, `01` on every known invoice. */
  version: string;
  /** 种类代码, e.g. `20` e-special, `32` 数电 ordinary. */
  typeCode: string;
  typeName?: string;
  /** 校验码 (20 digits on tax-control invoices; 数电 invoices have none). */
  checkCode?: string;
  /** The 4 hex digits at the end. Not verified: the CRC algorithm is not published. */
  crc?: string;
  /** The amount exactly as the QR states it, with two decimals. */
  qrAmount: string;
  /** `excluding-tax` for tax-control invoices (then `amount` holds it too); `unknown` otherwise. */
  qrAmountBasis: 'excluding-tax' | 'unknown';
}

/** 种类代码 [01/04/10/20 checked, others reported]. */
export const QR_TYPE_NAMES: Readonly<Record<string, string>> = {
  '01': '增值税专用发票',
  '04': '增值税普通发票',
  '08': '增值税电子专用发票',
  '10': '增值税电子普通发票',
  '11': '增值税普通发票（卷式）',
  '14': '增值税电子普通发票（通行费）',
  '20': '增值税电子专用发票',
  '31': '电子发票（增值税专用发票）',
  '32': '电子发票（普通发票）',
  '51': '电子发票（铁路电子客票）',
  '61': '电子发票（航空运输电子客票行程单）',
};

const FORMAT = '版本,种类代码,发票代码,发票号码,金额,开票日期,校验码,CRC';
/** A QR code holds at most a few kilobytes; anything longer is not an invoice's. */
const MAX_PAYLOAD_CHARS = 2000;

export function readQrPayload(payload: string, fileName = ''): Result<QrInvoiceData> {
  if (typeof payload !== 'string') return fail('二维码内容不是文本');
  if (payload.length > MAX_PAYLOAD_CHARS) return fail(`二维码内容有 ${String(payload.length)} 个字符，远长于发票二维码，不是发票二维码`);
  const trimmed = payload.trim().replace(/，/gu, ',');
  const shown = trimmed.length > 60 ? `${trimmed.slice(0, 60)}…` : trimmed;
  const fields = trimmed.split(',').map((field) => field.trim());
  // The trailing comma of tax-control invoices leaves one empty field at the end.
  if (fields.length === 9 && fields[8] === '') fields.pop();
  if (fields.length < 7 || fields.length > 8) {
    return fail(`二维码内容「${shown}」有 ${String(fields.length)} 段，发票二维码应为 8 段：${FORMAT}`);
  }
  const [version = '', typeCode = '', code = '', number = '', amountText = '', dateText = '', checkCode = '', crc = ''] = fields;

  if (!/^\d{2}$/u.test(version)) return fail(`二维码的版本「${version}」应为两位数字（如 01），「${shown}」不是发票二维码`);
  if (!/^\d{2}$/u.test(typeCode)) return fail(`二维码的发票种类代码「${typeCode}」应为两位数字（如 32），「${shown}」不是发票二维码`);
  const id = invoiceIdentity(code, number, '二维码中的发票号码');
  if (!id.ok) return id;
  const amount = parseMoney(amountText, { label: '二维码中的金额' });
  if (!amount.ok) return amount;
  if (!/^\d{8}$/u.test(dateText)) return fail(`二维码中的开票日期「${dateText}」应为 8 位数字 YYYYMMDD，如 20240514`);
  const issuedOn = parseDate(dateText, { label: '二维码中的开票日期' });
  if (!issuedOn.ok) return issuedOn;
  if (checkCode !== '' && !/^\d+$/u.test(checkCode)) return fail(`二维码中的校验码「${checkCode}」应只由数字组成`);
  if (crc !== '' && !/^[0-9A-F]{4}$/iu.test(crc)) return fail(`二维码末尾的 CRC「${crc}」应为 4 位十六进制字符，如 88CD`);

  const taxControl = id.value.kind === 'tax-control';
  return ok(
    compactData<QrInvoiceData>({
      source: QR_SOURCE,
      fileName,
      number: id.value.number,
      code: id.value.kind === 'tax-control' ? id.value.code : undefined,
      issuedOn: issuedOn.value,
      amount: taxControl ? amount.value : undefined,
      red: amount.value.startsWith('-'),
      version,
      typeCode,
      typeName: QR_TYPE_NAMES[typeCode],
      checkCode,
      crc: crc.toUpperCase(),
      qrAmount: amount.value,
      qrAmountBasis: taxControl ? 'excluding-tax' : 'unknown',
    }),
  );
}
