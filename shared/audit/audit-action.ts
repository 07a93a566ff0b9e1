import type { EnumOption } from '../domain/enums';

/**
 * Every kind of change the due-diligence record (操作记录) holds. The code is stored and hashed
 * into the audit chain, so a code, once used, never changes meaning; labels may be reworded.
 */
export const AUDIT_ACTION_IDS = [
  'package-import',
  'package-update',
  'invoice-accept',
  'invoice-reduce',
  'invoice-reject',
  'invoice-clear',
  'settings-change',
  'reviewer-create',
  'signer-trust',
  'signer-distrust',
  'rubric-adjust',
  'rubric-freeze',
  'recusal-declare',
  'recusal-withdraw',
  'score-record',
  'verdict-record',
  'expert-file-export',
  'expert-file-merge',
  'consolidation-method',
  'panel-opinion',
  'report-create',
  'report-sign',
  'record-correction',
  'record-correction-withdraw',
  'condition-confirm',
  'advance-record',
  'signing-certificate-import',
  'inspection-record',
  'inspection-clear',
  'inspection-indicator',
  'inspection-photo',
] as const;

export type AuditAction = (typeof AUDIT_ACTION_IDS)[number];

export const AUDIT_ACTIONS: readonly EnumOption<AuditAction>[] = [
  { id: 'package-import', label: '导入材料包' },
  { id: 'package-update', label: '更新材料包' },
  { id: 'invoice-accept', label: '认定发票' },
  { id: 'invoice-reduce', label: '核减发票' },
  { id: 'invoice-reject', label: '不予认定发票' },
  { id: 'invoice-clear', label: '撤销发票认定', aliases: ['撤销认定'] },
  { id: 'settings-change', label: '修改设置' },
  { id: 'reviewer-create', label: '创建评审人身份' },
  { id: 'signer-trust', label: '确认专家证书' },
  { id: 'signer-distrust', label: '撤销对专家证书的确认' },
  { id: 'rubric-adjust', label: '调整评分细则' },
  { id: 'rubric-freeze', label: '冻结评分细则' },
  { id: 'recusal-declare', label: '回避声明' },
  { id: 'recusal-withdraw', label: '声明无利害关系', aliases: ['撤回回避声明'] },
  { id: 'score-record', label: '评分' },
  { id: 'verdict-record', label: '评审结论与意见' },
  { id: 'expert-file-export', label: '导出专家评审文件' },
  { id: 'expert-file-merge', label: '合并专家评审文件' },
  { id: 'consolidation-method', label: '选定汇总方法' },
  { id: 'panel-opinion', label: '专家组意见' },
  { id: 'report-create', label: '生成报告' },
  { id: 'report-sign', label: '签署报告' },
  { id: 'record-correction', label: '更正申报数据' },
  { id: 'record-correction-withdraw', label: '撤销更正' },
  { id: 'condition-confirm', label: '确认资格条件' },
  { id: 'advance-record', label: '登记预拨资金' },
  { id: 'signing-certificate-import', label: '导入单位签名证书' },
  { id: 'inspection-record', label: '现场核查记录' },
  { id: 'inspection-clear', label: '撤销现场核查记录' },
  { id: 'inspection-indicator', label: '现场核查指标' },
  { id: 'inspection-photo', label: '添加现场照片' },
];

/** The label for a stored code; an entry written before codes existed keeps its own wording. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTIONS.find((option) => option.id === action)?.label ?? action;
}
