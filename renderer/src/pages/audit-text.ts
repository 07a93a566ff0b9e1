import { CONSOLIDATION_METHODS } from '@shared/scoring/consolidate';
import type { EnumOption } from '@shared/domain/enums';
import { REVIEWER_ROLES } from '@shared/identity/reviewer-role';
import { RECUSAL_KINDS } from '@shared/scoring/recusal';
import { VERDICTS } from '@shared/scoring/verdict';

/**
 * The 操作记录 in words a reviewer reads: what an entry concerns (批次, 项目, 评审人 …) without the
 * stored identifiers, and its details as values with Chinese labels for the codes they hold.
 */

const SUBJECT_KIND: Record<string, string> = { batch: '批次', project: '项目', reviewer: '评审人身份', signer: '专家证书', settings: '设置', rubric: '评分细则' };

export function auditSubjectText(subject: string): string {
  const [kind = '', rest = ''] = subject.split(/:(.*)/su);
  const label = SUBJECT_KIND[kind];
  if (!label) return subject;
  // Batch and project numbers are the bureau's own numbers and are shown; internal ids and fingerprints are not.
  if (kind === 'project') return `${label} ${rest.split('/').pop() ?? ''}`;
  if (kind === 'batch') return `${label} ${rest}`;
  return label;
}

const CODE_TABLES: readonly (readonly EnumOption<string>[])[] = [REVIEWER_ROLES, VERDICTS, RECUSAL_KINDS, CONSOLIDATION_METHODS];
const METHOD_WORDS: Record<string, string> = { phone: '电话核对', paper: '书面核对', 'in-person': '当面核对' };

function valueText(value: unknown): string | null {
  // Lists (the invoices of a bulk decision): the first few, then how many in all.
  if (Array.isArray(value)) {
    const items = value.map(valueText).filter((t): t is string => t !== null);
    if (items.length === 0) return null;
    return items.length > 3 ? `${items.slice(0, 3).join('、')} 等 ${String(items.length)} 张` : items.join('、');
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string' || value.trim() === '') return null;
  for (const table of CODE_TABLES) {
    const found = table.find((option) => option.id === value);
    if (found) return found.label;
  }
  if (METHOD_WORDS[value]) return METHOD_WORDS[value];
  // Hashes, fingerprints, internal ids and other codes stay out of the reviewer's view.
  if (/^[0-9a-f-]{16,}$/iu.test(value) || /^[a-z][a-zA-Z-]*$/u.test(value)) return null;
  return value;
}

const KEY_LABEL: Record<string, string> = {
  adoptedDecisions: '承接的发票认定',
  version: '版本',
  score: '得分',
  total: '总分',
  projects: '项目数',
  divergencePoints: '偏离提示分差',
  rows: '发票张数',
  invoices: '发票',
  amount: '认定金额（元）',
  reason: '理由',
  sourceName: '材料包文件',
  warnings: '提示条数',
};

/** One line of the details (stored as JSON). */
export function auditDetailText(details: string): string {
  let value: unknown;
  try {
    value = JSON.parse(details);
  } catch {
    return details;
  }
  if (typeof value !== 'object' || value === null) return valueText(value) ?? '';
  return Object.entries(value as Record<string, unknown>)
    .flatMap(([key, v]) => {
      const text = valueText(v);
      if (text === null) return [];
      const label = KEY_LABEL[key];
      return [label ? `${label} ${text}` : text];
    })
    .join('；');
}
