export const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '提示' } as const;
export const SEVERITY_COLOR = { error: 'red', warning: 'orange', info: 'blue' } as const;
export const DECISION_LABEL = { accept: '认定', reduce: '核减', reject: '不予认定' } as const;
export const DECISION_COLOR = { accept: 'green', reduce: 'gold', reject: 'red' } as const;

export const FINDING_LABEL: Record<string, string> = {
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
};
