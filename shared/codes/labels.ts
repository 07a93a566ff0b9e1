import type { DecisionKind, FindingCode, InspectionLineSource, InspectionStatus, ReviewState, Severity, Stage, SuggestionKind } from './codes';

/**
 * The one table from code to what a reviewer reads, used by the UI, the xlsx exports and the
 * command line alike. `Record<Code, string>` makes a missing label a compile error; the unit test
 * iterates the code lists as well.
 */

export const STAGE_LABEL: Readonly<Record<Stage, string>> = {
  application: '立项评审',
  midterm: '中期评估',
  acceptance: '竣工验收',
};

/** The same stages as a rule set's disbursement instalments name them (拨付阶段). */
export const INSTALMENT_STAGE_LABEL: Readonly<Record<Stage, string>> = {
  application: '立项',
  midterm: '中期评估',
  acceptance: '竣工验收',
};

export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { error: '错误', warning: '警告', info: '提示' };

/** A problem found in an application package: an error stops the import, a warning does not (提示). */
export const PACKAGE_PROBLEM_LABEL: Readonly<Record<'error' | 'warning', string>> = { error: '错误', warning: '提示' };

export const FINDING_LABEL: Readonly<Record<FindingCode, string>> = {
  INVOICE_NUMBER_FORMAT: '号码格式',
  DUPLICATE_INVOICE: '重复发票',
  DATE_OUTSIDE_WINDOW: '日期超出认定期间',
  DATE_BEFORE_CONTRACT: '早于合同签订',
  AMOUNT_ARITHMETIC: '金额计算不符',
  TAX_RATE_UNKNOWN: '税率异常',
  AMOUNT_IN_WORDS_MISMATCH: '大写金额不符',
  BUYER_NOT_APPLICANT: '购买方非申报单位',
  CREDIT_CODE_CHECK: '信用代码校验',
  NO_CONTRACT: '无对应合同',
  SELLER_NOT_CONTRACTOR: '销售方非合同供应商',
  CONTRACT_OVERINVOICED: '超合同开票',
  UNPAID_BEYOND_TAIL: '未付款超尾款比例',
  EXCLUDED_SPENDING: '不予认定的支出',
  RED_INVOICE: '红字发票',
  REVERSED_INVOICE: '已被红冲',
  THIRD_PARTY_PAYMENT: '第三方付款',
  RELATED_PARTY: '疑似关联方',
  ATTACHMENT_MISMATCH: '附件与登记不符',
  MISSING_ATTACHMENT: '附件缺失',
  DUPLICATE_CONTRACT: '合同重复登记',
  PAYEE_NOT_CONTRACTOR: '收款方非合同供应商',
  CONTRACT_OVERPAID: '超合同付款',
  NO_PAYMENT: '无付款凭证',
  CATEGORY_TO_CONFIRM: '类别待确认',
  TAIL_NOT_STIPULATED: '尾款约定待确认',
  DUPLICATE_PAYMENT: '重复付款记录',
  INSPECTION_NOT_FOUND: '现场未见设备',
  INSPECTION_DIFFERENT: '现场型号或数量不符',
  INDICATOR_BELOW_TARGET: '现场指标低于目标',
};

export const INSPECTION_STATUS_LABEL: Readonly<Record<InspectionStatus, string>> = {
  'seen-running': '已见且运行',
  'seen-idle': '已见未运行',
  'not-found': '未见',
  different: '型号或数量不符',
};

export const INSPECTION_LINE_SOURCE_LABEL: Readonly<Record<InspectionLineSource, string>> = {
  'einvoice-lines': '电子发票明细',
  'invoice-rows': '发票登记表',
};

export const DECISION_LABEL: Readonly<Record<DecisionKind, string>> = { accept: '认定', reduce: '核减', reject: '不予认定' };

export const SUGGESTION_LABEL: Readonly<Record<SuggestionKind, string>> = { accept: '认定', reject: '不予认定', review: '复核后决定' };

export const REVIEW_STATE_LABEL: Readonly<Record<ReviewState, string>> = { pending: '待核验', 'in-progress': '核验中', done: '已核验' };

/** "[警告] 收款方非合同供应商：…" — one finding as a line of text (CLI, workbook cells). */
export function findingLine(finding: { code: FindingCode; severity: Severity; message: string }): string {
  return `[${SEVERITY_LABEL[finding.severity]}] ${FINDING_LABEL[finding.code]}：${finding.message}`;
}
