import { parseDate } from '@shared/domain/dates';
import { parseProjectType, parseRegionType } from '@shared/domain/enums';
import { checkCreditCode } from '@shared/domain/credit-code';
import { moneyToFen } from '@shared/domain/fen';
import { resolveProjectInfoField, type ResolvedHeader } from '@shared/domain/header-match';
import { parseMoney } from '@shared/domain/money';
import type { Result } from '@shared/domain/result';
import { parseYesNo } from '@shared/domain/yes-no';
import type { PackageProblem } from '@shared/package/problem';
import type { ProjectRecord } from '../records';
import { cellText, columnLetter, isEmptyCell, type PlainCell } from './normalize-cell';
import type { SheetRow } from './sheet-table';

const SHEET = '项目信息';
const REQUIRED_FIELDS = ['项目编号', '项目名称', '申报单位', '统一社会信用代码'] as const;

interface FieldCell {
  field: ResolvedHeader;
  value: PlainCell;
  row: number;
  column: string;
}

/**
 * The 项目信息 sheet is a list of 字段 | 值 pairs. Each row whose first non-empty cell names a known
 * field gives that field's value from the next non-empty cell; other rows (titles, notes) are skipped.
 */
export function parseProjectInfo(rows: SheetRow[], expectedProjectId: string, file: string, problems: PackageProblem[], date1904: boolean): ProjectRecord | null {
  const fields = new Map<string, FieldCell>();
  const extra: Record<string, string> = {};
  for (const row of rows) {
    const first = row.cells.findIndex((c) => !isEmptyCell(c));
    if (first < 0) continue;
    const name = cellText(row.cells[first] ?? null);
    const field = resolveProjectInfoField(name);
    const valueIndex = row.cells.findIndex((c, i) => i > first && !isEmptyCell(c));
    const value = valueIndex < 0 ? null : (row.cells[valueIndex] ?? null);
    if (!field) {
      if (name !== '字段' && valueIndex >= 0) extra[name] = cellText(value);
      continue;
    }
    if (!fields.has(field.column)) {
      fields.set(field.column, { field, value, row: row.rowNumber, column: columnLetter((valueIndex < 0 ? first + 1 : valueIndex) + 1) });
    }
  }

  const before = problems.filter((p) => p.severity === 'error').length;
  const report = (severity: 'error' | 'warning', cell: FieldCell | undefined, message: string) =>
    problems.push({ severity, file, sheet: SHEET, ...(cell ? { row: cell.row, column: cell.column } : {}), message });

  const read = <T>(name: string, parse: (value: PlainCell, cell: FieldCell) => Result<T>): T | null => {
    const cell = fields.get(name);
    if (!cell || isEmptyCell(cell.value)) return null;
    const result = parse(cell.value, cell);
    if (result.ok) return result.value;
    report('error', cell, result.message);
    return null;
  };
  const text = (name: string) => cellText(fields.get(name)?.value ?? null);

  for (const name of REQUIRED_FIELDS) {
    if (text(name) === '') report('error', fields.get(name), `「${name}」未填写，项目信息中必须有此项`);
  }
  const projectId = text('项目编号');
  if (projectId !== '' && projectId !== expectedProjectId) {
    report('error', fields.get('项目编号'), `项目编号「${projectId}」与材料包清单中的项目编号「${expectedProjectId}」不一致`);
  }
  const creditCode = text('统一社会信用代码');
  if (creditCode !== '') {
    const check = checkCreditCode(creditCode, '申报单位统一社会信用代码');
    if (check.kind !== 'valid') report('warning', fields.get('统一社会信用代码'), check.message);
  }
  const supporting = read('配套企业数量', (value) => {
    const n = typeof value === 'number' ? value : Number(cellText(value));
    return Number.isInteger(n) && n >= 0 ? { ok: true as const, value: n } : { ok: false as const, message: `配套企业数量「${cellText(value)}」应为非负整数` };
  });
  const planned = read('计划总投资', (value, cell) => parseMoney(value, { unit: cell.field.unit, label: '计划总投资' }));
  const periodStart = read('建设期起', (value) => parseDate(value, { label: '建设期起', date1904 }));
  const periodEnd = read('建设期止', (value) => parseDate(value, { label: '建设期止', date1904 }));
  if (periodStart && periodEnd && periodStart > periodEnd) {
    report('error', fields.get('建设期止'), `建设期止 ${periodEnd} 早于建设期起 ${periodStart}`);
  }

  const record: ProjectRecord = {
    id: expectedProjectId,
    name: text('项目名称'),
    applicant: text('申报单位'),
    creditCode,
    industryCode: text('行业代码').toUpperCase() || null,
    tier: read('项目类型', (value) => parseProjectType(value)),
    chainLeader: read('是否链主企业', (value) => parseYesNo(value, '是否链主企业')),
    supportingEnterprises: supporting,
    regionKind: read('区域类型', (value) => parseRegionType(value)),
    plannedInvestment: planned === null ? null : moneyToFen(planned),
    periodStart,
    periodEnd,
    district: text('所在区县'),
    contact: text('联系人'),
    phone: text('联系电话'),
    extra,
  };
  const industry = record.industryCode;
  if (industry !== null && !/^[A-T]\d{2,4}$/.test(industry)) {
    report('error', fields.get('行业代码'), `行业代码「${industry}」应为 GB/T 4754 代码：一个字母加 2 至 4 位数字，如 C3484`);
  }
  return problems.filter((p) => p.severity === 'error').length === before ? record : null;
}
