import { createHash } from 'node:crypto';
import { CITIES } from '@cli/sample/catalog';
import {
  checkCreditCode,
  checkExcludedSpending,
  checkInvoiceTax,
  checkLineSums,
  checkTotal,
  classifyInvoice,
  compareMoney,
  invoiceKey,
  isBlank,
  moneyToFen,
  parseAmountInWords,
  parseDate,
  parseIndicatorCategory,
  parseInvestmentCategory,
  parseInvoiceType,
  parseMoney,
  parseProjectType,
  parseRegionType,
  parseTaxRate,
  parseYesNo,
  unknownTaxRateMessage,
  type MoneyString,
  type TaxRate,
} from '@shared/domain';
import type { PlainCell, ReadPackage, ReadProject, SheetRow } from './read-package';

/**
 * An independent reviewer for generated packages, written from PACKAGE.md and DOMAIN.md with the
 * shared helpers. `errors` are format violations (the package would not import) and must always be
 * empty; `findings` are the review findings a defect is meant to produce, by row.
 */

export type FindingKind =
  | 'invoice-number-format'
  | 'duplicate-invoice'
  | 'date-outside-window'
  | 'date-before-contract'
  | 'amount-arithmetic'
  | 'tax-rate-unknown'
  | 'amount-in-words-mismatch'
  | 'buyer-not-applicant'
  | 'credit-code-check'
  | 'no-contract'
  | 'seller-not-contractor'
  | 'contract-overinvoiced'
  | 'unpaid-beyond-tail'
  | 'excluded-spending'
  | 'red-invoice'
  | 'third-party-payment'
  | 'related-party'
  | 'attachment-mismatch'
  | 'missing-attachment'
  /** Not a defect the generator plants: must never appear. */
  | 'payee-not-supplier'
  | 'payment-exceeds-invoiced';

export interface Finding {
  kind: FindingKind;
  projectId: string;
  sheet: '发票' | '合同' | '付款';
  row: number;
  message: string;
}

export interface Review {
  errors: string[];
  findings: Finding[];
  /** Every invoice row, parsed: for property assertions. */
  invoices: ParsedInvoice[];
}

export interface ParsedInvoice {
  projectId: string;
  row: number;
  key: string;
  amount: MoneyString;
  tax: MoneyString;
  total: MoneyString;
  rate: TaxRate;
  wordsValue: MoneyString | undefined;
  sellerCode: string;
  buyerCode: string;
  attachments: string[];
}

const WINDOW = { start: '2024-01-01', end: '2026-12-31' };

const text = (cell: PlainCell | undefined): string => (cell === null || cell === undefined ? '' : String(cell).trim());

function attachmentsOf(cell: PlainCell | undefined): string[] {
  return text(cell)
    .split(';')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

const PLACE_PREFIXES = [...new Set(Object.values(CITIES).flatMap((city) => [city.short, city.province.replace(/[省市]$/u, '')]))].sort((a, b) => b.length - a.length);

/** 字号 of a company name: 宏达 in 厦门宏达精密机械有限公司 and in 宏达（厦门）智能装备有限公司. */
export function tradeNameOf(name: string): string {
  const bracket = /^(.{2})（/u.exec(name);
  if (bracket?.[1]) return bracket[1];
  const prefix = PLACE_PREFIXES.find((place) => name.startsWith(place)) ?? '';
  return name.slice(prefix.length, prefix.length + 2);
}

/** Values of the first elements with these names in an e-invoice XML (the structure is flat enough for this). */
function xmlValue(xml: string, tag: string): string | undefined {
  const match = new RegExp(`<${tag}>([^<]*)</${tag}>`, 'u').exec(xml);
  return match?.[1];
}

export function reviewPackage(pkg: ReadPackage): Review {
  const errors: string[] = [];
  const findings: Finding[] = [];
  const invoices: ParsedInvoice[] = [];

  // Container: every file listed with its hash, nothing extra, names flagged UTF-8.
  const listed = new Set(Object.keys(pkg.manifest.files));
  for (const [path, data] of pkg.entries) {
    if (path === 'manifest.json') continue;
    const expected = pkg.manifest.files[path];
    if (expected === undefined) errors.push(`${path} 不在清单中`);
    else if (createHash('sha256').update(data).digest('hex') !== expected) errors.push(`${path} 的 SHA-256 与清单不符`);
  }
  for (const path of listed) if (!pkg.entries.has(path)) errors.push(`清单中的 ${path} 不在材料包中`);
  for (const name of pkg.notUtf8) errors.push(`${name} 未标记 UTF-8`);

  const keyProjects = new Map<string, Set<string>>();
  for (const project of pkg.projects) {
    reviewProject(pkg, project, errors, findings, invoices);
  }
  for (const invoice of invoices) {
    const projects = keyProjects.get(invoice.key) ?? new Set<string>();
    projects.add(invoice.projectId);
    keyProjects.set(invoice.key, projects);
  }
  for (const invoice of invoices) {
    if ((keyProjects.get(invoice.key)?.size ?? 0) > 1) {
      findings.push({ kind: 'duplicate-invoice', projectId: invoice.projectId, sheet: '发票', row: invoice.row, message: `${invoice.key} 在多个项目中出现` });
    }
  }
  return { errors, findings, invoices };
}

function reviewProject(pkg: ReadPackage, project: ReadProject, errors: string[], findings: Finding[], invoices: ParsedInvoice[]): void {
  const where = (sheet: string, row: number) => `${project.id} ${sheet}!${String(row)}`;
  const find = (kind: FindingKind, sheet: Finding['sheet'], row: number, message: string) => findings.push({ kind, projectId: project.id, sheet, row, message });
  const ok = <T>(result: { ok: true; value: T } | { ok: false; message: string }, at: string): T | undefined => {
    if (result.ok) return result.value;
    errors.push(`${at} ${result.message}`);
    return undefined;
  };
  const hasFile = (name: string) => pkg.entries.has(`${project.id}/附件/${name}`);

  // 项目信息
  const info = project.info;
  if (text(info.项目编号?.value) !== project.id) errors.push(`${project.id} 项目信息的项目编号与清单不符`);
  const applicantName = text(info.申报单位?.value);
  const applicantCode = text(info.统一社会信用代码?.value);
  if (checkCreditCode(applicantCode).kind !== 'valid') errors.push(`${project.id} 申报单位信用代码未通过校验`);
  const planned = info.计划总投资;
  if (planned) ok(parseMoney(planned.value, { unit: planned.unit, allowNegative: false }), `${project.id} 计划总投资`);
  for (const field of ['建设期起', '建设期止'] as const) ok(parseDate(info[field]?.value), `${project.id} ${field}`);
  ok(parseYesNo(info.是否链主企业?.value), `${project.id} 是否链主企业`);
  if (!isBlank(info.项目类型?.value)) ok(parseProjectType(info.项目类型?.value), `${project.id} 项目类型`);
  if (!isBlank(info.区域类型?.value)) ok(parseRegionType(info.区域类型?.value), `${project.id} 区域类型`);

  for (const [name, sheet] of Object.entries(project.sheets)) {
    if (sheet.unknown.length > 0) errors.push(`${project.id} ${name} 有未知列：${sheet.unknown.join('、')}`);
    if (sheet.missing.length > 0) errors.push(`${project.id} ${name} 缺少列：${sheet.missing.join('、')}`);
  }

  // 合同
  interface ContractInfo {
    row: number;
    supplier: string;
    signedOn: string;
    amount: MoneyString;
    invoiced: number;
    paid: number;
  }
  const contracts = new Map<string, ContractInfo>();
  const contractSheet = project.sheets.合同;
  for (const { row, cells } of contractSheet.rows) {
    const at = where('合同', row);
    const no = text(cells.合同编号);
    const supplier = text(cells.供应商名称);
    const code = text(cells.供应商统一社会信用代码);
    if (checkCreditCode(code).kind !== 'valid') find('credit-code-check', '合同', row, `${code} 未通过校验`);
    const signedOn = ok(parseDate(cells.签订日期), `${at} 签订日期`) ?? '';
    const amount = ok(parseMoney(cells.合同金额, { unit: contractSheet.units.合同金额 ?? 'yuan', allowNegative: false }), `${at} 合同金额`) ?? '0.00';
    ok(parseInvestmentCategory(cells.投资类别), `${at} 投资类别`);
    ok(parseYesNo(cells.是否国产), `${at} 是否国产`);
    for (const name of attachmentsOf(cells.附件)) if (!hasFile(name)) errors.push(`${at} 附件 ${name} 不存在`);
    if (tradeNameOf(supplier) === tradeNameOf(applicantName)) find('related-party', '合同', row, `${supplier} 与 ${applicantName} 同字号`);
    if (contracts.has(no)) errors.push(`${at} 合同编号 ${no} 重复`);
    contracts.set(no, { row, supplier, signedOn, amount, invoiced: 0, paid: 0 });
  }

  // 发票
  const invoiceSheet = project.sheets.发票;
  const keys = new Map<string, number>();
  for (const { row, cells } of invoiceSheet.rows) {
    const at = where('发票', row);
    const code = cells.发票代码;
    const number = cells.发票号码;
    if (!isBlank(code) && typeof code !== 'string') errors.push(`${at} 发票代码不是文本`);
    if (typeof number !== 'string') errors.push(`${at} 发票号码不是文本`);
    if (!classifyInvoice(code, number).ok) find('invoice-number-format', '发票', row, `${text(number)} 格式不对`);
    const key = invoiceKey(code, number);
    keys.set(key, (keys.get(key) ?? 0) + 1);
    const date = ok(parseDate(cells.开票日期), `${at} 开票日期`) ?? '';
    ok(parseInvoiceType(cells.发票类型), `${at} 发票类型`);
    const unit = (column: string) => invoiceSheet.units[column] ?? 'yuan';
    const amount = ok(parseMoney(cells.金额, { unit: unit('金额') }), `${at} 金额`) ?? '0.00';
    const tax = ok(parseMoney(cells.税额, { unit: unit('税额') }), `${at} 税额`) ?? '0.00';
    const total = ok(parseMoney(cells.价税合计, { unit: unit('价税合计') }), `${at} 价税合计`) ?? '0.00';
    const rate = ok(parseTaxRate(cells.税率), `${at} 税率`) ?? { kind: 'rate', rate: '0' };
    const words = text(cells['价税合计（大写）']);
    const wordsResult = parseAmountInWords(words);
    if (!wordsResult.ok) errors.push(`${at} ${wordsResult.message}`);
    const wordsValue = wordsResult.ok ? wordsResult.value : undefined;
    const sellerName = text(cells.销售方名称);
    const sellerCode = text(cells.销售方纳税人识别号);
    const buyerName = text(cells.购买方名称);
    const buyerCode = text(cells.购买方纳税人识别号);
    const itemName = text(cells.项目名称);
    const attachments = attachmentsOf(cells.附件);
    invoices.push({ projectId: project.id, row, key, amount, tax, total, rate, wordsValue, sellerCode, buyerCode, attachments });

    if (date < WINDOW.start || date > WINDOW.end) find('date-outside-window', '发票', row, date);
    if (checkTotal(amount, tax, total).severity !== 'ok' || checkInvoiceTax(amount, rate, tax).severity !== 'ok') {
      find('amount-arithmetic', '发票', row, `${amount} + ${tax} ≠ ${total} 或税额不符`);
    }
    if (unknownTaxRateMessage(rate) !== undefined) find('tax-rate-unknown', '发票', row, JSON.stringify(rate));
    if (wordsValue !== undefined && compareMoney(wordsValue, total) !== 0) find('amount-in-words-mismatch', '发票', row, `${words} ≠ ${total}`);
    if (buyerName !== applicantName || buyerCode !== applicantCode) find('buyer-not-applicant', '发票', row, buyerName);
    if (checkCreditCode(sellerCode).kind !== 'valid' || checkCreditCode(buyerCode).kind !== 'valid') find('credit-code-check', '发票', row, sellerCode);
    if (compareMoney(total, '0') < 0) find('red-invoice', '发票', row, total);
    if (checkExcludedSpending(itemName).excluded) find('excluded-spending', '发票', row, itemName);
    const contractNo = text(cells.合同编号);
    const contract = contracts.get(contractNo);
    if (contract === undefined) {
      find('no-contract', '发票', row, contractNo === '' ? '合同编号为空' : `合同 ${contractNo} 不存在`);
    } else {
      contract.invoiced += moneyToFen(total);
      if (date < contract.signedOn) find('date-before-contract', '发票', row, `${date} < ${contract.signedOn}`);
      if (sellerName !== contract.supplier) find('seller-not-contractor', '发票', row, `${sellerName} ≠ ${contract.supplier}`);
    }

    for (const name of attachments) {
      const data = pkg.entries.get(`${project.id}/附件/${name}`);
      if (data === undefined) {
        find('missing-attachment', '发票', row, name);
        continue;
      }
      if (!name.endsWith('.xml')) continue;
      const xml = data.toString('utf8');
      const same =
        xmlValue(xml, 'InvoiceNumber') === text(number) &&
        xmlValue(xml, 'TotalAmWithoutTax') === amount &&
        xmlValue(xml, 'TotalTaxAm') === tax &&
        xmlValue(xml, 'TotalTax-includedAmount') === total &&
        xmlValue(xml, 'SellerIdNum') === sellerCode &&
        xmlValue(xml, 'BuyerIdNum') === buyerCode &&
        xmlValue(xml, 'SellerName') === sellerName &&
        xmlValue(xml, 'RequestTime') === date;
      if (!same) find('attachment-mismatch', '发票', row, name);
      // The XML must be consistent in itself: lines add up, words state the total.
      const lineAmounts = [...xml.matchAll(/<Amount>([^<]*)<\/Amount>/gu)].map((m) => m[1] ?? '');
      const lineTaxes = [...xml.matchAll(/<ComTaxAm>([^<]*)<\/ComTaxAm>/gu)].map((m) => (m[1] ?? '').replace(/0000$/u, ''));
      const xmlAmount = xmlValue(xml, 'TotalAmWithoutTax') ?? '';
      const xmlTax = xmlValue(xml, 'TotalTaxAm') ?? '';
      const sums = checkLineSums(
        lineAmounts.map((a, i) => ({ amount: a, tax: lineTaxes[i] ?? '0.00' })),
        xmlAmount,
        xmlTax,
      );
      if (sums.some((check) => check.severity !== 'ok')) errors.push(`${at} XML 明细合计不符`);
      const xmlWords = parseAmountInWords(xmlValue(xml, 'TotalTax-includedAmountInChinese') ?? '');
      if (!xmlWords.ok || xmlWords.value !== xmlValue(xml, 'TotalTax-includedAmount')) errors.push(`${at} XML 大写金额不符`);
    }
  }
  for (const { row, cells } of invoiceSheet.rows) {
    if ((keys.get(invoiceKey(cells.发票代码, cells.发票号码)) ?? 0) > 1) find('duplicate-invoice', '发票', row, '本项目内重复');
  }

  // 付款
  const paymentSheet = project.sheets.付款;
  const vouchers = new Set<string>();
  for (const { row, cells } of paymentSheet.rows) {
    const at = where('付款', row);
    const voucher = text(cells.付款凭证号);
    if (vouchers.has(voucher)) errors.push(`${at} 付款凭证号重复`);
    vouchers.add(voucher);
    const date = ok(parseDate(cells.付款日期), `${at} 付款日期`) ?? '';
    const amount = ok(parseMoney(cells.金额, { unit: paymentSheet.units.金额 ?? 'yuan', allowNegative: false }), `${at} 金额`) ?? '0.00';
    for (const name of attachmentsOf(cells.附件)) if (!hasFile(name)) errors.push(`${at} 附件 ${name} 不存在`);
    if (date > pkg.manifest.batch.createdAt) errors.push(`${at} 付款日期晚于材料包日期`);
    if (text(cells.付款方) !== applicantName) find('third-party-payment', '付款', row, text(cells.付款方));
    const contract = contracts.get(text(cells.合同编号));
    if (contract === undefined) {
      errors.push(`${at} 合同 ${text(cells.合同编号)} 不存在`);
      continue;
    }
    contract.paid += moneyToFen(amount);
    if (text(cells.收款方) !== contract.supplier) find('payee-not-supplier', '付款', row, text(cells.收款方));
  }

  for (const [no, contract] of contracts) {
    const amountFen = moneyToFen(contract.amount);
    if (contract.invoiced > amountFen) find('contract-overinvoiced', '合同', contract.row, `${no} 已开票超过合同金额`);
    if (contract.invoiced - contract.paid > amountFen * 0.1) find('unpaid-beyond-tail', '合同', contract.row, `${no} 未付超过 10%`);
    if (contract.paid > Math.max(0, contract.invoiced)) find('payment-exceeds-invoiced', '合同', contract.row, `${no} 付款超过已开票`);
  }

  // 绩效指标
  for (const { row, cells } of project.sheets.绩效指标.rows) {
    const at = where('绩效指标', row);
    ok(parseIndicatorCategory(cells.指标类别), `${at} 指标类别`);
    if (typeof cells.目标值 !== 'number') errors.push(`${at} 目标值不是数字`);
    if (cells.完成值 !== null && typeof cells.完成值 !== 'number') errors.push(`${at} 完成值不是数字`);
  }
}

export type { SheetRow };
