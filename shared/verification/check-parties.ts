import { checkCreditCode, type CreditCodeCheck } from '../domain/credit-code';
import type { FindingSink } from './findings';
import { normalizeCode, normalizeName, tradeNameStem } from './names';
import type { ProjectIndex } from './project-index';
import type { Severity } from './types';

/**
 * The parties of an invoice.
 * - BUYER_NOT_APPLICANT: the buyer must be the applicant, by name (after
 *   folding widths, brackets and spaces) and by tax id.
 * - CREDIT_CODE_CHECK: GB 32100 check of 18-character codes. A genuine code has
 *   been seen that fails, so a failure is a warning and never an error; older
 *   15/17/20-character taxpayer ids cannot be checked and are a notice (DOMAIN.md §3).
 * - RELATED_PARTY: signs that the seller and the applicant are related —
 *   the same credit code, the same name, or the same 字号 once region, industry
 *   and company form are removed (厦门鹭岛智能装备有限公司 / 鹭岛智能科技(厦门)有限公司).
 *   A warning: related-party purchases are legal but are where prices get inflated.
 */
export function checkParties(index: ProjectIndex, sink: FindingSink): void {
  const codes = new CodeChecker();
  const related = new RelatedParty(index);
  for (const { invoice, rowNo } of index.invoices) {
    const buyerProblems: string[] = [];
    let buyerSeverity: Severity = 'warning';
    const buyerName = normalizeName(invoice.buyerName);
    if (buyerName === '') {
      buyerProblems.push(`购买方名称为空，无法核对是否为申报单位「${index.project.applicant}」`);
    } else if (index.applicantName !== '' && buyerName !== index.applicantName) {
      buyerProblems.push(`购买方名称「${invoice.buyerName.trim()}」与申报单位「${index.project.applicant.trim()}」不一致`);
      buyerSeverity = 'error';
    }
    const buyerCode = normalizeCode(invoice.buyerTaxId);
    if (index.applicantCode !== '') {
      if (buyerCode === '') {
        buyerProblems.push(`购买方纳税人识别号为空，无法与申报单位统一社会信用代码「${index.applicantCode}」核对`);
      } else if (buyerCode !== index.applicantCode) {
        buyerProblems.push(`购买方纳税人识别号「${buyerCode}」与申报单位统一社会信用代码「${index.applicantCode}」不一致`);
        buyerSeverity = 'error';
      }
    }
    if (buyerProblems.length > 0) sink.invoice(rowNo, 'BUYER_NOT_APPLICANT', buyerSeverity, buyerProblems.join('；'));

    const seller = codes.check(invoice.sellerTaxId, '销售方纳税人识别号');
    if (seller) sink.invoice(rowNo, 'CREDIT_CODE_CHECK', seller.severity, seller.message);
    if (buyerCode !== '') {
      const buyer = codes.check(invoice.buyerTaxId, '购买方纳税人识别号');
      if (buyer) sink.invoice(rowNo, 'CREDIT_CODE_CHECK', buyer.severity, buyer.message);
    }

    const sign = related.sign(invoice.sellerName, invoice.sellerTaxId, '销售方');
    if (sign !== undefined) sink.invoice(rowNo, 'RELATED_PARTY', 'warning', sign);
  }

  for (const ledger of index.ledgers.values()) {
    const { contract } = ledger;
    const supplier = codes.check(contract.supplierCode, '供应商统一社会信用代码');
    if (supplier) sink.contract(contract.contractNo, 'CREDIT_CODE_CHECK', supplier.severity, supplier.message);
    const sign = related.sign(contract.supplierName, contract.supplierCode, '供应商');
    if (sign !== undefined) sink.contract(contract.contractNo, 'RELATED_PARTY', 'warning', sign);
  }
}

interface CodeFinding {
  readonly severity: Severity;
  readonly message: string;
}

/** checkCreditCode once per distinct code: a project has thousands of invoices but few suppliers. */
class CodeChecker {
  private readonly cache = new Map<string, Map<string, CreditCodeCheck>>();

  check(raw: string, label: string): CodeFinding | undefined {
    let byRaw = this.cache.get(label);
    if (byRaw === undefined) {
      byRaw = new Map();
      this.cache.set(label, byRaw);
    }
    let result = byRaw.get(raw);
    if (result === undefined) {
      result = checkCreditCode(raw, label);
      byRaw.set(raw, result);
    }
    switch (result.kind) {
      case 'valid':
        return undefined;
      case 'legacy-taxpayer-id':
        return { severity: 'info', message: result.message };
      default:
        // Never an error: a genuine code has been seen that fails the check.
        return { severity: 'warning', message: result.message };
    }
  }
}

class RelatedParty {
  private readonly cache = new Map<string, Map<string, string | undefined>>();
  private readonly applicantStem: string;

  constructor(private readonly index: ProjectIndex) {
    this.applicantStem = tradeNameStem(index.project.applicant);
  }

  /** Why `name`/`code` looks related to the applicant, or undefined. */
  sign(name: string, code: string, role: '销售方' | '供应商'): string | undefined {
    const key = `${role}${name}`;
    let byCode = this.cache.get(key);
    if (byCode === undefined) {
      byCode = new Map();
      this.cache.set(key, byCode);
    }
    if (byCode.has(code)) return byCode.get(code);
    const found = this.compute(name, code, role);
    byCode.set(code, found);
    return found;
  }

  private compute(name: string, code: string, role: string): string | undefined {
    const { applicantName, applicantCode, project } = this.index;
    const applicant = project.applicant.trim();
    const folded = normalizeCode(code);
    if (folded !== '' && folded === applicantCode) {
      return `关联方迹象：${role}「${name.trim()}」的纳税人识别号「${folded}」与申报单位「${applicant}」的统一社会信用代码相同，属自己向自己开票或同一主体，请核实`;
    }
    const foldedName = normalizeName(name);
    if (foldedName !== '' && foldedName === applicantName) {
      return `关联方迹象：${role}名称「${name.trim()}」与申报单位名称相同，请核实交易真实性`;
    }
    const stem = tradeNameStem(name);
    if (stem !== '' && stem === this.applicantStem) {
      return `关联方迹象：${role}「${name.trim()}」与申报单位「${applicant}」去掉地名、行业和组织形式后字号相同（「${stem}」），可能同属一个集团，请核实是否为关联交易及价格是否公允`;
    }
    return undefined;
  }
}
