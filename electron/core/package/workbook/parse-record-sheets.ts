import { normalizeAgreedTail } from '@shared/domain/agreed-tail';
import { checkCreditCode } from '@shared/domain/credit-code';
import {
  parseIndicatorCategory,
  parseInvestmentCategory,
  parseInvoiceType,
  INVOICE_TYPES,
  INVESTMENT_CATEGORIES,
  INDICATOR_CATEGORIES,
  enumLabel,
} from '@shared/domain/enums';
import { classifyInvoice, invoiceKey } from '@shared/domain/invoice-number';
import { parseTaxRate, type TaxRate } from '@shared/domain/tax-rate';
import { parseYesNo } from '@shared/domain/yes-no';
import type { ContractRecord, IndicatorRecord, InvoiceRecord, PaymentRecord } from '../records';
import type { RowReader } from './row-reader';

/**
 * One function per tabular sheet: typed record from a row, or null when a value cannot be read
 * (the reader has reported where). Findings about content (duplicates, arithmetic, dates against the
 * contract) are not import errors: they belong to verification, which a reviewer decides on.
 */
export const CONTRACT_REQUIRED = ['合同编号', '合同名称', '供应商名称', '签订日期', '合同金额', '投资类别'] as const;
export const INVOICE_REQUIRED = [
  '发票号码',
  '开票日期',
  '销售方名称',
  '销售方纳税人识别号',
  '购买方名称',
  '购买方纳税人识别号',
  '项目名称',
  '金额',
  '税率',
  '价税合计',
] as const;
export const PAYMENT_REQUIRED = ['付款凭证号', '付款日期', '付款方', '收款方', '金额'] as const;
export const INDICATOR_REQUIRED = ['指标类别', '指标名称', '目标值', '完成值'] as const;

export function readContract(row: RowReader): ContractRecord | null {
  const supplierCode = row.text('供应商统一社会信用代码');
  if (supplierCode !== '') {
    const check = checkCreditCode(supplierCode, '供应商统一社会信用代码');
    if (check.kind !== 'valid') row.warning('供应商统一社会信用代码', check.message);
  }
  const record: ContractRecord = {
    rowNo: row.rowNumber,
    contractNo: row.text('合同编号', true),
    name: row.text('合同名称', true),
    supplierName: row.text('供应商名称', true),
    supplierCode,
    signedOn: row.date('签订日期', true),
    amount: row.amountFen('合同金额', { required: true }) ?? 0,
    category: enumLabel(INVESTMENT_CATEGORIES, row.parsed('投资类别', (c, l) => parseInvestmentCategory(c, l), true) ?? 'other'),
    domestic: row.parsed('是否国产', (c, l) => parseYesNo(c, l)),
    agreedTail: readAgreedTailCell(row),
    attachments: row.attachments(),
    extra: row.extra(),
  };
  return row.hasErrors ? null : record;
}

/** 约定尾款 (optional since PACKAGE.md 1.1): a share (10%) or an amount; a number cell below 1 is a share (0.1 = 10%). */
function readAgreedTailCell(row: RowReader): string {
  const cell = row.raw('约定尾款');
  const text = typeof cell === 'number' ? (cell > 0 && cell < 1 ? `${String(Math.round(cell * 1e6) / 1e4)}%` : cell.toFixed(2)) : row.text('约定尾款');
  const normal = normalizeAgreedTail(text);
  if (normal.ok) return normal.value;
  row.error('约定尾款', normal.message);
  return '';
}

export function readInvoice(row: RowReader): InvoiceRecord | null {
  const codeCell = row.raw('发票代码');
  const numberCell = row.raw('发票号码');
  if (typeof numberCell === 'number' && numberCell > Number.MAX_SAFE_INTEGER) {
    row.error('发票号码', `发票号码以数字形式保存，20 位号码已丢失精度（显示为 ${String(numberCell)}）；请将该列设为文本格式后重新填写`);
  }
  // Code and number are kept as typed (leading zeros restored); a wrong shape is a finding, not an error.
  const classified = classifyInvoice(codeCell, numberCell);
  const code = classified.ok ? (classified.value.kind === 'tax-control' ? classified.value.code : '') : row.text('发票代码');
  const number = classified.ok ? classified.value.number : row.text('发票号码', true);
  const kindId = row.parsed('发票类型', (c, l) => parseInvoiceType(c, l));
  const rate = row.parsed('税率', (c, l) => parseTaxRate(c, l), true);
  const record: InvoiceRecord = {
    rowNo: row.rowNumber,
    key: invoiceKey(codeCell, numberCell),
    code,
    number,
    issuedOn: row.date('开票日期', true) ?? '',
    kind: kindId ? enumLabel(INVOICE_TYPES, kindId) : inferInvoiceKind(classified.ok ? classified.value.kind : null),
    sellerName: row.text('销售方名称', true),
    sellerTaxId: row.text('销售方纳税人识别号', true),
    buyerName: row.text('购买方名称', true),
    buyerTaxId: row.text('购买方纳税人识别号', true),
    itemName: row.text('项目名称', true),
    // Red invoices carry negative amounts.
    amount: row.amountFen('金额', { required: true, allowNegative: true }) ?? 0,
    taxRate: rate ? storedTaxRate(rate) : '',
    // A tax-exempt line prints *** as its tax (DOMAIN.md §2): no tax, not a malformed amount.
    tax: /^[*＊]+$/.test(row.text('税额')) ? 0 : row.amountFen('税额', { allowNegative: true }),
    total: row.amountFen('价税合计', { required: true, allowNegative: true }) ?? 0,
    totalInWords: row.text('价税合计（大写）'),
    contractNo: row.text('合同编号'),
    attachments: row.attachments(),
    extra: row.extra(),
  };
  return row.hasErrors ? null : record;
}

export function readPayment(row: RowReader): PaymentRecord | null {
  const record: PaymentRecord = {
    rowNo: row.rowNumber,
    voucherNo: row.text('付款凭证号', true),
    paidOn: row.date('付款日期', true) ?? '',
    payer: row.text('付款方', true),
    payee: row.text('收款方', true),
    amount: row.amountFen('金额', { required: true, allowNegative: true }) ?? 0,
    contractNo: row.text('合同编号'),
    attachments: row.attachments(),
    extra: row.extra(),
  };
  return row.hasErrors ? null : record;
}

export function readIndicator(row: RowReader): IndicatorRecord | null {
  const category = row.parsed('指标类别', (c, l) => parseIndicatorCategory(c, l), true);
  const record: IndicatorRecord = {
    rowNo: row.rowNumber,
    category: category ? enumLabel(INDICATOR_CATEGORIES, category) : '',
    name: row.text('指标名称', true),
    unit: row.text('单位'),
    target: row.text('目标值', true),
    achieved: row.text('完成值'),
    evidence: row.text('佐证材料'),
  };
  return row.hasErrors ? null : record;
}

function storedTaxRate(rate: TaxRate): string {
  if (rate.kind === 'exempt') return '免税';
  if (rate.kind === 'not-taxable') return '不征税';
  return rate.rate;
}

function inferInvoiceKind(kind: 'digital' | 'tax-control' | null): string {
  if (kind === 'digital') return '数电发票';
  if (kind === 'tax-control') return '税控发票';
  return '';
}
