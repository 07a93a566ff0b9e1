import type { ProjectVerification } from '@shared/api/verification-contract';
import { formatLocalDateTime } from '@shared/domain/local-time';

/**
 * 申报数据更正: the corrections the verified figures rest on, one line each, for the acceptance
 * report — which row and field, the sheet value and the corrected one, why, the attachment page, who
 * and when. A report without corrections says so, so a reader knows the sheet was taken as filed.
 */
export function correctionsSection(v: Pick<ProjectVerification, 'corrections'>): { heading: string; lines: string[] } {
  const heading = '申报数据更正';
  if (v.corrections.length === 0) return { heading, lines: ['无。核验按申报表原值进行。'] };
  return {
    heading,
    lines: v.corrections.map((c) => {
      const what = c.target === 'invoice' ? `发票 ${c.targetKey}${c.rowNo === null ? '' : `（第 ${String(c.rowNo)} 行）`}` : `合同 ${c.targetKey}`;
      const evidence = c.evidence === '' ? '' : `，依据 ${c.evidence}`;
      return `${what}${c.fieldLabel}：申报表为「${c.oldValue}」，更正为「${c.newValue}」；理由：${c.reason}${evidence}（${c.reviewer}，${formatLocalDateTime(c.correctedAt, true)}）`;
    }),
  };
}
