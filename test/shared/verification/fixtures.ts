import { formatAmountInWords } from '@shared/domain/amount-in-words';
import { Dec } from '@shared/domain/decimal';
import type { Spending } from '@shared/rules';
import {
  verifyProject,
  type DuplicateLocation,
  type EInvoiceData,
  type FindingCode,
  type VContract,
  type VerificationContext,
  type VerificationFinding,
  type VInvoice,
  type VPayment,
  type VProject,
} from '@shared/verification';
import { loadRuleSet } from '../rules/load-rule-sets';

/**
 * A small realistic Xiamen 2024 project: 厦门鹭岛智能装备有限公司 buys a five-axis
 * machining centre (设备), an MES (软件) and a diagnosis service (咨询). Every
 * invoice is arithmetically exact with the 大写 the shared formatter writes, and
 * the payments reconcile (the software contract keeps its 10% tail unpaid, exactly
 * at the Xiamen limit).
 */

export const APPLICANT = '厦门鹭岛智能装备有限公司';
export const APPLICANT_CODE = '914400007556190127';

export const MACHINE_SUPPLIER = '阳江市锐达数控设备有限公司';
export const MACHINE_CODE = '91441702707782974C';
export const SOFTWARE_SUPPLIER = '贵州黔南云数软件技术有限公司';
export const SOFTWARE_CODE = '91522701709696623X';
export const CONSULTANT = '北京中科智诚咨询有限公司';
export const CONSULTANT_CODE = '91110108690017781B';

export const XIAMEN: Spending = requireSpending();

function requireSpending(): Spending {
  const spending = loadRuleSet('xiamen-2024').spending;
  if (!spending) throw new Error('xiamen-2024 declares spending rules');
  return spending;
}

/** amount × rate rounded half-up, total, and the 大写 of the total, as issuing software prints them. */
export function priced(amount: string, rate: string): { amount: string; tax: string; total: string; totalInWords: string } {
  const a = new Dec(amount);
  const tax = a.times(rate).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
  const total = a.plus(tax);
  return {
    amount: a.toFixed(2),
    tax: tax.toFixed(2),
    total: total.toFixed(2),
    totalInWords: formatAmountInWords(total.toFixed(2)),
  };
}

/** Tax-inclusive pricing: amount = round(total ÷ (1 + rate)), tax = the rest. */
export function pricedInclusive(total: string, rate: string): { amount: string; tax: string; total: string; totalInWords: string } {
  const t = new Dec(total);
  const amount = t.div(new Dec(1).plus(rate)).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
  return {
    amount: amount.toFixed(2),
    tax: t.minus(amount).toFixed(2),
    total: t.toFixed(2),
    totalInWords: formatAmountInWords(t.toFixed(2)),
  };
}

type InvoiceSeed = Omit<VInvoice, 'key' | 'kind' | 'buyerName' | 'buyerTaxId' | 'attachments' | 'code'> &
  Partial<Pick<VInvoice, 'kind' | 'buyerName' | 'buyerTaxId' | 'attachments' | 'code'>>;

export function invoice(seed: InvoiceSeed): VInvoice {
  const code = seed.code ?? '';
  return {
    kind: code === '' ? '数电专票' : '增值税电子专用发票',
    buyerName: APPLICANT,
    buyerTaxId: APPLICANT_CODE,
    attachments: [],
    ...seed,
    code,
    key: code === '' ? seed.number : `${code}-${seed.number}`,
  };
}

export function contracts(): VContract[] {
  return [
    {
      rowNo: 2,
      contractNo: 'HT-2024-001',
      name: '五轴联动立式加工中心采购合同',
      supplierName: MACHINE_SUPPLIER,
      supplierCode: MACHINE_CODE,
      signedOn: '2024-03-15',
      amount: '1500000.00',
      category: '设备',
      // 质保金 10% (合同第 8 条): the unpaid tail counts up to it (000 §五(二)).
      agreedTail: '10%',
    },
    {
      rowNo: 3,
      contractNo: 'HT-2024-002',
      name: 'MES制造执行系统开发实施合同',
      supplierName: SOFTWARE_SUPPLIER,
      supplierCode: SOFTWARE_CODE,
      signedOn: '2024-04-02',
      amount: '600000.00',
      category: '软件',
      agreedTail: '10%',
    },
    {
      rowNo: 4,
      contractNo: 'HT-2024-003',
      name: '智能制造成熟度诊断咨询服务合同',
      supplierName: CONSULTANT,
      supplierCode: CONSULTANT_CODE,
      signedOn: '2024-05-10',
      amount: '200000.00',
      category: '咨询',
      agreedTail: '',
    },
  ];
}

export function invoices(): VInvoice[] {
  return [
    invoice({
      rowNo: 2,
      number: '24442000000123456789',
      issuedOn: '2024-06-18',
      sellerName: MACHINE_SUPPLIER,
      sellerTaxId: MACHINE_CODE,
      itemName: '*金属加工机械*五轴联动立式加工中心',
      taxRate: '0.13',
      ...priced('1000000.00', '0.13'),
      contractNo: 'HT-2024-001',
      attachments: ['FP-24442000000123456789.xml'],
    }),
    invoice({
      rowNo: 3,
      number: '24442000000123470012',
      issuedOn: '2024-09-03',
      sellerName: MACHINE_SUPPLIER,
      sellerTaxId: MACHINE_CODE,
      itemName: '*金属加工机械*数控转台及刀库',
      taxRate: '0.13',
      ...priced('315600.00', '0.13'),
      contractNo: 'HT-2024-001',
    }),
    invoice({
      rowNo: 4,
      code: '052002300113',
      number: '00012345',
      issuedOn: '2024-07-22',
      sellerName: SOFTWARE_SUPPLIER,
      sellerTaxId: SOFTWARE_CODE,
      itemName: '*信息技术服务*MES系统开发服务',
      taxRate: '0.06',
      ...priced('283018.87', '0.06'),
      contractNo: 'HT-2024-002',
    }),
    invoice({
      rowNo: 5,
      number: '24522000000098765432',
      issuedOn: '2024-12-20',
      sellerName: SOFTWARE_SUPPLIER,
      sellerTaxId: SOFTWARE_CODE,
      itemName: '*信息技术服务*MES系统实施及培训服务',
      taxRate: '0.06',
      ...priced('226415.09', '0.06'),
      contractNo: 'HT-2024-002',
    }),
    invoice({
      rowNo: 6,
      number: '24112000000045678901',
      issuedOn: '2024-08-30',
      kind: '数电普票',
      sellerName: CONSULTANT,
      sellerTaxId: CONSULTANT_CODE,
      itemName: '*咨询服务*智能制造诊断咨询费',
      taxRate: '0.06',
      ...pricedInclusive('200000.00', '0.06'),
      contractNo: 'HT-2024-003',
    }),
  ];
}

export function payments(): VPayment[] {
  const payment = (rowNo: number, voucherNo: string, paidOn: string, payee: string, amount: string, contractNo: string): VPayment => ({
    rowNo,
    voucherNo,
    paidOn,
    payer: APPLICANT,
    payee,
    amount,
    contractNo,
  });
  return [
    payment(2, '记-2024-04-015', '2024-04-08', MACHINE_SUPPLIER, '450000.00', 'HT-2024-001'),
    payment(3, '记-2024-07-032', '2024-07-05', MACHINE_SUPPLIER, '680000.00', 'HT-2024-001'),
    payment(4, '记-2024-09-021', '2024-09-20', MACHINE_SUPPLIER, '356628.00', 'HT-2024-001'),
    payment(5, '记-2024-07-040', '2024-07-30', SOFTWARE_SUPPLIER, '300000.00', 'HT-2024-002'),
    payment(6, '记-2025-01-008', '2025-01-10', SOFTWARE_SUPPLIER, '180000.00', 'HT-2024-002'),
    payment(7, '记-2024-09-005', '2024-09-06', CONSULTANT, '200000.00', 'HT-2024-003'),
  ];
}

/** The 数电 XML attached to invoice row 2, as the reader returns it. */
export function machineEInvoice(): EInvoiceData {
  return {
    source: '数电XML',
    fileName: 'FP-24442000000123456789.xml',
    number: '24442000000123456789',
    issuedOn: '2024-06-18',
    sellerName: MACHINE_SUPPLIER,
    sellerTaxId: MACHINE_CODE,
    buyerName: APPLICANT,
    buyerTaxId: APPLICANT_CODE,
    amount: '1000000.00',
    tax: '130000.00',
    total: '1130000.00',
    totalInWords: '壹佰壹拾叁万圆整',
    red: false,
  };
}

/** A fresh copy every call, so a test may change it freely. */
export function cleanProject(): VProject {
  const einvoice = machineEInvoice();
  return {
    batchId: '2025-厦门-第一批',
    projectId: 'XM2024-001',
    applicant: APPLICANT,
    applicantCode: APPLICANT_CODE,
    invoices: invoices(),
    contracts: contracts(),
    payments: payments(),
    attachmentNames: new Set([einvoice.fileName, 'HT-2024-001.pdf', 'HT-2024-002.pdf', 'HT-2024-003.pdf']),
    einvoices: new Map([[einvoice.fileName, einvoice]]),
  };
}

/** The Xiamen rules by default; null for a policy without spending rules. */
export function context(spending: Spending | null = XIAMEN, elsewhere: Record<string, DuplicateLocation[]> = {}): VerificationContext {
  return { spending: spending ?? undefined, duplicatesElsewhere: (key) => elsewhere[key] ?? [] };
}

/** Replaces one invoice row (by rowNo) with changes. */
export function withInvoice(project: VProject, rowNo: number, changes: Partial<VInvoice>): VProject {
  return { ...project, invoices: project.invoices.map((inv) => (inv.rowNo === rowNo ? { ...inv, ...changes } : inv)) };
}

/** Findings of one invoice row after verifying the whole project. */
export function invoiceFindings(project: VProject, rowNo: number, ctx: VerificationContext = context()): VerificationFinding[] {
  return verifyProject(project, ctx).invoices.get(rowNo) ?? [];
}

/** The findings with one code. */
export function withCode(findings: readonly VerificationFinding[] | undefined, code: FindingCode): VerificationFinding[] {
  return (findings ?? []).filter((f) => f.code === code);
}

/** Every finding of the project, flattened, with where it sits. */
export function allFindings(project: VProject, ctx: VerificationContext = context()): (VerificationFinding & { at: string })[] {
  const r = verifyProject(project, ctx);
  return [
    ...[...r.invoices].flatMap(([row, list]) => list.map((f) => ({ ...f, at: `发票第 ${row} 行` }))),
    ...[...r.contracts].flatMap(([no, list]) => list.map((f) => ({ ...f, at: `合同 ${no}` }))),
    ...[...r.payments].flatMap(([row, list]) => list.map((f) => ({ ...f, at: `付款第 ${row} 行` }))),
  ];
}
