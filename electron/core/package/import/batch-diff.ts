import type { ParsedProject } from '../records';

export interface SheetChanges {
  added: number;
  removed: number;
  changed: number;
}

export interface ProjectChanges {
  projectId: string;
  status: 'added' | 'removed' | 'changed' | 'unchanged';
  sheets: Record<'合同' | '发票' | '付款' | '绩效指标', SheetChanges>;
  /** Row-level detail for the reviewer: which key was added, removed or changed. */
  details: { sheet: string; key: string; change: 'added' | 'removed' | 'changed' }[];
}

type Keyed = Map<string, string>;

/** JSON with object keys sorted, so that records read back from the database compare by content alone. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * Rows are matched by their natural key (合同编号, invoice key, 凭证号, 指标名称), with an occurrence
 * counter so that repeated keys still pair up; content is compared without the row number, so a row
 * that only moved is unchanged.
 */
function keyed<T extends { rowNo: number }>(rows: readonly T[], keyOf: (row: T) => string): Keyed {
  const seen = new Map<string, number>();
  const result: Keyed = new Map();
  for (const row of rows) {
    const base = keyOf(row);
    const occurrence = (seen.get(base) ?? 0) + 1;
    seen.set(base, occurrence);
    const { rowNo: _rowNo, ...content } = row;
    result.set(occurrence === 1 ? base : `${base}#${String(occurrence)}`, canonical(content));
  }
  return result;
}

function compare(sheet: string, before: Keyed, after: Keyed, details: ProjectChanges['details']): SheetChanges {
  const changes: SheetChanges = { added: 0, removed: 0, changed: 0 };
  for (const [key, content] of after) {
    const old = before.get(key);
    if (old === undefined) {
      changes.added++;
      details.push({ sheet, key, change: 'added' });
    } else if (old !== content) {
      changes.changed++;
      details.push({ sheet, key, change: 'changed' });
    }
  }
  for (const key of before.keys()) {
    if (!after.has(key)) {
      changes.removed++;
      details.push({ sheet, key, change: 'removed' });
    }
  }
  return changes;
}

const EMPTY: ParsedProject['contracts'] = [];

export function diffProject(projectId: string, before: ParsedProject | undefined, after: ParsedProject | undefined): ProjectChanges {
  const details: ProjectChanges['details'] = [];
  const sheets = {
    合同: compare(
      '合同',
      keyed(before?.contracts ?? EMPTY, (r) => r.contractNo),
      keyed(after?.contracts ?? EMPTY, (r) => r.contractNo),
      details,
    ),
    发票: compare(
      '发票',
      keyed(before?.invoices ?? [], (r) => r.key),
      keyed(after?.invoices ?? [], (r) => r.key),
      details,
    ),
    付款: compare(
      '付款',
      keyed(before?.payments ?? [], (r) => r.voucherNo),
      keyed(after?.payments ?? [], (r) => r.voucherNo),
      details,
    ),
    绩效指标: compare(
      '绩效指标',
      keyed(before?.indicators ?? [], (r) => r.name),
      keyed(after?.indicators ?? [], (r) => r.name),
      details,
    ),
  };
  const projectChanged = canonical(before?.project) !== canonical(after?.project);
  const status = !before ? 'added' : !after ? 'removed' : projectChanged || details.length > 0 ? 'changed' : 'unchanged';
  if (projectChanged && before && after) details.unshift({ sheet: '项目信息', key: projectId, change: 'changed' });
  return { projectId, status, sheets, details };
}
