import { fail, ok, type Result } from './result';
import { compactText, isBlank, quote } from './text';

/**
 * 发票代码 + 发票号码, DOMAIN.md §2 "Kinds and numbers": tax-control invoices
 * have a 10- or 12-digit code and an 8-digit number; 数电 invoices a 20-digit
 * number and no code.
 */

export interface TaxControlInvoiceId {
  readonly kind: 'tax-control';
  readonly code: string;
  readonly number: string;
  readonly key: string;
  readonly codeLength: 10 | 12;
  /** Last two digits of a 12-digit code. */
  readonly typeCode?: string;
  /** Known meaning of typeCode; absent when the suffix is not one we know. */
  readonly typeName?: string;
}

export interface DigitalInvoiceId {
  readonly kind: 'digital';
  readonly number: string;
  readonly key: string;
  /** 2000 + digits 1-2. */
  readonly year: number;
  /** Digits 3-4: province or 计划单列市. */
  readonly regionCode: string;
  readonly regionName?: string;
  /** Digit 5; its meanings are not confirmed (DOMAIN.md marks them open). */
  readonly channel: string;
  readonly sequence: string;
}

export type InvoiceId = TaxControlInvoiceId | DigitalInvoiceId;

export const TAX_CONTROL_TYPE_NAMES: Readonly<Record<string, string>> = {
  '04': '增值税普通发票（纸质）',
  '05': '增值税普通发票（纸质）',
  '06': '增值税普通发票（卷式）',
  '07': '增值税普通发票（卷式）',
  '11': '增值税电子普通发票',
  '12': '增值税电子普通发票（通行费）',
  '13': '增值税电子专用发票',
};

/**
 * Region codes in digits 3-4 of a 数电 number: provinces by GB/T 2260, then
 * 计划单列市. Only 92 (青岛) and 95 (深圳) are confirmed by samples; 91, 93 and 94
 * follow the usual order of the five cities. Informational only — an unknown
 * code is shown, never rejected.
 */
export const DIGITAL_INVOICE_REGIONS: Readonly<Record<string, string>> = {
  '11': '北京',
  '12': '天津',
  '13': '河北',
  '14': '山西',
  '15': '内蒙古',
  '21': '辽宁',
  '22': '吉林',
  '23': '黑龙江',
  '31': '上海',
  '32': '江苏',
  '33': '浙江',
  '34': '安徽',
  '35': '福建',
  '36': '江西',
  '37': '山东',
  '41': '河南',
  '42': '湖北',
  '43': '湖南',
  '44': '广东',
  '45': '广西',
  '46': '海南',
  '50': '重庆',
  '51': '四川',
  '52': '贵州',
  '53': '云南',
  '54': '西藏',
  '61': '陕西',
  '62': '甘肃',
  '63': '青海',
  '64': '宁夏',
  '65': '新疆',
  '91': '大连',
  '92': '青岛',
  '93': '宁波',
  '94': '厦门',
  '95': '深圳',
};

// What people type into a cell that has no code.
const EMPTY_MARKERS = new Set(['/', '\\', '-', '--', '—', '——', '无', '空']);

interface CellText {
  readonly text: string;
  /** The cell held a number, so leading zeros may have been lost. */
  readonly fromNumber: boolean;
}

function cellText(value: unknown, label: string): Result<CellText> {
  if (isBlank(value)) return ok({ text: '', fromNumber: false });
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0) {
      return fail(`${label}${quote(value)}不是有效的${label}，应为数字组成的文本`);
    }
    if (!Number.isSafeInteger(value)) {
      return fail(`${label}${quote(value)}以数值格式保存，超过 15 位的数字已丢失精度；请把单元格设为文本后重新填写`);
    }
    return ok({ text: String(value), fromNumber: true });
  }
  if (typeof value === 'bigint') return ok({ text: value.toString(), fromNumber: true });
  if (typeof value !== 'string') return fail(`${label}${quote(value)}不是有效的${label}，应为数字组成的文本`);
  const text = compactText(value).replace(/^(?:No\.?|NO\.?|№)/u, '');
  return ok({ text: EMPTY_MARKERS.has(text) ? '' : text, fromNumber: false });
}

/**
 * Excel drops leading zeros of numeric cells. Codes of 12 digits start with 0
 * or 1 and numbers are always 8 digits, so the lost zeros can be restored.
 */
function restoreCode(cell: CellText): string {
  return cell.fromNumber && cell.text.length === 11 ? `0${cell.text}` : cell.text;
}

function restoreNumber(cell: CellText, hasCode: boolean): string {
  return cell.fromNumber && hasCode && cell.text.length < 8 ? cell.text.padStart(8, '0') : cell.text;
}

/** Sorts a code and number into tax-control, 数电 or a reason why they are neither. */
export function classifyInvoice(code: unknown, number: unknown): Result<InvoiceId> {
  const codeCell = cellText(code, '发票代码');
  if (!codeCell.ok) return codeCell;
  const numberCell = cellText(number, '发票号码');
  if (!numberCell.ok) return numberCell;
  const c = restoreCode(codeCell.value);
  const n = restoreNumber(numberCell.value, c !== '');
  const shownNumber = `发票号码${quote(n)}`;

  if (n === '') return fail('发票号码为空，应为 20 位数电发票号码，或 8 位号码加发票代码');
  if (!/^\d+$/u.test(n)) return fail(`${shownNumber}含有非数字字符，发票号码应只由数字组成`);
  if (c !== '' && !/^\d+$/u.test(c)) return fail(`发票代码${quote(c)}含有非数字字符，发票代码应为 10 位或 12 位数字`);

  if (n.length === 20) {
    if (c !== '') {
      return fail(`${shownNumber}为 20 位数电发票号码，数电发票没有发票代码，但填写了发票代码${quote(c)}；请清空发票代码`);
    }
    const regionCode = n.slice(2, 4);
    const regionName = DIGITAL_INVOICE_REGIONS[regionCode];
    return ok({
      kind: 'digital',
      number: n,
      key: n,
      year: 2000 + Number(n.slice(0, 2)),
      regionCode,
      ...(regionName === undefined ? {} : { regionName }),
      channel: n.slice(4, 5),
      sequence: n.slice(5),
    });
  }

  if (c === '') {
    if (n.length === 8) return fail(`${shownNumber}为 8 位税控发票号码，应同时填写 10 位或 12 位发票代码`);
    return fail(`${shownNumber}有 ${n.length} 位，数电发票号码应为 20 位（税控发票为 8 位，并填写发票代码）`);
  }
  if (c.length !== 10 && c.length !== 12) {
    return fail(`发票代码${quote(c)}有 ${c.length} 位，应为 10 位或 12 位`);
  }
  if (n.length !== 8) {
    return fail(`${shownNumber}有 ${n.length} 位，填写了发票代码的税控发票号码应为 8 位`);
  }
  if (c.length === 12) {
    const typeCode = c.slice(10);
    const typeName = TAX_CONTROL_TYPE_NAMES[typeCode];
    return ok({
      kind: 'tax-control',
      code: c,
      number: n,
      key: `${c}-${n}`,
      codeLength: 12,
      typeCode,
      ...(typeName === undefined ? {} : { typeName }),
    });
  }
  return ok({ kind: 'tax-control', code: c, number: n, key: `${c}-${n}`, codeLength: 10 });
}

/**
 * The unique key of an invoice: the 20-digit number, or `code-number`.
 * Built even for rows that fail classification, after the same clean-up, so
 * that duplicates among bad rows are still found. A 20-digit number is its
 * own key whatever the code cell holds.
 */
export function invoiceKey(code: unknown, number: unknown): string {
  const codeCell = cellText(code, '发票代码');
  const numberCell = cellText(number, '发票号码');
  const c = codeCell.ok ? restoreCode(codeCell.value) : '';
  const n = numberCell.ok ? restoreNumber(numberCell.value, c !== '') : '';
  if (n.length === 20 || c === '') return n;
  return `${c}-${n}`;
}
